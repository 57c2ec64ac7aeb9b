import fc from 'fast-check';

export type Eol = '\n' | '\r\n';
type Span = [start: number, end: number];
type KeyStyle = 'bare' | 'basic' | 'literal';
type Data = Record<string, unknown>;

interface KeySpec {
  name: string;
  style: KeyStyle;
}

interface ValueSpec {
  raw: (eol: Eol, indent: string) => string;
  value: unknown;
  members?: { name: string; value: unknown; offset: number; length: number }[];
}

interface EntrySpec {
  key: KeySpec[];
  value: ValueSpec;
  eq: string;
  comment?: string;
  trailing?: string;
  blank: number;
}

interface SectionSpec {
  kind: 'table' | 'array';
  header: KeySpec[];
  spaced: boolean;
  comment?: string;
  trailing?: string;
  blank: number;
  indent: string;
  entries: EntrySpec[];
}

interface DocSpec {
  eol: Eol;
  finalNewline: boolean;
  preamble: string[];
  root: EntrySpec[];
  sections: SectionSpec[];
}

/** A value the generated document holds, with where its text is. */
export interface TomlValueSite {
  path: string[];
  value: unknown;
  span: Span;
  lineSpan: Span;
  dotted: boolean;
  inline: boolean;
}

/** A table of the generated document (the root is the one with an empty path and no header). */
export interface TomlTableSite {
  path: string[];
  kind: 'root' | 'table' | 'array';
  keys: string[];
  headerSpan?: Span;
  lastEntryEnd: number;
  end: number;
  /** Where the next `[header]` line starts (the end of the text for the last table). */
  nextHeader: number;
}

export interface GeneratedToml {
  text: string;
  eol: Eol;
  data: Data;
  values: TomlValueSite[];
  tables: TomlTableSite[];
}

const bareKeys = ['name', 'version', 'description', 'a-b', 'x_1', 'N2', 'requires'];
const quotedKeys = ['with space', 'dot.ted', 'ünï', 'quote"d', 'hash#'];
const dottedPrefixes = ['urls', 'opt'];
const tableHeads = ['project', 'tool', 'build-system', 'entries', 'a b'];
const tableTails = ['alpha', 'beta', 'x-y', 'ü'];
const arrayHeads = ['tool', 'entries'];
const arrayTails = ['items', 'plugins'];
export const newTableNames = ['shipshape', 'new-table', 'zeta'];
export const newKeyNames = [...bareKeys, ...quotedKeys, 'license', 'added key'];

const isBare = (name: string) => /^[A-Za-z0-9_-]+$/.test(name);

function escapeBasic(text: string): string {
  return text.replace(/["\\\u0000-\u001f\u007f]/g, (c) => {
    const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;
  });
}

export function renderKey(key: KeySpec): string {
  if (key.style === 'bare' && isBare(key.name)) return key.name;
  if (key.style === 'literal' && !/['\u0000-\u001f]/.test(key.name)) return `'${key.name}'`;
  return `"${escapeBasic(key.name)}"`;
}

const keyArb = (names: string[]): fc.Arbitrary<KeySpec> =>
  fc.record({ name: fc.constantFrom(...names), style: fc.constantFrom<KeyStyle>('bare', 'basic', 'literal') });

const commentText = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '#', '"', "'", '=', '[', 'é', '😀'), maxLength: 12 });
const comment = fc.option(commentText.map((t) => `#${t}`), { nil: undefined });

const textUnit = fc.constantFrom('a', 'b', 'Z', '0', ' ', '"', "'", '\\', '#', '=', '[', '{', ',', 'é', '😀', '\t', '\n', '\u0001');
const anyText = fc.string({ unit: textUnit, maxLength: 10 });
const literalText = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', '#', '=', 'é', '😀'), maxLength: 10 });

const basicString: fc.Arbitrary<ValueSpec> = anyText.map((s) => ({ raw: () => `"${escapeBasic(s)}"`, value: s }));
const literalString: fc.Arbitrary<ValueSpec> = literalText.map((s) => ({ raw: () => `'${s}'`, value: s }));
const multilineString: fc.Arbitrary<ValueSpec> = fc
  .tuple(literalText.filter((s) => !s.includes('\\') && !s.includes('"')), fc.boolean())
  .map(([s, literal]) => ({ raw: (eol: Eol) => (literal ? `'''${eol}${s}'''` : `"""${eol}${s}"""`), value: s }));

