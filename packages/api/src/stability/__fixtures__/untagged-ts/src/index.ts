export { slugify, type SlugOptions } from './slug';
export { Tokenizer, DEFAULT_SEPARATOR } from './tokenizer';
export default function version(): string {
  return '0.3.1';
}
