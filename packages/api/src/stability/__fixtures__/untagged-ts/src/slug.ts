/** Options of slugify. */
export interface SlugOptions {
  separator?: string;
}

/**
 * Turns a title into a URL slug.
 *
 * @example
 * ```ts
 * slugify("Hello World"); // "hello-world"
 * ```
 */
export function slugify(title: string, options: SlugOptions = {}): string {
  return title.toLowerCase().split(/\s+/).join(options.separator ?? "-");
}
