import { pythonCacheKey } from './python-cache-key';

/**
 * Prints the Python cache key of a Python project's audit (see python-cache-key.ts): a runtime cache input of the
 * audit target, so that a result computed without Python, or with another Python, is never served from a shared
 * cache to a machine where it would differ. The `python` option comes as the argument.
 */
void pythonCacheKey(process.argv[1] || undefined).then((key) => console.log(key));
