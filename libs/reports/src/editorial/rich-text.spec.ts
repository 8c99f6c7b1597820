import { richBlocks, sanitiseRichText } from './rich-text';

describe('sanitiseRichText', () => {
  it('strips a script, an image with a remote source and a javascript: link, keeping their neighbours', () => {
    const { html, blocks } = sanitiseRichText(
      '<p>Before<script>alert(1)</script> <img src="https://tracker.example/pixel.png"> <a href="javascript:alert(2)">bad</a> <a href="https://www.un.org/imrf">IMRF</a></p>');
    expect(html).not.toMatch(/script|alert|<img|javascript:/);
    expect(html).toContain('<a href="https://www.un.org/imrf">IMRF</a>');
    expect(blocks).toEqual([{ type: 'paragraph', inlines: [{ text: 'Before bad ' }, { text: 'IMRF', href: 'https://www.un.org/imrf' }] }]);
  });

  it('keeps only http and https links (mailto, data and protocol-relative addresses lose their href)', () => {
    const { html } = sanitiseRichText('<a href="mailto:x@y.org">m</a><a href="data:text/html,x">d</a><a href="//evil.example">p</a><a href="http://ok.example">ok</a>');
    expect(html).toBe('<a>m</a><a>d</a><a>p</a><a href="http://ok.example">ok</a>');
  });

  it('drops event handlers, styles and unknown tags, and demotes h1/h2 below the report headings', () => {
    const { html, blocks } = sanitiseRichText('<h1 onclick="x()">Title</h1><div style="color:red"><iframe src="https://x"></iframe>Body</div><h4>Sub</h4>');
    expect(html).toBe('<h3>Title</h3>Body<h4>Sub</h4>');
    expect(blocks).toEqual([
      { type: 'heading', level: 3, inlines: [{ text: 'Title' }] },
      { type: 'paragraph', inlines: [{ text: 'Body' }] },
      { type: 'heading', level: 4, inlines: [{ text: 'Sub' }] },
    ]);
  });
});

describe('richBlocks', () => {
  it('reads headings, lists with emphasis and links, and decodes entities', () => {
    expect(richBlocks('<h3>Overview &amp; outlook</h3><ul><li><strong>Eight</strong> States</li><li>See <a href="https://x.org/a?b=1&amp;c=2">the list</a></li></ul><ol><li>one</li></ol>')).toEqual([
      { type: 'heading', level: 3, inlines: [{ text: 'Overview & outlook' }] },
      { type: 'list', ordered: false, items: [[{ text: 'Eight', strong: true }, { text: ' States' }], [{ text: 'See ' }, { text: 'the list', href: 'https://x.org/a?b=1&c=2' }]] },
      { type: 'list', ordered: true, items: [[{ text: 'one' }]] },
    ]);
  });

  it('adds the items of a nested list to the outer list and skips empty blocks', () => {
    expect(richBlocks('<p> </p><ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>')).toEqual([
      { type: 'list', ordered: false, items: [[{ text: 'a' }], [{ text: 'b' }], [{ text: 'c' }]] },
    ]);
  });
});
