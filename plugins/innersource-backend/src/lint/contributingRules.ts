import {
  InnerSourceLintRule,
  RepositoryFiles,
} from '@innersource-backstage/plugin-innersource-node';
import { BASE_DOCUMENTATION_URL } from './readmeRules';
import {
  fail,
  fileRef,
  fileRule,
  listing,
  locationOf,
  notApplicable,
  pass,
  perRepository,
  readTextFile,
  TextFile,
  withNote,
} from './ruleKit';

/** CONTRIBUTING with any extension (or none), as GitHub and GitLab find it. */
export const CONTRIBUTING_NAMES: Array<string | RegExp> = [
  'CONTRIBUTING.md',
  'CONTRIBUTING',
  /^contributing\.[^.]+$/i,
];

/** A topic a contributing guide should cover, recognised by the words used for it. */
export interface ContributingTopic {
  label: string;
  pattern: RegExp;
}

/**
 * The topics of the pattern *Base Documentation* that a contributor cannot guess: how to get and
 * build the code, how to test it, how to submit a change, and how soon to expect an answer.
 */
export const CONTRIBUTING_TOPICS: ContributingTopic[] = [
  {
    label: 'building the code',
    pattern:
      /\b(build(s|ing)?|check(ing)?[ -]?out|clon(e|ing)|set(ting)?[ -]?up|install(ing|ation)?|compil(e|ing))\b/i,
  },
  { label: 'running the tests', pattern: /\btest/i },
  {
    label: 'submitting changes',
    pattern:
      /\b(pull[ -]requests?|merge[ -]requests?|PRs?|MRs?|submit(ting)?|patch(es)?)\b/i,
  },
  {
    label: 'expected turnaround',
    pattern:
      /\b(response[ -]times?|first response|turn[ -]?around|(review(ed)?|respond|answer(ed)?|repl(y|ies)) within|SLAs?|(business|working)[ -]days?|days?|hours?)\b/i,
  },
];

/** The entity's CONTRIBUTING file, read once per refresh. */
const loadContributing = perRepository(
  async (files: RepositoryFiles): Promise<TextFile | undefined> => {
    const file = await files.find(CONTRIBUTING_NAMES);
    return file ? readTextFile(files, file) : undefined;
  },
);

const NO_CONTRIBUTING =
  'No CONTRIBUTING file to check (see contributing.exists)';

/**
 * The contributing guide: it exists where GitHub and GitLab link to it, and it answers what a
 * first-time contributor from another team needs to know.
 */
export const contributingRules: InnerSourceLintRule[] = [
  fileRule({
    id: 'contributing.exists',
    title: 'Has a contributing guide',
    category: 'contributing',
    severity: 'error',
    guidanceUrl: BASE_DOCUMENTATION_URL,
    remediation:
      "Add a `CONTRIBUTING.md` to the project's folder, the repository root, `docs/` or `.github/` (GitHub and GitLab link to it when someone opens a pull request). Explain how to build and test the code, how to submit a change, and how soon the team answers. The [Base Documentation](https://patterns.innersourcecommons.org/p/base-documentation) pattern has a template.",
    check: async ({ files }) => {
      const contributing = await loadContributing(files);
      if (!contributing) {
        return fail(
          `Expected a CONTRIBUTING file (CONTRIBUTING.md or any extension) in ${
            files.entityPath ? `${files.entityPath}/ or ` : ''
          }the repository root, docs/, .github/ or .gitlab/, found none`,
        );
      }
      const ref = [fileRef(contributing.file)];
      if (!contributing.ok) {
        return fail(
          `Expected a text contributing guide, found ${contributing.problem}`,
          ref,
        );
      }
      if (contributing.text.trim() === '') {
        return fail(
          `Expected a contributing guide with content, found an empty ${contributing.file.path}`,
          ref,
        );
      }
      return pass(
        withNote(
          `Found ${contributing.file.path} ${locationOf(
            contributing.file.path,
          )}`,
          contributing.truncationNote,
        ),
        ref,
      );
    },
  }),
  fileRule({
    id: 'contributing.content',
    title:
      'Contributing guide covers building, testing, submitting and turnaround',
    category: 'contributing',
    severity: 'warning',
    guidanceUrl: BASE_DOCUMENTATION_URL,
    remediation: [
      'Make sure the contributing guide answers:',
      '',
      '- **Building**: how to check out, set up and build the code.',
      '- **Testing**: how to run the tests, and which must pass.',
      '- **Submitting changes**: how to open a pull (merge) request, what a good one contains.',
      '- **Turnaround**: how soon contributors can expect a first response or review (e.g. "within 2 working days"). See also the [30 Day Warranty](https://patterns.innersourcecommons.org/p/30-day-warranty) pattern for what happens after a merge.',
    ].join('\n'),
    check: async ({ files }) => {
      const contributing = await loadContributing(files);
      if (!contributing) return notApplicable(NO_CONTRIBUTING);
      const ref = [fileRef(contributing.file)];
      if (!contributing.ok) {
        return notApplicable(
          `${contributing.problem}; see contributing.exists`,
          ref,
        );
      }
      const { path } = contributing.file;
      const covered = CONTRIBUTING_TOPICS.filter(t =>
        t.pattern.test(contributing.text),
      );
      const missing = CONTRIBUTING_TOPICS.filter(t => !covered.includes(t));
      if (missing.length === 0) {
        return pass(
          `${path} covers ${listing(covered.map(t => t.label))}`,
          ref,
        );
      }
      return fail(
        withNote(
          `Expected ${path} to cover ${listing(
            CONTRIBUTING_TOPICS.map(t => t.label),
          )}; found ${listing(covered.map(t => t.label))}; missing ${listing(
            missing.map(t => t.label),
          )}`,
          contributing.truncationNote,
        ),
        ref,
      );
    },
  }),
];
