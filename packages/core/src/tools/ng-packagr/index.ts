import { posix } from 'node:path';
import { readJsonValue, stringsAt } from '../static-value';
import { wholeFile } from '../places';
import { defineTool, type EntryReference, type OutputReference } from '../tool';

/**
 * ng-packagr (Angular package format): `ng-package.json` (or package.json "ngPackage") names `lib.entryFile`
 * (src/public-api.ts by default) and `dest` (dist); it writes one bundle per format (`fesm2022/<name>.mjs`)
 * and the declarations (`types/<name>.d.ts`), all from that one entry.
 */
export default defineTool({
  name: 'ng-packagr',
  ecosystem: 'npm',
  enablers: ['ng-packagr'],
  configFiles: ['ng-package.json'],
  manifestFields: ['ngPackage'],
  references({ configs, fields }) {
    const entries: EntryReference[] = [];
    const outputs: OutputReference[] = [];
    const sources = [...configs, ...fields.map((field) => ({ file: field.file, text: JSON.stringify(field.value) }))];
    for (const { file, text } of sources) {
      const value = readJsonValue(text);
      if (!value) continue;
      const at = (path: string) => posix.normalize(posix.join(posix.dirname(file), path));
      const entry = stringsAt(value, ['lib', 'entryFile'])[0];
      const dest = stringsAt(value, ['dest'])[0];
      const entryFile = at(entry?.value ?? 'src/public-api.ts');
      entries.push({ ...(entry ? { file, line: entry.line, column: entry.column } : wholeFile(file)), pattern: entryFile, kind: 'build' });
      outputs.push({
        ...(dest ? { file, line: dest.line, column: dest.column } : wholeFile(file)),
        dir: at(dest?.value ?? 'dist'),
        entries: [entryFile],
      });
    }
    return { entries, outputs };
  },
});