const integer: fc.Arbitrary<ValueSpec> = fc
  .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.constantFrom('plain', 'plus', 'underscore', 'hex', 'octal', 'binary'))
  .map(([n, form]) => {
    const abs = Math.abs(n);
    const sign = n < 0 ? '-' : '';
    const forms: Record<string, string> = {
      plain: String(n),
      plus: n < 0 ? String(n) : `+${n}`,
      underscore: sign + String(abs).replace(/\B(?=(\d{3})+(?!\d))/g, '_'),
      hex: n < 0 ? String(n) : `0x${n.toString(16)}`,
      octal: n < 0 ? String(n) : `0o${n.toString(8)}`,
      binary: n < 0 ? String(n) : `0b${n.toString(2)}`,
    };
    return { raw: () => forms[form], value: n };
  });

const float: fc.Arbitrary<ValueSpec> = fc
  .constantFrom<[string, number]>(['3.14', 3.14], ['-0.5', -0.5], ['1e3', 1000], ['6.02E+23', 6.02e23], ['1_000.5', 1000.5], ['+inf', Infinity])
  .map(([raw, value]) => ({ raw: () => raw, value }));

const boolean: fc.Arbitrary<ValueSpec> = fc.boolean().map((b) => ({ raw: () => String(b), value: b }));

const scalar = fc.oneof(basicString, literalString, multilineString, integer, float, boolean);
const arrayItem = fc.oneof(basicString, literalString, integer, boolean);

const inlineTable: fc.Arbitrary<ValueSpec> = fc
  .record({
    members: fc.uniqueArray(fc.record({ key: keyArb([...bareKeys, ...quotedKeys]), value: fc.oneof(basicString, literalString, integer, float, boolean) }), {
      maxLength: 3,
      selector: (m) => m.key.name,
    }),
    spaced: fc.boolean(),
  })
  .map(({ members, spaced }) => {
    const open = spaced ? '{ ' : '{';
    let inner = '';
    const placed: NonNullable<ValueSpec['members']> = [];
    for (const member of members) {
      if (inner) inner += ', ';
      inner += `${renderKey(member.key)} = `;
      const raw = member.value.raw('\n', '');
      placed.push({ name: member.key.name, value: member.value.value, offset: open.length + inner.length, length: raw.length });
      inner += raw;
    }
    const raw = members.length === 0 ? '{}' : `${open}${inner}${spaced ? ' }' : '}'}`;
    return { raw: () => raw, value: Object.fromEntries(members.map((m) => [m.key.name, m.value.value])), members: placed };
  });

/** Formatting shapes the generator may use; the defaults turn every one on. */
export interface TomlShapes {
  tabAfterEquals: boolean;
  spacedHeaders: boolean;
  blankLineRuns: boolean;
  tabIndent: boolean;
  arrayComments: boolean;
}

export const allTomlShapes: TomlShapes = { tabAfterEquals: true, spacedHeaders: true, blankLineRuns: true, tabIndent: true, arrayComments: true };

