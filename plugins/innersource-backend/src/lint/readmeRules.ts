import {
  InnerSourceLintRule,
  LintCheckResult,
  RepositoryFile,
  RepositoryFiles,
} from '@innersource-backstage/plugin-innersource-node';
import {
  documentBlocks,
  DocumentBlock,
  documentFormatOf,
  DocumentFormat,
} from './documentOutline';
import {
  isProse,
  matchReadmeSections,
  readmeDescription,
  readmeTitle,
} from './readmeContent';
import {
  fail,
  fileRef,
  fileRule,
  FileRuleDefinition,
  FindingFile,
  listing,
  locationOf,
  notApplicable,
  pass,
  perRepository,
  readTextFile,
  withNote,
} from './ruleKit';

/** The InnerSource Commons pattern behind the README and CONTRIBUTING rules. */
export const BASE_DOCUMENTATION_URL =
  'https://patterns.innersourcecommons.org/p/base-documentation';

/**
 * README names in order of preference: the forms GitHub and GitLab render, then any extension.
 */
export const README_NAMES: Array<string | RegExp> = [
  'README.md',
  'README.markdown',
  'README.rst',
  'README.adoc',
  'README.asciidoc',
  'README.txt',
  'README',
  /^readme\.[^.]+$/i,
];

/** A README read and split into headings and paragraphs, or why it could not be. */
export type LoadedReadme =
  | { status: 'missing' }
  | { status: 'unreadable'; file: RepositoryFile; problem: string }
  | {
      status: 'read';
      file: RepositoryFile;
      text: string;
      truncationNote?: string;
      format: DocumentFormat;
      blocks: DocumentBlock[];
    };

/** The entity's README (entity folder first, then the repository root), read once per refresh. */
export const loadReadme = perRepository(
  async (files: RepositoryFiles): Promise<LoadedReadme> => {
    const file = await files.find(README_NAMES);
    if (!file) return { status: 'missing' };
    const content = await readTextFile(files, file);
    if (!content.ok) {
      return { status: 'unreadable', file, problem: content.problem };
    }
    const format = documentFormatOf(file.path);
    return {
      status: 'read',
      file,
      text: content.text,
      ...(content.truncationNote
        ? { truncationNote: content.truncationNote }
        : {}),
      format,
      blocks: documentBlocks(content.text, format),
    };
  },
);

/** Where the README rules look, for messages. */
function readmeLocations(entityPath: string): string {
  return entityPath
    ? `${entityPath}/ or the repository root (or their docs/, .github/, .gitlab/)`
    : 'the repository root, docs/, .github/ or .gitlab/';
}

const NO_README = 'No README to check (see readme.exists)';

/** A README that was found and read. */
type ReadReadme = Extract<LoadedReadme, { status: 'read' }>;

/**
 * A rule about what the README says: not applicable without a README or when it cannot be read
 * (`readme.exists` reports both); otherwise `check` gets the README and the finding's file.
 */
function readmeContentRule(
  definition: Omit<FileRuleDefinition, 'check'> & {
    check(
      readme: ReadReadme,
      ref: FindingFile[],
    ): LintCheckResult | Promise<LintCheckResult>;
  },
): InnerSourceLintRule {
  const { check, ...rest } = definition;
  return fileRule({
    ...rest,
    async check({ files }) {
      const readme = await loadReadme(files);
      if (readme.status === 'missing') return notApplicable(NO_README);
      const ref = [fileRef(readme.file)];
      if (readme.status === 'unreadable') {
        return notApplicable(`${readme.problem}; see readme.exists`, ref);
      }
      return check(readme, ref);
    },
  });
}

/** The start of a paragraph for a message, on one line, cut at a word boundary. */
function quote(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= max) return `"${oneLine}"`;
  const cut = oneLine.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `"${(space > max / 2
    ? cut.slice(0, space)
    : cut.slice(0, max)
  ).trimEnd()}…"`;
}

/**
 * The README rules of the pattern *Base Documentation*: a README exists, opens with a title,
 * says what the project is, and has the sections a newcomer looks for.
 */
