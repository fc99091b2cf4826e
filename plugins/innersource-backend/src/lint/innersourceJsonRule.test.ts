import {
  browseUrl,
  repositoryFilesWith,
} from './__testUtils__/repositoryFixtures';
import { checkRule } from './__testUtils__/ruleFixtures';

jest.setTimeout(60_000);

const RULE = 'discoverability.innersource-json';

describe('discoverability.innersource-json', () => {
  it('is not applicable without innersource.json', async () => {
    const files = await repositoryFilesWith({ 'README.md': '# x\n' });
    expect(await checkRule(RULE, files)).toEqual({
      status: 'not-applicable',
      message: 'No innersource.json (it is optional)',
    });
  });

  it('passes for a valid file, naming its fields', async () => {
    const files = await repositoryFilesWith({
      'innersource.json': JSON.stringify({
        title: 'Ledger SDK',
        motivation: 'One way to post to the ledger',
        contributions: ['Bug fixes'],
        docs: 'https://docs.example/ledger',
      }),
    });
    expect(await checkRule(RULE, files)).toEqual({
      status: 'pass',
      message:
        'innersource.json is valid (title, motivation, contributions and docs)',
      files: [{ path: 'innersource.json', url: browseUrl('innersource.json') }],
    });
  });

  it("prefers the entity folder's file to the root's, case-insensitively", async () => {
    const files = await repositoryFilesWith(
      {
        'innersource.json': '{}',
        'libs/ledger/InnerSource.json': '{"skills": "Java"}',
      },
      { entityPath: 'libs/ledger' },
    );
    expect(await checkRule(RULE, files)).toMatchObject({
      status: 'fail',
      message:
        "Expected libs/ledger/InnerSource.json to match the InnerSource Portal's fields, found: 'skills' should be an array of strings, found the string \"Java\"",
    });
  });

  it('fails for invalid JSON', async () => {
    const files = await repositoryFilesWith({
      'innersource.json': '{ "title": "Ledger", }',
    });
    expect(await checkRule(RULE, files)).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(
        /^Expected innersource\.json to match the InnerSource Portal's fields, found: not valid JSON: /,
      ),
    });
  });

  it('fails for a binary file and for one too large to read', async () => {
    const binary = await repositoryFilesWith({
      'innersource.json': Buffer.from([0x7b, 0, 0x7d]),
    });
    expect(await checkRule(RULE, binary)).toMatchObject({
      status: 'fail',
      message:
        'Expected innersource.json to be JSON text, found innersource.json is binary (3 bytes), expected text',
    });
    const huge = await repositoryFilesWith({
      'innersource.json': { repeat: ' ', bytes: 2 * 1048576 },
    });
    expect(await checkRule(RULE, huge)).toMatchObject({
      status: 'fail',
      message:
        'Expected a small JSON file, found innersource.json too large to read (innersource.json is 2 MiB: only the first 1 MiB were read)',
    });
  });
});
