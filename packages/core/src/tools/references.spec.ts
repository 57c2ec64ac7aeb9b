import { configStrings } from './references';

describe('config strings', () => {
  it('finds quoted package names and YAML-style values, with their lines', () => {
    const text = "module.exports = {\n  preset: 'ts-jest',\n  transform: { x: ['@swc/jest', {}] },\n};\n";
    expect(configStrings(text).map((s) => `${s.line}:${s.value}`)).toEqual(expect.arrayContaining(['2:ts-jest', '3:@swc/jest']));
    expect(configStrings('plugins:\n  - prettier-plugin-x\n').map((s) => s.value)).toContain('prettier-plugin-x');
  });
});