function documentSpec(shapes: TomlShapes): fc.Arbitrary<DocSpec> {
  const tabs = shapes.tabIndent ? ['\t'] : [];
  const blank = fc.nat({ max: shapes.blankLineRuns ? 2 : 1 });
  const spacedHeader = shapes.spacedHeaders ? fc.boolean() : fc.constant(false);

  const array: fc.Arbitrary<ValueSpec> = fc
    .record({
      items: fc.array(fc.record({ value: arrayItem, comment: shapes.arrayComments ? comment : fc.constant(undefined) }), { maxLength: 4 }),
      multiline: fc.boolean(),
      trailingComma: fc.boolean(),
      spaced: fc.boolean(),
      itemIndent: fc.constantFrom('  ', '    ', ...tabs),
    })
    .map(({ items, multiline, trailingComma, spaced, itemIndent }) => ({
      value: items.map((item) => item.value.value),
      raw: (eol: Eol, indent: string) => {
        if (items.length === 0) return spaced ? '[ ]' : '[]';
        if (!multiline) {
          const inner = items.map((item) => item.value.raw(eol, indent)).join(', ') + (trailingComma ? ',' : '');
          return spaced ? `[ ${inner} ]` : `[${inner}]`;
        }
        const lines = items.map((item, i) => {
          const comma = i < items.length - 1 || trailingComma ? ',' : '';
          return `${indent}${itemIndent}${item.value.raw(eol, indent)}${comma}${item.comment ? ` ${item.comment}` : ''}`;
        });
        return `[${eol}${lines.join(eol)}${eol}${indent}]`;
      },
    }));

  const valueArb = fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: array }, { weight: 1, arbitrary: inlineTable });

  const entryArb = (keys: fc.Arbitrary<KeySpec[]>): fc.Arbitrary<EntrySpec> =>
    fc.record({
      key: keys,
      value: valueArb,
      eq: fc.constantFrom(' = ', '=', '  =  ', ...(shapes.tabAfterEquals ? [' =\t'] : [])),
      comment,
      trailing: comment,
      blank,
    });

  const plainKey = keyArb([...bareKeys, ...quotedKeys]).map((k) => [k]);
  const dottedKey = fc.tuple(keyArb(dottedPrefixes), keyArb(bareKeys)).map(([a, b]) => [a, b]);

  const entriesArb = fc.uniqueArray(entryArb(fc.oneof({ weight: 4, arbitrary: plainKey }, { weight: 1, arbitrary: dottedKey })), {
    maxLength: 5,
    selector: (e) => e.key.map((k) => k.name).join('\u0000'),
  }).filter((entries) => {
    const plain = new Set(entries.filter((e) => e.key.length === 1).map((e) => e.key[0].name));
    return entries.every((e) => e.key.length === 1 || !plain.has(e.key[0].name));
  });

  const sectionBase = {
    spaced: spacedHeader,
    comment,
    trailing: comment,
    blank,
    indent: fc.constantFrom('', '', '  ', ...tabs),
    entries: entriesArb,
  };

  const tableHeader = fc.oneof(
    keyArb(tableHeads).map((k) => [k]),
    fc.tuple(keyArb(tableHeads), keyArb(tableTails)).map(([a, b]) => [a, b]),
  );
  const tableSection: fc.Arbitrary<SectionSpec> = fc.record({ kind: fc.constant<'table'>('table'), header: tableHeader, ...sectionBase });
  const arraySection: fc.Arbitrary<SectionSpec> = fc.record({
    kind: fc.constant<'array'>('array'),
    header: fc.tuple(keyArb(arrayHeads), keyArb(arrayTails)).map(([a, b]) => [a, b]),
    ...sectionBase,
  });

  return fc
    .record({
      eol: fc.constantFrom<Eol>('\n', '\r\n'),
      finalNewline: fc.boolean(),
      preamble: fc.array(commentText.map((t) => `#${t}`), { maxLength: 2 }),
      root: entriesArb,
      tables: fc.uniqueArray(tableSection, { maxLength: 4, selector: (s) => s.header.map((k) => k.name).join('\u0000') }),
      arrays: fc.array(arraySection, { maxLength: 3 }),
      order: fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
    })
    .map(({ eol, finalNewline, preamble, root, tables, arrays, order }) => {
      const sections = [...tables, ...arrays]
        .map((section, i) => ({ section, rank: order[i] ?? i }))
        .sort((a, b) => a.rank - b.rank)
        .map((s) => s.section);
      return { eol, finalNewline, preamble, root, sections };
    });
}

function setIn(target: Data, path: string[], value: unknown): void {
  let node = target;
  for (const segment of path.slice(0, -1)) {
    if (Array.isArray(node)) node = node[Number(segment)] as Data;
    else node = (node[segment] as Data | undefined) ?? (node[segment] = {});
  }
  node[path[path.length - 1]] = value;
}

