import { registerNxPlugin, type NxJsonTree } from './register-plugin';

function memoryTree(files: Record<string, string>): NxJsonTree & { files: Record<string, string> } {
  return {
    files,
    exists: (path) => path in files,
    read: (path) => files[path] ?? null,
    write: (path, content) => {
      files[path] = content;
    },
  };
}

describe('registerNxPlugin', () => {
  it('appends the plugin with its options, keeping comments and formatting', () => {
    const tree = memoryTree({ 'nx.json': '{\n  // ours\n  "plugins": ["@nx/js/typescript"]\n}\n' });
    expect(registerNxPlugin(tree, '@shipshape/deps')).toBe(true);
    expect(tree.files['nx.json']).toBe(
      '{\n  // ours\n  "plugins": [\n    "@nx/js/typescript",\n    {\n      "plugin": "@shipshape/deps"\n    }\n  ]\n}\n',
    );
    expect(registerNxPlugin(tree, '@shipshape/deps', { x: 1 })).toBe(false);
  });

  it('creates the plugins list, and finds a plugin registered as a string', () => {
    const tree = memoryTree({ 'nx.json': '{}' });
    registerNxPlugin(tree, 'a', { targetName: 'audit' });
    expect(JSON.parse(tree.files['nx.json']).plugins).toEqual([{ plugin: 'a', options: { targetName: 'audit' } }]);
    const strings = memoryTree({ 'nx.json': '{"plugins":["a"]}' });
    expect(registerNxPlugin(strings, 'a')).toBe(false);
    expect(strings.files['nx.json']).toBe('{"plugins":["a"]}');
  });

  it('names nx.json when it is missing, malformed or has no plugins array', () => {
    expect(() => registerNxPlugin(memoryTree({}), 'a')).toThrow('no nx.json at the workspace root');
    expect(() => registerNxPlugin(memoryTree({ 'nx.json': '{ "plugins": [ }' }), 'a')).toThrow(/^nx\.json: invalid JSON at line 1/);
    expect(() => registerNxPlugin(memoryTree({ 'nx.json': '{ "plugins": {} }' }), 'a')).toThrow('nx.json: "plugins" must be an array');
  });
});
