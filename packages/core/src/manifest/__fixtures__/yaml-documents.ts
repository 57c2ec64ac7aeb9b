import fc from 'fast-check';

type Eol = '\n' | '\r\n';
type Path = (string | number)[];

/** A scalar of the generated document and where its text is. */
export interface YamlScalarSite {
  path: Path;
  value: unknown;
  span: [number, number];
}

/** A mapping of the generated document, with its keys. */
export interface YamlMapSite {
  path: Path;
  keys: string[];
  indent: number;
}

export interface GeneratedYaml {
  text: string;
  eol: Eol;
  data: Record<string, unknown>;
  scalars: YamlScalarSite[];
  maps: YamlMapSite[];
}

interface Scalar {
  raw: string;
  value: unknown;
}

type Node = { kind: 'scalar'; scalar: Scalar; comment?: string } | { kind: 'map'; entries: Entry[] } | { kind: 'seq'; items: Scalar[]; flow: boolean };

interface Entry {
  key: Scalar & { value: string };
  node: Node;
  comment?: string;
  blank: boolean;
}

const words = ['alpha', 'beta', 'gamma', 'build', 'test', 'ci', 'main'];
export const yamlKeys = ['name', 'on', 'jobs', 'steps', 'runs-on', 'with space', 'key:colon', 'version'];

const commentText = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '#', ':', '"', "'", 'é'), maxLength: 8 });
const comment = fc.option(commentText.map((t) => `#${t}`), { nil: undefined });

const keyArb: fc.Arbitrary<Entry['key']> = fc.tuple(fc.constantFrom(...yamlKeys), fc.constantFrom('plain', 'single', 'double')).map(([name, style]) => {
  const plain = /^[a-z][a-z-]*$/.test(name) && name !== 'on';
  const raw = style === 'plain' && plain ? name : style === 'single' || !plain ? `'${name.replace(/'/g, "''")}'` : JSON.stringify(name);
  return { raw: style === 'double' ? JSON.stringify(name) : raw, value: name };
});

const quotedText = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ':', '#', '"', "'", '-', 'é', '😀'), maxLength: 8 });

export const yamlScalar: fc.Arbitrary<Scalar> = fc.oneof(
  fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((w) => ({ raw: w.join(' '), value: w.join(' ') })),
  quotedText.map((s) => ({ raw: `'${s.replace(/'/g, "''")}'`, value: s })),
  quotedText.map((s) => ({ raw: JSON.stringify(s), value: s })),
  fc.integer({ min: -100_000, max: 100_000 }).map((n) => ({ raw: String(n), value: n })),
  fc.boolean().map((b) => ({ raw: String(b), value: b })),
  fc.constantFrom({ raw: 'null', value: null }, { raw: '~', value: null }),
);

const nodeArb: fc.Arbitrary<Node> = fc.letrec<{ node: Node; map: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant<'scalar'>('scalar'), scalar: yamlScalar, comment }),
    fc.record({ kind: fc.constant<'seq'>('seq'), items: fc.array(yamlScalar, { minLength: 1, maxLength: 3 }), flow: fc.boolean() }),
    tie('map'),
  ),
  map: fc.record({
    kind: fc.constant<'map'>('map'),
    entries: fc.uniqueArray(fc.record({ key: keyArb, node: tie('node'), comment, blank: fc.boolean() }), { minLength: 1, maxLength: 4, selector: (e) => e.key.value }),
  }),
})).map;

/**
 * YAML documents in the shape of CI workflows and config files: nested block mappings, block and flow
 * sequences (indented under their key or not, the same way through one file), comments, blank lines.
 */
export const yamlDocument: fc.Arbitrary<GeneratedYaml> = fc
  .record({ root: nodeArb, unit: fc.constantFrom(2, 4), eol: fc.constantFrom<Eol>('\n', '\r\n'), finalNewline: fc.boolean(), header: comment, indentedSequences: fc.boolean() })
  .map(({ root, unit, eol, finalNewline, header, indentedSequences }) => {
    let text = header ? header + eol : '';
    const scalars: YamlScalarSite[] = [];
    const maps: YamlMapSite[] = [];
    const writeMap = (node: Extract<Node, { kind: 'map' }>, path: Path, depth: number): Record<string, unknown> => {
      const data: Record<string, unknown> = {};
      const pad = ' '.repeat(depth * unit);
      maps.push({ path, keys: node.entries.map((e) => e.key.value), indent: depth * unit });
      for (const entry of node.entries) {
        if (entry.blank) text += eol;
        if (entry.comment) text += pad + entry.comment + eol;
        text += `${pad}${entry.key.raw}:`;
        const childPath = [...path, entry.key.value];
        const child = entry.node;
        if (child.kind === 'scalar') {
          text += ' ';
          scalars.push({ path: childPath, value: child.scalar.value, span: [text.length, text.length + child.scalar.raw.length] });
          text += child.scalar.raw + (child.comment ? ` ${child.comment}` : '') + eol;
          data[entry.key.value] = child.scalar.value;
        } else if (child.kind === 'seq' && child.flow) {
          text += ` [${child.items.map((item) => item.raw).join(', ')}]${eol}`;
          data[entry.key.value] = child.items.map((item) => item.value);
        } else if (child.kind === 'seq') {
          text += eol;
          const itemPad = indentedSequences ? ' '.repeat((depth + 1) * unit) : pad;
          child.items.forEach((item, i) => {
            text += `${itemPad}- `;
            scalars.push({ path: [...childPath, i], value: item.value, span: [text.length, text.length + item.raw.length] });
            text += item.raw + eol;
          });
          data[entry.key.value] = child.items.map((item) => item.value);
        } else {
          text += eol;
          data[entry.key.value] = writeMap(child, childPath, depth + 1);
        }
      }
      return data;
    };
    const data = writeMap(root.kind === 'map' ? root : { kind: 'map', entries: [{ key: { raw: 'name', value: 'name' }, node: root, blank: false }] }, [], 0);
    if (!finalNewline) text = text.slice(0, -eol.length);
    return { text, eol, data, scalars, maps };
  });
