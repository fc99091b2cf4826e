import {
  fts5Query,
  indexTokens,
  planQuery,
  textWords,
  tsQuery,
  valueToken,
} from './discoveryIndex';
import { ProjectFilter } from './InnerSourceStore';

const filter = (f: Partial<ProjectFilter>): ProjectFilter => ({
  sort: 'name',
  order: 'asc',
  ...f,
});

describe('discoveryIndex', () => {
  it('indexes the words of the text and each filterable value as a token of its own', () => {
    const tokens = indexTokens({
      searchText: 'ledger-sdk: Payments for the team-shop (C++)',
      kind: 'Component',
      type: 'library',
      tags: ['Java', 'java'],
      ownerRef: 'group:default/Team-A',
      ownerPath: ['group:default/acme', 'group:default/team-a'],
      flags: ['accepting'],
    });
    expect(tokens).toEqual(
      expect.arrayContaining([
        'ledger',
        'sdk',
        'payments',
        'team',
        'shop',
        'c',
        valueToken('kind', 'component'),
        valueToken('type', 'library'),
        valueToken('tag', 'java'),
        valueToken('owner', 'group:default/team-a'),
        valueToken('group', 'group:default/acme'),
        valueToken('flag', 'accepting'),
      ]),
    );
    // a value token is one word for any tokenizer, and never a word of the text
    expect(valueToken('tag', 'c++')).toMatch(/^tag=[0-9a-f]+$/);
    expect(textWords('naïve Straße')).toEqual(['naïve', 'straße']);
  });

  it('matches search terms as word prefixes, and terms with punctuation literally too', () => {
    const plan = planQuery({
      filter: filter({ q: 'Pay team-shop %' }),
      share: () => 0,
    });
    expect(plan.tokens).toEqual([
      [{ token: 'pay', prefix: true }],
      [{ token: 'team', prefix: true }],
      [{ token: 'shop', prefix: true }],
    ]);
    expect(plan.literals).toEqual(['team-shop', '%']);
  });

  it('reads rare values in the index and checks common ones on the rows found', () => {
    const shares: Record<string, number> = {
      'kind=component': 0.8,
      'tag=java': 0.1,
      'lifecycle=production': 0.6,
      'level=gold': 0.14,
    };
    const share = (field: string, value: string) =>
      shares[`${field}=${value}`] ?? 0;
    const plan = planQuery({
      filter: filter({
        q: 'payments',
        kind: ['Component'],
        tag: ['Java'],
        lifecycle: ['production'],
        level: ['gold'],
      }),
      share,
    });
    expect(plan.tokens.flat().map(t => t.token)).toEqual([
      'payments',
      valueToken('tag', 'java'),
      valueToken('level', 'gold'),
    ]);
    expect(plan.columns).toEqual([
      { field: 'lifecycle', values: ['production'] },
      { field: 'kind', values: ['component'] },
    ]);
    // without a search, a common value is still better checked on the rows
    expect(
      planQuery({ filter: filter({ kind: ['Component'] }), share }),
    ).toEqual({
      tokens: [],
      columns: [{ field: 'kind', values: ['component'] }],
      literals: [],
    });
    // once a rare owner has narrowed the rows to a handful, the rest is checked on them
    expect(
      planQuery({
        filter: filter({ owner: ['group:default/a'], tag: ['java'] }),
        share,
      }),
    ).toMatchObject({
      tokens: [[{ token: valueToken('owner', 'group:default/a') }]],
      columns: [{ field: 'tag', values: ['java'] }],
    });
    // a facet is counted without its own filter
    expect(
      planQuery({
        filter: filter({ tag: ['java'] }),
        except: 'tag',
        share,
      }).tokens,
    ).toEqual([]);
  });

  it('writes token queries for FTS5 and tsquery, any of the values of a filter', () => {
    const query = [
      [{ token: 'pay', prefix: true }],
      [
        { token: 'kind=61', prefix: false },
        { token: "it's\\", prefix: false },
      ],
    ];
    expect(fts5Query(query)).toBe(`"pay"* AND ("kind=61" OR "it's\\")`);
    expect(tsQuery(query)).toBe(`'pay':* & ('kind=61' | 'it''s\\\\')`);
  });
});
