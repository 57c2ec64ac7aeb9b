import { parsePage, slugify, unindentContainers } from './markdown';

describe('slugify (Python-Markdown toc)', () => {
  it.each([
    ['Hello World', 'hello-world'],
    ['Client.get()', 'clientget'],
    ['Foo & Bar', 'foo-bar'],
    ['  Spaces  --  and -- dashes ', 'spaces-and-dashes'],
    ['Žluťoučký kůň', 'zlutoucky-kun'],
    ['snake_case_name', 'snake_case_name'],
    ['Emoji 🎉 heading', 'emoji-heading'],
    ['HTTP/2', 'http2'],
  ])('%s → %s', (text, slug) => expect(slugify(text)).toBe(slug));
});

describe('parsePage', () => {
  it('gives headings the ids MkDocs gives them: slugs made unique, attr_list ids, code spans as text', () => {
    const page = parsePage(
      ['# Guide', '', '## `Client.get()`', '', '## Client.get()', '', '## Options {#opts .wide}', '', '## Options', '', '##', ''].join(
        '\n',
      ),
    );
    expect(page.headings.map((h) => h.id)).toEqual(['guide', 'clientget', 'clientget_1', 'opts', 'options', '_1']);
    expect(page.anchors).toEqual(new Set(['guide', 'clientget', 'clientget_1', 'opts', 'options', '_1']));
  });

  it('counts attr_list ids on any element, autorefs anchors, raw HTML ids and footnotes as anchors, not ids in code', () => {
    const page = parsePage(
      [
        '[](){#pattern-note}',
        '',
        'A paragraph.',
        '{#para-id}',
        '',
        '<a name="legacy"></a>',
        '',
        'Text[^1].',
        '',
        '[^1]: A note.',
        '',
        '```html',
        '<div id="in-code"></div>',
        '```',
      ].join('\n'),
    );
    expect([...page.anchors]).toEqual(expect.arrayContaining(['pattern-note', 'para-id', 'legacy', 'fn:1', 'fnref:1']));
    expect(page.anchors.has('in-code')).toBe(false);
  });

  it('reads the bodies of admonitions and content tabs, and keeps line numbers', () => {
    const text = [
      '# Top',
      '',
      '!!! note "Heads up"',
      '    ## Inside',
      '',
      '    See [the guide](guide.md#setup).',
      '',
      '=== "Tab"',
      '',
      '    [tab link](tab.md)',
      '',
    ].join('\n');
    expect(unindentContainers(text).split('\n')).toHaveLength(text.split('\n').length);
    const page = parsePage(text);
    expect(page.headings.map((h) => [h.id, h.line])).toEqual([
      ['top', 1],
      ['inside', 4],
    ]);
    expect(page.links.map((l) => [l.href, l.line, l.column])).toEqual([
      ['guide.md#setup', 6, 21],
      ['tab.md', 10, 16],
    ]);
    expect(page.openAnchors).toBe(true); // content tabs add anchors at build time
  });

  it('does not take links in code for links, and skips front matter', () => {
    const page = parsePage(
      ['---', 'title: x', '---', '# Title', '', '`[a](b.md)`', '', '    [c](d.md)', '', '```', '[e](f.md)', '```'].join('\n'),
    );
    expect(page.frontMatter).toBe(true);
    expect(page.headings[0]).toMatchObject({ text: 'Title', line: 4 });
    expect(page.links).toEqual([]);
  });

  it('tells a stub from a page: title only, placeholder text, content', () => {
    expect(parsePage('# Alternatives\n\nComing soon...\n')).toMatchObject({ prose: 'Coming soon...', hasBlocks: false });
    expect(parsePage('# Only a title\n')).toMatchObject({ prose: '', hasBlocks: false });
    expect(parsePage('# API\n\n::: httpx.Client\n')).toMatchObject({ hasBlocks: true, autodoc: true, openAnchors: true });
    expect(parsePage('# Table\n\n| a | b |\n|---|---|\n| 1 | 2 |\n').hasBlocks).toBe(true);
  });

  it('lists the files a page includes (snippets, Jinja includes)', () => {
    expect(parsePage('--8<-- "docs/snippets/see_also.md"\n\n{% include "parts/footer.md" %}\n').includes).toEqual([
      'docs/snippets/see_also.md',
      'parts/footer.md',
    ]);
  });
});
