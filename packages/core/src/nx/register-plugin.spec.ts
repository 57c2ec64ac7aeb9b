import { isPluginRegistered, registerNxPlugin, registerPhasePlugin, type NxJsonTree } from './register-plugin';

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

describe('registerPhasePlugin', () => {
  it("registers a phase package's plugin, unless the pipeline's plugin is there to run it", () => {
    const alone = memoryTree({ 'nx.json': '{"plugins":["@nx/js/typescript"]}' });
    expect(registerPhasePlugin(alone, '@shipshape/deps')).toBe(true);
    expect(isPluginRegistered(JSON.parse(alone.files['nx.json']), '@shipshape/deps')).toBe(true);
    const withPipeline = memoryTree({ 'nx.json': '{"plugins":[{"plugin":"@shipshape/pipeline","options":{}}]}' });
    expect(registerPhasePlugin(withPipeline, '@shipshape/deps')).toBe(false);
    expect(withPipeline.files['nx.json']).toBe('{"plugins":[{"plugin":"@shipshape/pipeline","options":{}}]}');
    expect(() => registerPhasePlugin(memoryTree({}), '@shipshape/deps')).toThrow('no nx.json');
  });

  it('finds a plugin registered as a string or an object, and nothing in a malformed list', () => {
    expect(isPluginRegistered({ plugins: ['a', { plugin: 'b' }] }, 'a')).toBe(true);
    expect(isPluginRegistered({ plugins: ['a', { plugin: 'b' }] }, 'b')).toBe(true);
    expect(isPluginRegistered({ plugins: ['a'] }, 'c')).toBe(false);
    expect(isPluginRegistered({ plugins: 'a' }, 'a')).toBe(false);
    expect(isPluginRegistered(undefined, 'a')).toBe(false);
  });
});
