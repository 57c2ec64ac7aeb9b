/* The separator words are split on. */
export const DEFAULT_SEPARATOR = ' ';

/**
 * Splits text into tokens.
 * @deprecated Use `slugify` and split its result instead. */
export class Tokenizer {
  tokens(text: string): string[] {
    return text.split(DEFAULT_SEPARATOR);
  }
}
