import {
  browseUrl,
  repositoryFilesWith,
} from './__testUtils__/repositoryFixtures';
import { checkRule } from './__testUtils__/ruleFixtures';

jest.setTimeout(60_000);

const BUG_TEMPLATE =
  '---\nname: Bug report\nabout: Something does not work as documented\nlabels: bug\n---\n\n**Describe the bug**\n';
const FEATURE_FORM = [
  'name: Feature request',
  'description: Suggest an idea',
  'body:',
  '  - type: textarea',
  '    attributes:',
  '      label: What problem would it solve?',
].join('\n');

describe('license.exists', () => {
  it.each([
    ['LICENSE'],
    ['LICENCE.txt'],
    ['COPYING'],
    ['license-MIT'],
    ['docs/LICENSE.md'],
  ])('finds %s', async path => {
    const files = await repositoryFilesWith({
      [path]: 'Permission is granted to every team of ACME.',
    });
    expect(await checkRule('license.exists', files)).toEqual({
      status: 'pass',
      message: `Found ${path} ${
        path.includes('/') ? 'in docs/' : 'at the repository root'
      } (44 bytes)`,
      files: [{ path, url: browseUrl(path) }],
    });
  });

  it('accepts a License section in the README instead', async () => {
    const files = await repositoryFilesWith({
      'README.md':
        '# Ledger\n\n## Licensing\n\nInternal use, see the InnerSource license.\n',
    });
    expect(await checkRule('license.exists', files)).toMatchObject({
      status: 'pass',
      message:
        "No LICENSE file, but README.md has a 'Licensing' section (line 3)",
    });
  });

  it('fails without license terms, and for an empty LICENSE', async () => {
    const none = await repositoryFilesWith({
      'README.md': '# Ledger\n\n## Usage\n',
    });
    expect(await checkRule('license.exists', none)).toEqual({
      status: 'fail',
      message:
        'Expected a LICENSE, LICENCE or COPYING file in the repository root (or docs/, .github/, .gitlab/), or a License section in the README, found neither',
    });
    const empty = await repositoryFilesWith({ LICENSE: '' });
    expect(await checkRule('license.exists', empty)).toMatchObject({
      status: 'fail',
      message: 'Expected a license with content, found an empty LICENSE',
    });
  });
});

describe('security.policy', () => {
  it.each([['SECURITY.md'], ['docs/security.md'], ['.github/Security.MD']])(
    'finds %s',
    async path => {
      const files = await repositoryFilesWith({
        [path]: 'Report vulnerabilities to security@acme.example.',
      });
      expect(await checkRule('security.policy', files)).toMatchObject({
        status: 'pass',
        files: [{ path }],
      });
    },
  );

  it('fails without one', async () => {
    const files = await repositoryFilesWith(
      { 'README.md': '# x\n' },
      { entityPath: 'libs/ledger' },
    );
    expect(await checkRule('security.policy', files)).toEqual({
      status: 'fail',
      message:
        'Expected a security policy (SECURITY.md) in libs/ledger/ or the repository root (or docs/, .github/, .gitlab/), found none',
    });
  });
});

describe('support.channels', () => {
  it.each([
    ['SUPPORT.md'],
    ['.github/SUPPORT.md'],
    ['COMMUNICATION.md'],
    ['docs/communication.rst'],
  ])('finds %s', async path => {
    const files = await repositoryFilesWith({ [path]: 'Ask in #ledger.' });
    expect(await checkRule('support.channels', files)).toMatchObject({
      status: 'pass',
      files: [{ path }],
    });
  });

  it('fails without one', async () => {
    const files = await repositoryFilesWith({ 'README.md': '# x\n' });
    expect(await checkRule('support.channels', files)).toMatchObject({
      status: 'fail',
      message:
        'Expected a support or communication guide (SUPPORT.md or COMMUNICATION.md) in the repository root (or docs/, .github/, .gitlab/), found none',
    });
  });
});

