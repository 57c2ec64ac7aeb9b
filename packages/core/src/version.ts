// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package.json beside dist/, not copied into it
export const SHIPSHAPE_VERSION: string = (require('../package.json') as { version: string }).version;
