import { fileRules } from '.';
import { checkRule } from './__testUtils__/ruleFixtures';

const CATEGORIES = [
  'documentation',
  'contributing',
  'ownership',
  'community',
  'legal',
  'security',
  'discoverability',
];

describe('fileRules', () => {
  it('have unique ids, known categories, remediation and https guidance', () => {
    const ids = fileRules.map(r => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of fileRules) {
      expect(CATEGORIES).toContain(rule.category);
      expect(rule.remediation.length).toBeGreaterThan(40);
      expect(rule.guidanceUrl).toMatch(/^https:\/\//);
    }
    expect(ids).toEqual([
      'readme.exists',
      'readme.title',
      'readme.description',
      'readme.sections',
      'contributing.exists',
      'contributing.content',
      'codeowners.exists',
      'codeowners.syntax',
      'codeowners.catch-all',
      'codeowners.owners-resolve',
      'ownership.maintainers',
      'license.exists',
      'security.policy',
      'support.channels',
      'community.code-of-conduct',
      'community.issue-templates',
      'community.pull-request-template',
      'discoverability.innersource-json',
    ]);
  });

  it.each(fileRules.map(r => r.id))(
    '%s is not applicable without a git source',
    async id => {
      expect(await checkRule(id, undefined)).toEqual({
        status: 'not-applicable',
        message: 'No readable git source',
      });
    },
  );

  it('turn a failing read into a failed finding instead of throwing', async () => {
    const broken = {
      entityPath: '',
      find: async () => {
        throw new Error('git ls-tree did not finish within 30 s');
      },
      list: async () => [],
      read: async () => ({ binary: true, truncated: false, size: 0 }),
    };
    expect(await checkRule('readme.exists', broken)).toEqual({
      status: 'fail',
      message:
        'Could not read the repository files: git ls-tree did not finish within 30 s',
    });
  });
});