describe('community.code-of-conduct', () => {
  it.each([
    ['CODE_OF_CONDUCT.md'],
    ['.github/code-of-conduct.md'],
    ['docs/Code_Of_Conduct'],
  ])('finds %s', async path => {
    const files = await repositoryFilesWith({ [path]: 'Be kind.' });
    expect(await checkRule('community.code-of-conduct', files)).toMatchObject({
      status: 'pass',
    });
  });

  it('fails without one', async () => {
    const files = await repositoryFilesWith({ 'CONDUCT.txt': 'Be kind.' });
    expect(await checkRule('community.code-of-conduct', files)).toMatchObject({
      status: 'fail',
    });
  });
});

describe('community.issue-templates', () => {
  it('passes for Markdown templates with front matter and issue forms', async () => {
    const files = await repositoryFilesWith({
      '.github/ISSUE_TEMPLATE/bug_report.md': BUG_TEMPLATE,
      '.github/ISSUE_TEMPLATE/feature.yml': FEATURE_FORM,
      '.github/ISSUE_TEMPLATE/config.yml': 'blank_issues_enabled: false\n',
    });
    expect(await checkRule('community.issue-templates', files)).toEqual({
      status: 'pass',
      message: '2 issue template(s): bug_report.md and feature.yml',
      files: [
        {
          path: '.github/ISSUE_TEMPLATE/bug_report.md',
          url: browseUrl('.github/ISSUE_TEMPLATE/bug_report.md'),
        },
        {
          path: '.github/ISSUE_TEMPLATE/feature.yml',
          url: browseUrl('.github/ISSUE_TEMPLATE/feature.yml'),
        },
      ],
    });
  });

  it('passes for GitLab templates, which need no front matter', async () => {
    const files = await repositoryFilesWith({
      '.gitlab/issue_templates/Bug.md': '## Summary\n',
    });
    expect(await checkRule('community.issue-templates', files)).toMatchObject({
      status: 'pass',
      message: '1 issue template(s): Bug.md',
    });
  });

  it("passes for GitHub's older single template", async () => {
    const files = await repositoryFilesWith({
      '.github/ISSUE_TEMPLATE.md': 'Describe the problem.',
    });
    expect(await checkRule('community.issue-templates', files)).toMatchObject({
      status: 'pass',
      message:
        "Found the single issue template .github/ISSUE_TEMPLATE.md (GitHub's older form; a .github/ISSUE_TEMPLATE/ folder allows several)",
    });
  });

  it('fails naming the file and the YAML error for invalid front matter', async () => {
    const files = await repositoryFilesWith({
      '.github/ISSUE_TEMPLATE/bug.md':
        '---\nname: Bug report\nabout: Report a bug: it crashes\n---\n',
      '.github/ISSUE_TEMPLATE/question.md': BUG_TEMPLATE,
    });
    expect(await checkRule('community.issue-templates', files)).toMatchObject({
      status: 'fail',
      message:
        "Expected valid issue templates, found 1 problem(s): .github/ISSUE_TEMPLATE/bug.md: invalid front matter (line 3: the value of 'about' contains ': ' (quote the value, e.g. about: \"Report a bug: it crashes\")) (valid: question.md)",
    });
  });

  it('fails for templates without front matter or required keys, and for broken forms', async () => {
    const files = await repositoryFilesWith({
      '.github/ISSUE_TEMPLATE/a.md': 'Describe the bug.\n',
      '.github/ISSUE_TEMPLATE/b.md': '---\nname: Question\n---\n',
      '.github/ISSUE_TEMPLATE/c.yml': 'name: Form\ndescription: x\n',
      '.github/ISSUE_TEMPLATE/d.yaml': 'name: [Form\n',
    });
    const result = await checkRule('community.issue-templates', files);
    expect(result.status).toBe('fail');
    expect(result.message.split('; ')).toEqual([
      'Expected valid issue templates, found 4 problem(s): .github/ISSUE_TEMPLATE/a.md: expected front matter with name and about, found none (GitHub does not offer it in the template chooser)',
      '.github/ISSUE_TEMPLATE/b.md: expected name and about in the front matter, missing about',
      '.github/ISSUE_TEMPLATE/c.yml: expected an issue form with name, description and body, missing body',
      ".github/ISSUE_TEMPLATE/d.yaml: invalid YAML (line 1: the list of 'name' is not closed)",
    ]);
  });

  it('fails for a binary template', async () => {
    const files = await repositoryFilesWith({
      '.github/ISSUE_TEMPLATE/bug.md': Buffer.from('---\0\0'),
    });
    expect(await checkRule('community.issue-templates', files)).toMatchObject({
      status: 'fail',
      message: expect.stringContaining(
        '.github/ISSUE_TEMPLATE/bug.md is binary',
      ),
    });
  });

  it('fails without templates, mentioning a lone config.yml', async () => {
    const onlyConfig = await repositoryFilesWith({
      '.github/ISSUE_TEMPLATE/config.yml': 'blank_issues_enabled: true\n',
    });
    expect(await checkRule('community.issue-templates', onlyConfig)).toEqual({
      status: 'fail',
      message:
        'Expected issue templates in .github/ISSUE_TEMPLATE/ or .gitlab/issue_templates/, found only 1 file(s) that are not templates (such as config.yml)',
    });
    const none = await repositoryFilesWith({ 'README.md': '# x\n' });
    expect(await checkRule('community.issue-templates', none)).toMatchObject({
      status: 'fail',
      message:
        'Expected issue templates in .github/ISSUE_TEMPLATE/ or .gitlab/issue_templates/, found none',
    });
  });
});

