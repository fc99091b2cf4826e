import { parse } from 'yaml';
import {
  readFrontMatter,
  readTopLevelYamlKeys,
  scalarText,
} from './frontMatter';

describe('readFrontMatter', () => {
  it('reads the keys of an issue template', () => {
    const result = readFrontMatter(
      [
        '---',
        'name: Bug report',
        "about: 'Something doesn''t work' # a comment",
        'title: "[BUG] "',
        'labels: [bug, triage]',
        'assignees:',
        '  - maria',
        '---',
        'Describe the bug.',
      ].join('\n'),
    );
    expect(result).toEqual({
      present: true,
      ok: true,
      values: new Map<string, unknown>([
        ['name', 'Bug report'],
        ['about', "Something doesn't work"],
        ['title', '[BUG] '],
        ['labels', { nested: true }],
        ['assignees', { nested: true }],
      ]),
    });
  });

  it('is absent when the file does not start with ---', () => {
    expect(readFrontMatter('# Bug report\n---\nname: x\n---\n')).toEqual({
      present: false,
    });
  });

  it('reads block scalars and multi-line plain values', () => {
    const result = readFrontMatter(
      '---\nname: >\n  Bug\n  report\nabout: Things\n  that break\n---\n',
    );
    expect(
      result.present && result.ok && scalarText(result.values, 'name'),
    ).toBe('Bug\nreport');
    expect(
      result.present && result.ok && scalarText(result.values, 'about'),
    ).toBe('Things that break');
  });

  it.each([
    ['not closed', '---\nname: x\n', 1, 'not closed'],
    [
      'a line that is not key: value',
      '---\nname: x\njust text\n---\n',
      3,
      'expected "key: value"',
    ],
    [
      'no space after the colon',
      '---\nname:x\n---\n',
      2,
      'expected "key: value"',
    ],
    [
      '": " inside a plain value',
      '---\nabout: Report a bug: it crashes\n---\n',
      2,
      "contains ': '",
    ],
    ['an unclosed quote', '---\nname: "Bug report\n---\n', 2, 'not closed'],
    ['an unclosed list', '---\nlabels: [bug, triage\n---\n', 2, 'not closed'],
    [
      'a duplicate key',
      '---\nname: a\nname: b\n---\n',
      3,
      "duplicate key 'name'",
    ],
    ['a tab for indentation', '---\nassignees:\n\t- maria\n---\n', 3, 'tabs'],
    [
      'indentation without a key',
      '---\n  name: x\n---\n',
      2,
      'unexpected indentation',
    ],
    [
      'a mapping after a value',
      '---\nname: Bug\n  about: x\n---\n',
      3,
      'nested mapping',
    ],
    ['a reserved character', '---\nname: @maria\n---\n', 2, 'reserves'],
  ])('reports %s, with the line in the file', (_name, text, line, error) => {
    const result = readFrontMatter(text);
    expect(result).toMatchObject({ present: true, ok: false, line });
    expect(result.present && !result.ok && result.error).toContain(error);
  });

  it('agrees with a real YAML parser on what is invalid', () => {
    const invalid = [
      'about: Report a bug: it crashes',
      'name: "Bug report',
      'labels: [bug, triage',
      'name: a\nname: b',
      'name: Bug\n  about: x',
      'name: @maria',
    ];
    for (const yamlText of invalid) {
      expect(() => parse(yamlText)).toThrow();
      expect(readTopLevelYamlKeys(yamlText).ok).toBe(false);
    }
  });
});

describe('readTopLevelYamlKeys', () => {
  it('reads an issue form, leaving nested content alone', () => {
    const result = readTopLevelYamlKeys(
      [
        'name: Bug report',
        'description: File a bug report',
        'title: "[Bug]: "',
        'body:',
        '  - type: textarea',
        '    attributes:',
        '      label: What happened?',
        '      description: "Also: what did you expect?"',
      ].join('\n'),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(scalarText(result.values, 'name')).toBe('Bug report');
    expect(scalarText(result.values, 'description')).toBe('File a bug report');
    expect(result.values.get('body')).toEqual({ nested: true });
    expect(scalarText(result.values, 'body')).toBeUndefined();
  });

  it('treats an empty value as absent', () => {
    const result = readTopLevelYamlKeys("name: ''\nabout:\n");
    expect(result.ok && scalarText(result.values, 'name')).toBeUndefined();
    expect(result.ok && scalarText(result.values, 'about')).toBeUndefined();
  });
});
