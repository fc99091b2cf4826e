import { LintSeverity } from '@innersource-backstage/plugin-innersource-common';
import {
  InnerSourceLintRule,
  RepositoryFile,
  RepositoryFiles,
} from '@innersource-backstage/plugin-innersource-node';
import {
  readFrontMatter,
  readTopLevelYamlKeys,
  scalarText,
  TopLevelYamlValue,
  YamlKeysResult,
} from './frontMatter';
import { matchReadmeSections } from './readmeContent';
import { loadReadme } from './readmeRules';
import {
  fail,
  FindingFile,
  fileRef,
  fileRule,
  formatBytes,
  listing,
  locationOf,
  pass,
  readTextFile,
} from './ruleKit';

/** Where the community files rules look, for messages. */
function lookupDescription(entityPath: string): string {
  return `${
    entityPath ? `${entityPath}/ or ` : ''
  }the repository root (or docs/, .github/, .gitlab/)`;
}

/** A rule that a community health file exists (and is not empty) where GitHub and GitLab look. */
function communityFileRule(options: {
  id: string;
  title: string;
  category: string;
  severity: LintSeverity;
  guidanceUrl: string;
  remediation: string;
  /** What the file is, for messages: "a security policy". */
  what: string;
  /** Accepted names, e.g. "SECURITY.md", for messages. */
  namesLabel: string;
  names: Array<string | RegExp>;
}): InnerSourceLintRule {
  const { what, namesLabel, names, ...rule } = options;
  return fileRule({
    ...rule,
    check: async ({ files }) => {
      const file = await files.find(names);
      if (!file) {
        return fail(
          `Expected ${what} (${namesLabel}) in ${lookupDescription(
            files.entityPath,
          )}, found none`,
        );
      }
      return existingFileResult(file, what);
    },
  });
}

function existingFileResult(file: RepositoryFile, what: string) {
  if (file.size === 0) {
    return fail(`Expected ${what} with content, found an empty ${file.path}`, [
      fileRef(file),
    ]);
  }
  return pass(
    `Found ${file.path} ${locationOf(file.path)} (${formatBytes(file.size)})`,
    [fileRef(file)],
  );
}

/** LICENSE, LICENCE, COPYING, with any extension or suffix (LICENSE.txt, LICENSE-MIT). */
export const LICENSE_NAMES = [/^(licen[cs]e|copying)([.-][^/]*)?$/i];

const licenseRule = fileRule({
  id: 'license.exists',
  title: 'States the terms of reuse',
  category: 'legal',
  severity: 'warning',
  guidanceUrl: 'https://patterns.innersourcecommons.org/p/innersource-license',
  remediation:
    'Add a `LICENSE` file, or a **License** section in the README, that says on which terms other teams (and other legal entities of the company) may use and change the code. The [InnerSource License](https://patterns.innersourcecommons.org/p/innersource-license) pattern describes a license for sharing code inside a company.',
  check: async ({ files }) => {
    const file = await files.find(LICENSE_NAMES);
    if (file) return existingFileResult(file, 'a license');
    const readme = await loadReadme(files);
    if (readme.status === 'read') {
      const [license] = matchReadmeSections(
        readme.blocks.flatMap(b => (b.kind === 'heading' ? [b] : [])),
        [
          {
            id: 'license',
            label: 'license',
            synonyms: ['license', 'licence', 'licensing'],
          },
        ],
      );
      if (license.heading) {
        return pass(
          `No LICENSE file, but ${readme.file.path} has a '${license.heading.text}' section (line ${license.heading.line})`,
          [fileRef(readme.file)],
        );
      }
    }
    return fail(
      `Expected a LICENSE, LICENCE or COPYING file in ${lookupDescription(
        files.entityPath,
      )}, or a License section in the README, found neither`,
    );
  },
});

/** Issue template folders, GitHub's first (where it reads them), then GitLab's. */
const GITHUB_ISSUE_TEMPLATE_FOLDERS = [
  '.github/ISSUE_TEMPLATE',
  'ISSUE_TEMPLATE',
  'docs/ISSUE_TEMPLATE',
];
const GITLAB_ISSUE_TEMPLATE_FOLDER = '.gitlab/issue_templates';
/** The single template file GitHub supported before template folders, still honoured. */
const LEGACY_ISSUE_TEMPLATE = /^issue_template(\.(md|markdown|txt))?$/i;