describe('community.pull-request-template', () => {
  it.each([
    ['.github/pull_request_template.md'],
    ['PULL_REQUEST_TEMPLATE.md'],
    ['docs/Pull_Request_Template.md'],
  ])('finds %s', async path => {
    const files = await repositoryFilesWith({ [path]: '## What changed\n' });
    expect(
      await checkRule('community.pull-request-template', files),
    ).toMatchObject({
      status: 'pass',
      files: [{ path, url: browseUrl(path) }],
    });
  });

  it('finds templates in a PULL_REQUEST_TEMPLATE folder and in GitLab', async () => {
    const github = await repositoryFilesWith({
      '.github/PULL_REQUEST_TEMPLATE/feature.md': '## Feature\n',
      '.github/PULL_REQUEST_TEMPLATE/fix.md': '## Fix\n',
    });
    expect(
      await checkRule('community.pull-request-template', github),
    ).toMatchObject({
      status: 'pass',
      message:
        '2 template(s) in .github/PULL_REQUEST_TEMPLATE/: feature.md and fix.md',
    });
    const gitlab = await repositoryFilesWith({
      '.gitlab/merge_request_templates/Default.md': '## Summary\n',
    });
    expect(
      await checkRule('community.pull-request-template', gitlab),
    ).toMatchObject({
      status: 'pass',
      message: '1 template(s) in .gitlab/merge_request_templates/: Default.md',
    });
  });

  it('fails without a template, and for an empty one', async () => {
    const none = await repositoryFilesWith({ 'README.md': '# x\n' });
    expect(await checkRule('community.pull-request-template', none)).toEqual({
      status: 'fail',
      message:
        'Expected a pull request template (.github/pull_request_template.md, a PULL_REQUEST_TEMPLATE/ folder, or .gitlab/merge_request_templates/), found none',
    });
    const empty = await repositoryFilesWith({
      '.github/pull_request_template.md': '',
    });
    expect(
      await checkRule('community.pull-request-template', empty),
    ).toMatchObject({
      status: 'fail',
      message:
        'Expected a pull request template with content, found an empty .github/pull_request_template.md',
    });
  });
});
