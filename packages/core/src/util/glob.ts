/**
 * Glob match for workspace-relative paths: `**` spans folders (`**\/` also matches no folder), `*` stays within
 * one, `?` is one character, `{a,b}` is either. A pattern starting with `!` never matches (negations are the
 * caller's to apply).
 */
export function matchesGlob(path: string, glob: string): boolean {
  return globRegExp(glob).test(path);
}

const cache = new Map<string, RegExp>();

export function globRegExp(glob: string): RegExp {
  let found = cache.get(glob);
  if (!found) {
    found = new RegExp(`^${translate(glob)}$`);
    if (cache.size > 1000) cache.clear();
    cache.set(glob, found);
  }
  return found;
}

function translate(glob: string): string {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        pattern += '(?:.*/)?';
      } else pattern += '.*';
    } else if (char === '*') pattern += '[^/]*';
    else if (char === '?') pattern += '[^/]';
    else if (char === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) {
        pattern += '\\{';
        continue;
      }
      pattern += `(?:${glob
        .slice(i + 1, end)
        .split(',')
        .map(translate)
        .join('|')})`;
      i = end;
    } else pattern += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return pattern;
}
