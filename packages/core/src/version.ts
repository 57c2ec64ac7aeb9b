// eslint-disable-next-line @typescript-eslint/no-require-imports
export const SHIPSHAPE_VERSION: string = require('../package.json').version;
