import { parseRequirement } from '../../manifest/python-requirement';
import { defineTool, type DeclaredReference } from '../tool';

/** A requirements file's requirement lines: no options (`-r`, `-e`, `--hash`), no URLs or paths, no comments. */
function requirementLines(text: string): Array<{ requirement: string; line: number }> {
  return text.split('\n').flatMap((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line || line.startsWith('-') || /^[./]|:\/\//.test(line)) return [];
    return [{ requirement: line.replace(/\s+--hash=\S+/g, ''), line: index + 1 }];
  });
}

/**
 * pip requirements files (`requirements.txt`, `requirements-dev.txt`, `docs/requirements.txt`, `requirements/*.txt`):
 * where many projects pin their test, docs and tooling dependencies (httpx, rich's docs). They count as
 * development declarations; the generators never edit them.
 */
export default defineTool({
  name: 'pip',
  ecosystem: 'python',
  enablers: [],
  configFiles: [
    'requirements*.txt',
    '*-requirements.txt',
    '*_requirements.txt',
    'requirements/*.txt',
    '{docs,doc,tests,test}/requirements*.txt',
    '{docs,doc}/*/requirements*.txt',
  ],
  references({ configs }) {
    const declared: DeclaredReference[] = configs.flatMap(({ file, text }) =>
      requirementLines(text).flatMap(({ requirement, line }, index) => {
        const parsed = parseRequirement(requirement);
        return parsed
          ? [
              {
                name: parsed.name,
                spec: requirement,
                group: 'dev' as const,
                section: file,
                path: [file, String(index)],
                file,
                line,
                column: 1,
              },
            ]
          : [];
      }),
    );
    return { declared };
  },
});