function render(spec: DocSpec): GeneratedToml {
  const { eol } = spec;
  let text = '';
  const data: Data = {};
  const values: TomlValueSite[] = [];
  const tables: TomlTableSite[] = [];
  const arrayCounts = new Map<string, number>();

  for (const line of spec.preamble) text += line + eol;

  const writeEntries = (entries: EntrySpec[], tablePath: string[], indent: string, site: TomlTableSite) => {
    for (const entry of entries) {
      text += eol.repeat(entry.blank);
      if (entry.comment) text += indent + entry.comment + eol;
      const lineStart = text.length;
      text += indent + entry.key.map(renderKey).join('.') + entry.eq;
      const start = text.length;
      const raw = entry.value.raw(eol, indent);
      const keyPath = entry.key.map((k) => k.name);
      const path = [...tablePath, ...keyPath];
      for (const member of entry.value.members ?? []) {
        const memberStart = start + member.offset;
        values.push({ path: [...path, member.name], value: member.value, span: [memberStart, memberStart + member.length], lineSpan: [lineStart, lineStart], dotted: false, inline: true });
      }
      text += raw;
      const end = text.length;
      if (entry.trailing) text += ` ${entry.trailing}`;
      text += eol;
      values.push({ path, value: entry.value.value, span: [start, end], lineSpan: [lineStart, text.length], dotted: entry.key.length > 1, inline: false });
      site.keys.push(keyPath[0]);
      site.lastEntryEnd = text.length;
      setIn(data, path, entry.value.value);
    }
  };

  const root: TomlTableSite = { path: [], kind: 'root', keys: [], lastEntryEnd: text.length, end: 0, nextHeader: 0 };
  tables.push(root);
  writeEntries(spec.root, [], '', root);
  root.end = text.length;

  for (const section of spec.sections) {
    text += eol.repeat(section.blank);
    if (section.comment) text += section.comment + eol;
    const headerStart = text.length;
    tables[tables.length - 1].nextHeader = headerStart;
    const keys = section.header.map(renderKey).join(section.spaced ? ' . ' : '.');
    const inner = section.spaced ? ` ${keys} ` : keys;
    text += section.kind === 'table' ? `[${inner}]` : `[[${inner}]]`;
    const headerEnd = text.length;
    if (section.trailing) text += ` ${section.trailing}`;
    text += eol;
    const names = section.header.map((k) => k.name);
    let path = names;
    if (section.kind === 'array') {
      const id = names.join('\u0000');
      const index = arrayCounts.get(id) ?? 0;
      arrayCounts.set(id, index + 1);
      let parent = data;
      for (const segment of names.slice(0, -1)) parent = (parent[segment] as Data | undefined) ?? (parent[segment] = {});
      const list = (parent[names[names.length - 1]] as Data[] | undefined) ?? (parent[names[names.length - 1]] = []) as Data[];
      list.push({});
      path = [...names, String(index)];
    } else {
      let node = data;
      for (const segment of names) node = (node[segment] as Data | undefined) ?? (node[segment] = {});
    }
    const site: TomlTableSite = { path, kind: section.kind, keys: [], headerSpan: [headerStart, headerEnd], lastEntryEnd: text.length, end: 0, nextHeader: 0 };
    tables.push(site);
    writeEntries(section.entries, path, section.indent, site);
    site.end = text.length;
  }

  tables[tables.length - 1].nextHeader = text.length;
  if (!spec.finalNewline && text.endsWith(eol)) {
    text = text.slice(0, -eol.length);
    for (const site of tables) {
      site.end = Math.min(site.end, text.length);
      site.lastEntryEnd = Math.min(site.lastEntryEnd, text.length);
      site.nextHeader = Math.min(site.nextHeader, text.length);
    }
    for (const value of values) value.lineSpan[1] = Math.min(value.lineSpan[1], text.length);
  }
  return { text, eol, data, values, tables };
}

/** TOML documents in the shapes pyproject.toml files take, with their expected data and value positions. */
export const tomlDocument = (shapes: Partial<TomlShapes> = {}): fc.Arbitrary<GeneratedToml> =>
  documentSpec({ ...allTomlShapes, ...shapes }).map(render);

/** New values an edit may write (the shapes a generator writes into pyproject.toml). */
export const tomlNewValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '"', "'", '\\', '#', 'é', '\n'), maxLength: 8 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.boolean(),
  fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '>', '=', '.', '1'), minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
);

export const tomlNewTable: fc.Arbitrary<Record<string, unknown>> = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...newKeyNames), fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '"'), maxLength: 5 }), fc.integer({ min: 0, max: 99 }), fc.boolean())), {
    minLength: 1,
    maxLength: 3,
    selector: ([k]) => k,
  })
  .map((pairs) => Object.fromEntries(pairs));

export function getIn(data: unknown, path: string[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** A deep copy of `data` with `path` set to `value` (or removed when `value` is undefined). */
export function withValue(data: Data, path: string[], value: unknown): Data {
  const copy = structuredClone(data);
  let parent: Record<string, unknown> = copy;
  for (const segment of path.slice(0, -1)) parent = (parent[segment] as Record<string, unknown> | undefined) ?? (parent[segment] = {});
  const last = path[path.length - 1];
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}