const MARKDOWN = /\.(md|markdown)$/i;
const YAML = /\.ya?ml$/i;
const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Missing required top-level keys of a template's YAML. */
function missingKeys(
  values: Map<string, TopLevelYamlValue>,
  keys: string[],
  nested: string[] = [],
) {
  return [
    ...keys.filter(key => !scalarText(values, key)),
    ...nested.filter(key => !values.has(key)),
  ];
}

function yamlProblem(
  path: string,
  result: Extract<YamlKeysResult, { ok: false }>,
  what: string,
) {
  return `${path}: invalid ${what} (line ${result.line}: ${result.error})`;
}

/** Checks one GitHub issue template; a problem message, or undefined when it is fine. */
async function issueTemplateProblem(
  files: RepositoryFiles,
  file: RepositoryFile,
): Promise<string | undefined> {
  const text = await readTextFile(files, file);
  if (!text.ok) return text.problem;
  if (MARKDOWN.test(file.path)) {
    const frontMatter = readFrontMatter(text.text);
    if (!frontMatter.present) {
      return `${file.path}: expected front matter with name and about, found none (GitHub does not offer it in the template chooser)`;
    }
    if (!frontMatter.ok)
      return yamlProblem(file.path, frontMatter, 'front matter');
    const missing = missingKeys(frontMatter.values, ['name', 'about']);
    return missing.length
      ? `${
          file.path
        }: expected name and about in the front matter, missing ${listing(
          missing,
        )}`
      : undefined;
  }
  const form = readTopLevelYamlKeys(text.text);
  if (!form.ok) return yamlProblem(file.path, form, 'YAML');
  const missing = missingKeys(form.values, ['name', 'description'], ['body']);
  return missing.length
    ? `${
        file.path
      }: expected an issue form with name, description and body, missing ${listing(
        missing,
      )}`
    : undefined;
}

const issueTemplatesRule = fileRule({
  id: 'community.issue-templates',
  title: 'Has issue templates',
  category: 'community',
  severity: 'info',
  guidanceUrl: 'https://patterns.innersourcecommons.org/p/issue-tracker',
  remediation:
    'Add issue templates to `.github/ISSUE_TEMPLATE/` (GitLab: `.gitlab/issue_templates/`), e.g. for bug reports and feature requests, so that people from other teams tell you what you need to know. A Markdown template needs front matter:\n\n```\n---\nname: Bug report\nabout: Something does not work as documented\n---\n```\n\nAn issue form (`.yml`) needs `name`, `description` and `body`.',
  check: async ({ files }) => {
    const checked: string[] = [];
    const problems: string[] = [];
    const involved: FindingFile[] = [];
    let otherFiles = 0;
    for (const folder of GITHUB_ISSUE_TEMPLATE_FOLDERS) {
      for (const file of await files.list(folder)) {
        const name = basename(file.path);
        const isTemplate =
          MARKDOWN.test(name) ||
          (YAML.test(name) && !/^config\.ya?ml$/i.test(name));
        if (!isTemplate) {
          otherFiles++;
          continue;
        }
        const problem = await issueTemplateProblem(files, file);
        involved.push(fileRef(file));
        if (problem) problems.push(problem);
        else checked.push(name);
      }
    }
    // GitLab's templates are plain Markdown; the file name is the template's name.
    for (const file of await files.list(GITLAB_ISSUE_TEMPLATE_FOLDER)) {
      if (!MARKDOWN.test(file.path)) continue;
      involved.push(fileRef(file));
      if (file.size === 0) problems.push(`${file.path} is empty`);
      else checked.push(basename(file.path));
    }
    if (problems.length > 0) {
      return fail(
        `Expected valid issue templates, found ${
          problems.length
        } problem(s): ${problems.join('; ')}${
          checked.length ? ` (valid: ${listing(checked)})` : ''
        }`,
        involved,
      );
    }
    if (checked.length > 0) {
      return pass(
        `${checked.length} issue template(s): ${listing(checked)}`,
        involved,
      );
    }
    const legacy = await files.find(
      [LEGACY_ISSUE_TEMPLATE],
      ['.github', '', 'docs'],
    );
    if (legacy && legacy.size > 0) {
      return pass(
        `Found the single issue template ${legacy.path} (GitHub's older form; a .github/ISSUE_TEMPLATE/ folder allows several)`,
        [fileRef(legacy)],
      );
    }
    return fail(
      `Expected issue templates in .github/ISSUE_TEMPLATE/ or .gitlab/issue_templates/, found ${
        otherFiles
          ? `only ${otherFiles} file(s) that are not templates (such as config.yml)`
          : 'none'
      }`,
    );
  },
});

