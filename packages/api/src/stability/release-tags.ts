import { StandardTags, TSDocConfiguration, TSDocParser } from '@microsoft/tsdoc';

/** The four TSDoc release tags, as api-extractor ranks them: a declaration may expose only what is at least as released. */
export type ReleaseTag = 'internal' | 'alpha' | 'beta' | 'public';

export const RELEASE_TAGS: readonly ReleaseTag[] = ['internal', 'alpha', 'beta', 'public'];

/** api-extractor's order (ReleaseTag.Internal = 1 … Public = 4). */
export function releaseRank(tag: ReleaseTag): number {
  return RELEASE_TAGS.indexOf(tag) + 1;
}

let parser: TSDocParser | undefined;

/**
 * TSDoc's standard configuration: it defines `@public`, `@beta`, `@alpha` and `@internal` as modifier tags (and
 * `@experimental`, which TSDoc defines as a synonym of `@beta` but api-extractor does not read as a release tag).
 */
function tsdocParser(): TSDocParser {
  if (!parser) {
    const configuration = new TSDocConfiguration();
    for (const tag of [StandardTags.public, StandardTags.beta, StandardTags.alpha, StandardTags.internal]) {
      if (!configuration.tryGetTagDefinition(tag.tagName)) configuration.addTagDefinition(tag);
    }
    parser = new TSDocParser(configuration);
  }
  return parser;
}

/**
 * The release tags one `/** … *\/` comment carries, read with @microsoft/tsdoc (so a tag in a code span, a fenced
 * example or an `{@link}` is not one). Several tags is a user's mistake that api-extractor reports itself
 * (ae-extra-release-tag); the least released of them is the one that holds.
 */
export function releaseTagsOf(comment: string): ReleaseTag[] {
  const { docComment } = tsdocParser().parseString(comment);
  const set = docComment.modifierTagSet;
  const found: ReleaseTag[] = [];
  if (set.isInternal()) found.push('internal');
  if (set.isAlpha()) found.push('alpha');
  if (set.isBeta()) found.push('beta');
  if (set.isPublic()) found.push('public');
  return found;
}

/** Is this comment a file's header (a licence, the package documentation), not a declaration's documentation? */
export function isFileHeader(comment: string): boolean {
  return /@(?:license|licence|preserve|copyright|packageDocumentation|fileoverview|file|module)\b/i.test(comment);
}
