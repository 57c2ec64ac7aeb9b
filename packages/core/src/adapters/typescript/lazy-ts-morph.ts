import { lazyModule } from '../../util/lazy-module';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see lazyModule
export const tsMorph = lazyModule(() => require('ts-morph') as typeof import('ts-morph'));