const PULL_REQUEST_TEMPLATE = /^pull_request_template(\.(md|markdown|txt))?$/i;
const TEMPLATE_HOME_FOLDERS = ['.github', '', 'docs'];

const pullRequestTemplateRule = fileRule({
  id: 'community.pull-request-template',
  title: 'Has a pull request template',
  category: 'community',
  severity: 'info',
  guidanceUrl:
    'https://docs.github.com/en/communities/using-templates-to-encourage-useful-issues-and-pull-requests/creating-a-pull-request-template-for-your-repository',
  remediation:
    'Add `.github/pull_request_template.md` (GitLab: a Markdown file in `.gitlab/merge_request_templates/`) with the checklist a contributor from another team should go through: what changed and why, how it was tested, docs updated, issue linked.',
  check: async ({ files }) => {
    const single = await files.find(
      [PULL_REQUEST_TEMPLATE],
      TEMPLATE_HOME_FOLDERS,
    );
    if (single) return existingFileResult(single, 'a pull request template');
    const folders = [
      ...TEMPLATE_HOME_FOLDERS.map(f =>
        f ? `${f}/PULL_REQUEST_TEMPLATE` : 'PULL_REQUEST_TEMPLATE',
      ),
      '.gitlab/merge_request_templates',
    ];
    for (const folder of folders) {
      const templates = (await files.list(folder)).filter(f =>
        MARKDOWN.test(f.path),
      );
      const nonEmpty = templates.filter(f => f.size > 0);
      if (nonEmpty.length > 0) {
        return pass(
          `${nonEmpty.length} template(s) in ${folder}/: ${listing(
            nonEmpty.map(f => basename(f.path)),
          )}`,
          nonEmpty.map(fileRef),
        );
      }
      if (templates.length > 0) {
        return fail(
          `Expected a pull request template with content, found only empty ones in ${folder}/`,
          templates.map(fileRef),
        );
      }
    }
    return fail(
      'Expected a pull request template (.github/pull_request_template.md, a PULL_REQUEST_TEMPLATE/ folder, or .gitlab/merge_request_templates/), found none',
    );
  },
});

/**
 * The community health files that tell another team the terms of reuse, how to report a
 * vulnerability, where to get help, how to behave, and how to file issues and changes.
 */
export const communityRules: InnerSourceLintRule[] = [
  licenseRule,
  communityFileRule({
    id: 'security.policy',
    title: 'Has a security policy',
    category: 'security',
    severity: 'info',
    guidanceUrl:
      'https://docs.github.com/en/code-security/getting-started/adding-a-security-policy-to-your-repository',
    remediation:
      'Add a `SECURITY.md` to the repository root, `docs/` or `.github/` that says how to report a vulnerability privately (not in a public issue), and which versions get fixes.',
    what: 'a security policy',
    namesLabel: 'SECURITY.md',
    names: ['SECURITY.md', /^security(\.[^.]+)?$/i],
  }),
  communityFileRule({
    id: 'support.channels',
    title: 'Says where to get help',
    category: 'community',
    severity: 'info',
    guidanceUrl:
      'https://patterns.innersourcecommons.org/p/communication-tooling',
    remediation:
      'Add a `SUPPORT.md` (GitHub links to it when people open issues) or a `COMMUNICATION.md` that lists where the project talks and answers questions: an issue tracker, a public chat channel, a mailing list. Prefer channels that are archived and searchable over direct messages.',
    what: 'a support or communication guide',
    namesLabel: 'SUPPORT.md or COMMUNICATION.md',
    names: [
      'SUPPORT.md',
      'COMMUNICATION.md',
      /^(support|communication)(\.[^.]+)?$/i,
    ],
  }),
  communityFileRule({
    id: 'community.code-of-conduct',
    title: 'Has a code of conduct',
    category: 'community',
    severity: 'info',
    guidanceUrl:
      'https://docs.github.com/en/communities/setting-up-your-project-for-healthy-contributions/adding-a-code-of-conduct-to-your-project',
    remediation:
      'Add a `CODE_OF_CONDUCT.md` (or link to your company-wide one from it) so that contributors from other teams know how the project expects people to treat each other, and whom to contact when that goes wrong.',
    what: 'a code of conduct',
    namesLabel: 'CODE_OF_CONDUCT.md',
    names: ['CODE_OF_CONDUCT.md', /^code[_-]of[_-]conduct(\.[^.]+)?$/i],
  }),
  issueTemplatesRule,
  pullRequestTemplateRule,
];
