import { exportStatements } from './export-statements';

describe('exportStatements', () => {
  it('writes values and types in statements of their own', () => {
    const names = [
      { name: 'b', typeOnly: false },
      { name: 'T', typeOnly: true },
      { name: 'a', typeOnly: false },
    ];
    expect(exportStatements(names, "'./x'", { semicolon: true })).toBe("export { b, a } from './x';\nexport type { T } from './x';");
    expect(exportStatements(names, "'./x'", { semicolon: false, eol: '\r\n' })).toBe(
      "export { b, a } from './x'\r\nexport type { T } from './x'",
    );
  });

  it('puts one name a line, with the given line ending, when the statement is longer than 100 characters', () => {
    const names = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh'].map(
      (name) => ({ name, typeOnly: false }),
    );
    const text = exportStatements(names, "'./numbers'", { semicolon: true, eol: '\r\n' });
    expect(text.split('\r\n')).toEqual(['export {', ...names.map((n) => `  ${n.name},`), "} from './numbers';"]);
  });

  it('keeps loading a module that exports nothing', () => {
    expect(exportStatements([], "'./side-effect'", { semicolon: true })).toBe("export {} from './side-effect';");
  });
});
