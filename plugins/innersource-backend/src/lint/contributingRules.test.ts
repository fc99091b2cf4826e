import {
  browseUrl,
  repositoryFilesWith,
} from './__testUtils__/repositoryFixtures';
import { checkRule } from './__testUtils__/ruleFixtures';

jest.setTimeout(60_000);

const GOOD_GUIDE = `# Contributing to the Ledger SDK

## Building
Clone the repository and run \`./gradlew build\`.

## Tests
Run \`./gradlew test\`; all tests must pass.

## Submitting changes
Open a pull request against \`main\`.

## What to expect
We review every pull request within 2 working days.
`;

describe('contributing.exists', () => {
  it.each([
    ['CONTRIBUTING.md'],
    ['docs/Contributing.rst'],
    ['.github/CONTRIBUTING.md'],
    ['.gitlab/contributing.md'],
    ['CONTRIBUTING'],
  ])('finds %s', async path => {
    const files = await repositoryFilesWith({ [path]: GOOD_GUIDE });
    expect(await checkRule('contributing.exists', files)).toMatchObject({
      status: 'pass',
      files: [{ path, url: browseUrl(path) }],
    });
  });

  it("uses the entity's own guide in a monorepo", async () => {
    const files = await repositoryFilesWith(
      {
        'CONTRIBUTING.md': 'root',
        'services/ledger/CONTRIBUTING.md': GOOD_GUIDE,
      },
      { entityPath: 'services/ledger' },
    );
    expect(await checkRule('contributing.exists', files)).toMatchObject({
      status: 'pass',
      message: 'Found services/ledger/CONTRIBUTING.md in services/ledger/',
    });
  });

  it('fails without a guide', async () => {
    const files = await repositoryFilesWith({
      'README.md': '# x\n',
      'src/CONTRIBUTING.md': 'not here',
    });
    expect(await checkRule('contributing.exists', files)).toEqual({
      status: 'fail',
      message:
        'Expected a CONTRIBUTING file (CONTRIBUTING.md or any extension) in the repository root, docs/, .github/ or .gitlab/, found none',
    });
    expect(await checkRule('contributing.content', files)).toEqual({
      status: 'not-applicable',
      message: 'No CONTRIBUTING file to check (see contributing.exists)',
    });
  });

  it('fails for a whitespace-only or binary guide', async () => {
    const empty = await repositoryFilesWith({ 'CONTRIBUTING.md': ' \n\t\n' });
    expect(await checkRule('contributing.exists', empty)).toMatchObject({
      status: 'fail',
      message:
        'Expected a contributing guide with content, found an empty CONTRIBUTING.md',
    });
    const binary = await repositoryFilesWith({
      'CONTRIBUTING.pdf': Buffer.from('%PDF-1.7\n\0\0binary'),
    });
    expect(await checkRule('contributing.exists', binary)).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('CONTRIBUTING.pdf is binary'),
    });
  });
});

describe('contributing.content', () => {
  it('passes when building, testing, submitting and turnaround are covered', async () => {
    const files = await repositoryFilesWith({ 'CONTRIBUTING.md': GOOD_GUIDE });
    expect(await checkRule('contributing.content', files)).toMatchObject({
      status: 'pass',
      message:
        'CONTRIBUTING.md covers building the code, running the tests, submitting changes and expected turnaround',
    });
  });

  it('accepts synonyms', async () => {
    const files = await repositoryFilesWith({
      '.gitlab/CONTRIBUTING.md':
        'Check out the code and set up your machine. Testing: `make check-tests`. Send a merge request; our SLA for a first response is short.',
    });
    expect(await checkRule('contributing.content', files)).toMatchObject({
      status: 'pass',
    });
  });

  it('lists the missing topics', async () => {
    const files = await repositoryFilesWith({
      'CONTRIBUTING.md':
        '# Contributing\n\nPlease open a pull request. Be nice.\n',
    });
    expect(await checkRule('contributing.content', files)).toEqual({
      status: 'fail',
      message:
        'Expected CONTRIBUTING.md to cover building the code, running the tests, submitting changes and expected turnaround; found submitting changes; missing building the code, running the tests and expected turnaround',
      files: [{ path: 'CONTRIBUTING.md', url: browseUrl('CONTRIBUTING.md') }],
    });
  });
});
