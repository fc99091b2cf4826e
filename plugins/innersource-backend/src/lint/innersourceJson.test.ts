import { checkInnersourceJson } from './innersourceJson';

describe('checkInnersourceJson', () => {
  it('accepts the portal fields with the right types, and unknown fields', () => {
    expect(
      checkInnersourceJson(
        JSON.stringify({
          title: 'Ledger SDK',
          motivation: 'One way to post to the ledger',
          contributions: ['Bug fixes'],
          skills: ['TypeScript', 'Java'],
          logo: 'docs/logo.png',
          docs: 'https://docs.example/ledger',
          language: 'TypeScript',
          somethingElse: 42,
        }),
      ),
    ).toEqual({
      problems: [],
      validFields: [
        'title',
        'motivation',
        'contributions',
        'skills',
        'logo',
        'docs',
        'language',
      ],
    });
  });

  it('accepts an empty object', () => {
    expect(checkInnersourceJson('{}')).toEqual({
      problems: [],
      validFields: [],
    });
  });

  it('reports every field of the wrong type', () => {
    expect(
      checkInnersourceJson(
        JSON.stringify({
          title: 7,
          skills: 'TypeScript',
          contributions: ['ok', { kind: 'docs' }],
          docs: 'docs/index.md',
          language: null,
        }),
      ).problems,
    ).toEqual([
      "'title' should be a string, found the number 7",
      "'contributions' should be an array of strings, found an object at index 1",
      '\'skills\' should be an array of strings, found the string "TypeScript"',
      '\'docs\' should be an http(s) URL, found the string "docs/index.md"',
      "'language' should be a string, found null",
    ]);
  });

  it('reports invalid JSON and a non-object', () => {
    expect(checkInnersourceJson('{ "title": "x", }').problems[0]).toMatch(
      /^not valid JSON: /,
    );
    expect(checkInnersourceJson('["x"]').problems).toEqual([
      'expected a JSON object at the top, found an array',
    ]);
  });
});
