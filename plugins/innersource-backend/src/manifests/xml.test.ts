import { childText, parseXml } from './xml';

describe('parseXml', () => {
  it('reads nested elements, skipping the prolog, comments and attributes', () => {
    const { root, problems } = parseXml(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE note [ <!ELEMENT note (to)> ]>
<!-- a comment with <tags> inside -->
<m:note xmlns:m="urn:example" a="1 > 0" b='x'>
  <to>Tove &amp; &#74;&#x61;ne</to>
  <empty/>
  <body><![CDATA[if (a < b) { return; }]]></body>
</m:note>
`);
    expect(problems).toEqual([]);
    expect(root?.name).toBe('note');
    expect(root?.children.map(child => child.name)).toEqual([
      'to',
      'empty',
      'body',
    ]);
    expect(childText(root, 'to')).toBe('Tove & Jane');
    expect(childText(root, 'empty')).toBeUndefined();
    expect(childText(root, 'body')).toBe('if (a < b) { return; }');
  });

  it('reports an element that is never closed', () => {
    const { root, problems } = parseXml('<a>\n  <b>text</b>\n  <c>\n</a>');
    expect(root?.children.map(child => child.name)).toEqual(['b', 'c']);
    expect(problems).toEqual([
      'line 4: <c> (opened on line 3) is not closed before </a>',
    ]);
  });

  it('reports truncated documents', () => {
    expect(parseXml('<a><b>text</b>').problems).toEqual([
      '<a> (opened on line 1) is never closed',
    ]);
    expect(parseXml('<a>\n<b').problems).toEqual([
      'line 2: unclosed tag',
      '<a> (opened on line 1) is never closed',
    ]);
    expect(parseXml('<a><!-- never ends').problems).toEqual([
      'line 1: unclosed comment',
      '<a> (opened on line 1) is never closed',
    ]);
  });

  it('recovers from a tag left unfinished before the next one', () => {
    const { root, problems } = parseXml('<a><b\n<c>x</c></a>');
    expect(root?.children.map(child => child.name)).toEqual(['c']);
    expect(problems).toEqual(['line 1: unclosed tag']);
  });

  it('reports stray closing tags, stray text and a second root', () => {
    const { root, problems } = parseXml('hello <a></b></a><z/>');
    expect(root?.name).toBe('a');
    expect(problems).toEqual([
      'line 1: text outside the root element',
      'line 1: unexpected closing tag </b>',
      'line 1: second root element <z> ignored',
    ]);
  });

  it('reports an empty document', () => {
    expect(parseXml('').problems).toEqual(['no root element']);
  });
});
