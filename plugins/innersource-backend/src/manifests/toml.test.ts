import { parseToml } from './toml';

describe('parseToml', () => {
  it('reads tables, dotted and quoted keys, strings, arrays and inline tables', () => {
    const { table, problems } = parseToml(`# top comment
title = "Tom \\"the\\" \\u00e9"   # trailing comment
literal = 'C:\\path'
multi = """
one \\
    two"""
raw = '''
line "1"
'''
numbers = [1, 2_000, -3.5e2, 0x1F, inf]
flags = [true, false]
when = 1979-05-27 07:32:00Z
nested = [ [ "a" ], [ 'b', ], ]

[server."alpha.beta"]
ip = "10.0.0.1"
site.name = "main"

[[products]]
name = "Hammer"

[[products]]
name = "Nail"
dims = { length = 3, unit = "cm", tags = ["x"] }
`);
    expect(problems).toEqual([]);
    expect(JSON.parse(JSON.stringify(table))).toEqual({
      title: 'Tom "the" é',
      literal: 'C:\\path',
      multi: 'one two',
      raw: 'line "1"\n',
      numbers: [1, 2000, -350, 31, null],
      flags: [true, false],
      when: '1979-05-27 07:32:00Z',
      nested: [['a'], ['b']],
      server: { 'alpha.beta': { ip: '10.0.0.1', site: { name: 'main' } } },
      products: [
        { name: 'Hammer' },
        { name: 'Nail', dims: { length: 3, unit: 'cm', tags: ['x'] } },
      ],
    });
  });

  it('reports garbage lines with their numbers and reads the rest', () => {
    const { table, problems } = parseToml(`ok = 1
this is not toml
also = "fine"
broken = "unterminated
[table
value = @
`);
    expect(table).toEqual({ ok: 1, also: 'fine' });
    expect(problems).toEqual([
      'line 2: expected "="',
      'line 4: unterminated string',
      'line 5: expected "]"',
      'line 6: expected a value',
    ]);
  });

  it('reports duplicate keys, unclosed arrays and text after a value', () => {
    expect(parseToml('a = 1\na = 2').problems).toEqual([
      'line 2: duplicate key "a"',
    ]);
    expect(parseToml('a = [\n  "x",\n').problems).toEqual([
      'line 3: array opened on line 1 is never closed',
    ]);
    expect(parseToml('a = 1 b = 2').problems).toEqual([
      'line 1: unexpected text after the value',
    ]);
    expect(parseToml('a = 1\n[a]\n').problems).toEqual([
      'line 2: "a" is not a table',
    ]);
  });

  it('gives up after too many problems', () => {
    const { problems } = parseToml('nonsense here\n'.repeat(50));
    expect(problems).toHaveLength(11);
    expect(problems[10]).toBe('too many problems; the rest was not read');
  });

  it('keeps __proto__ as an ordinary key', () => {
    const { table } = parseToml('__proto__ = "x"\n[constructor]\ny = 1');
    expect(Object.entries(table)).toEqual([
      ['__proto__', 'x'],
      ['constructor', { y: 1 }],
    ]);
  });
});