export const readmeRules: InnerSourceLintRule[] = [
  fileRule({
    id: 'readme.exists',
    title: 'Has a README',
    category: 'documentation',
    severity: 'error',
    guidanceUrl: BASE_DOCUMENTATION_URL,
    remediation:
      "Add a `README.md` to the project's folder (or the repository root). It is the first thing another team reads: say what the project does, how to start using it, where to get help and how to contribute. The [Base Documentation](https://patterns.innersourcecommons.org/p/base-documentation) pattern has a template.",
    check: async ({ files }) => {
      const readme = await loadReadme(files);
      if (readme.status === 'missing') {
        return fail(
          `Expected a README (README.md, README.rst, README.adoc or README with any extension) in ${readmeLocations(
            files.entityPath,
          )}, found none`,
        );
      }
      const ref = [fileRef(readme.file)];
      if (readme.status === 'unreadable') {
        return fail(`Expected a text README, found ${readme.problem}`, ref);
      }
      if (readme.text.trim() === '') {
        return fail(
          `Expected a README with content, found an empty ${readme.file.path}`,
          ref,
        );
      }
      return pass(
        withNote(
          `Found ${readme.file.path} ${locationOf(readme.file.path)}`,
          readme.truncationNote,
        ),
        ref,
      );
    },
  }),
  readmeContentRule({
    id: 'readme.title',
    title: 'README starts with a title',
    category: 'documentation',
    severity: 'warning',
    guidanceUrl: BASE_DOCUMENTATION_URL,
    remediation:
      'Start the README with a title heading naming the project: `# Ledger SDK` in Markdown (or `Ledger SDK` underlined with `===`), a title underlined with `===` in reStructuredText, `= Ledger SDK` in AsciiDoc. Logos and badges may come before it; text should come after it.',
    check: async (readme, ref) => {
      const { path } = readme.file;
      const { heading, proseBefore } = readmeTitle(readme.blocks);
      const note = readme.truncationNote;
      if (proseBefore) {
        return fail(
          withNote(
            `Expected a title heading at the start of ${path}, found text on line ${
              proseBefore.line
            } before ${
              heading
                ? `the first heading ('${heading.text}', line ${heading.line})`
                : 'any heading'
            }`,
            note,
          ),
          ref,
        );
      }
      if (!heading) {
        return fail(
          withNote(
            `Expected a title heading at the start of ${path}, found no heading`,
            note,
          ),
          ref,
        );
      }
      if (heading.text === '') {
        return fail(
          `Expected a title heading at the start of ${path}, found an empty heading on line ${heading.line}`,
          ref,
        );
      }
      return pass(
        `Title '${heading.text}' on line ${heading.line} of ${path}`,
        ref,
      );
    },
  }),
  readmeContentRule({
    id: 'readme.description',
    title: 'README says what the project is',
    category: 'documentation',
    severity: 'warning',
    guidanceUrl: BASE_DOCUMENTATION_URL,
    remediation:
      'Right after the title, write a short paragraph (a few sentences) on what the project does, for whom, and why another team would use it or contribute to it. Badges, logos and links do not count: they do not explain anything.',
    check: async (readme, ref) => {
      const { path } = readme.file;
      const description = readmeDescription(readme.blocks);
      if (description) {
        return pass(
          `Description on line ${description.line} of ${path}: ${quote(
            description.text,
          )}`,
          ref,
        );
      }
      return fail(
        withNote(
          `Expected a paragraph describing the project after the title in ${path}, found ${whatFollowsTitle(
            readme.blocks,
          )}`,
          readme.truncationNote,
        ),
        ref,
      );
    },
  }),
  readmeContentRule({
    id: 'readme.sections',
    title: 'README has the sections newcomers look for',
    category: 'documentation',
    severity: 'warning',
    guidanceUrl: BASE_DOCUMENTATION_URL,
    remediation: [
      'Add a heading for each of these to the README (any of the words in brackets will do), or link from such a section to a separate document:',
      '',
      '- **Getting started** (Getting started, Quick start, Installation, Usage, Setup): how to start using the project.',
      '- **Getting help** (Getting help, Support, FAQ, Contact): where users ask questions.',
      '- **Getting involved** (Getting involved, Communication, Community, Channels, Chat, Slack): where the project talks, in the open.',
      '- **Who we are** (Maintainers, Trusted committers, Who we are, Team, Owners): the people who review and decide.',
      '- **Contributing** (Contributing, How to contribute): how to make a change, or a link to CONTRIBUTING.md.',
    ].join('\n'),
    check: async (readme, ref) => {
      const { heading: title, proseBefore } = readmeTitle(readme.blocks);
      // The title names the project: "# Slack notifier" is not a section about Slack channels.
      const headings = readme.blocks.flatMap(block =>
        block.kind === 'heading' && (block !== title || proseBefore)
          ? [block]
          : [],
      );
      const matches = matchReadmeSections(headings);
      const found = matches.flatMap(m =>
        m.heading ? [`${m.area.label} ('${m.heading.text}')`] : [],
      );
      const missing = matches.flatMap(m => (m.heading ? [] : [m.area.label]));
      const { path } = readme.file;
      if (missing.length === 0) {
        return pass(`${path} has sections for ${listing(found)}`, ref);
      }
      return fail(
        withNote(
          `Expected sections for ${listing(
            matches.map(m => m.area.label),
          )} in ${path}; found ${listing(found)}; missing ${listing(missing)}`,
          readme.truncationNote,
        ),
        ref,
      );
    },
  }),
];

/** What stands between the title and the next heading, for a failing description check. */
function whatFollowsTitle(blocks: DocumentBlock[]): string {
  const titleIndex = blocks.findIndex(b => b.kind === 'heading');
  if (titleIndex < 0) {
    return blocks.length > 0
      ? 'only badges, images or links and no heading'
      : 'an empty document';
  }
  const rest = blocks.slice(titleIndex + 1);
  const nextHeading = rest.findIndex(b => b.kind === 'heading');
  const between = nextHeading < 0 ? rest : rest.slice(0, nextHeading);
  if (between.some(b => b.kind === 'paragraph' && !isProse(b.text))) {
    return 'only badges, images or links';
  }
  const next = nextHeading < 0 ? undefined : rest[nextHeading];
  return next
    ? `the next heading ('${next.text}', line ${next.line}) right after it`
    : 'nothing after it';
}
