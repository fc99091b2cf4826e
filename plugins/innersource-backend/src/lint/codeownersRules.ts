import {
  InnerSourceLintRule,
  LintCheckResult,
  LintSettings,
  RepositoryFile,
  RepositoryFiles,
} from '@innersource-backstage/plugin-innersource-node';
import { CatalogPeople, isEnumerableCatalog } from './catalogPeople';
import {
  CodeownersOwner,
  isCatchAllPattern,
  ownersOfFolder,
  parseCodeowners,
  ParsedCodeowners,
} from './codeowners';
import {
  fail,
  fileRef,
  fileRule,
  FindingFile,
  listing,
  notApplicable,
  pass,
  perRepository,
  readTextFile,
  withNote,
} from './ruleKit';

/** The pattern behind the ownership rules: named people who review and decide. */
export const TRUSTED_COMMITTER_URL =
  'https://patterns.innersourcecommons.org/p/trusted-committer';

/** Used when the refresh's settings do not say otherwise. */
export const DEFAULT_MAINTAINERS: LintSettings['maintainers'] = {
  min: 2,
  max: 15,
};

/**
 * Where GitHub (`.github/`, root, `docs/`, in its order of precedence) and GitLab (root, `docs/`,
 * `.gitlab/`) read CODEOWNERS. Only at the repository root: a CODEOWNERS in a sub-folder is
 * ignored by both, so a monorepo has one for all of its entities.
 */
export const CODEOWNERS_FOLDERS = ['.github', '', 'docs', '.gitlab'];

/** At most this many items are spelled out in a message; the rest are counted. */
const MAX_LISTED = 10;

function capped(items: string[]): string {
  return items.length > MAX_LISTED
    ? `${items.slice(0, MAX_LISTED).join(', ')} and ${
        items.length - MAX_LISTED
      } more`
    : items.join(', ');
}

/** The repository's CODEOWNERS, read and parsed once per refresh. */
type LoadedCodeowners =
  | { found: false; misplaced?: RepositoryFile }
  | { found: true; file: RepositoryFile; problem: string }
  | {
      found: true;
      file: RepositoryFile;
      parsed: ParsedCodeowners;
      truncationNote?: string;
    };

const loadCodeowners = perRepository(
  async (files: RepositoryFiles): Promise<LoadedCodeowners> => {
    const file = await files.find(['CODEOWNERS'], CODEOWNERS_FOLDERS);
    if (!file) {
      // Worth telling apart: the owners wrote one, but where no SCM looks.
      const misplaced = files.entityPath
        ? await files.find(
            ['CODEOWNERS'],
            [
              files.entityPath,
              `${files.entityPath}/.github`,
              `${files.entityPath}/docs`,
              `${files.entityPath}/.gitlab`,
            ],
          )
        : undefined;
      return misplaced ? { found: false, misplaced } : { found: false };
    }
    const text = await readTextFile(files, file);
    if (!text.ok) return { found: true, file, problem: text.problem };
    return {
      found: true,
      file,
      parsed: parseCodeowners(text.text),
      ...(text.truncationNote ? { truncationNote: text.truncationNote } : {}),
    };
  },
);

const NO_CODEOWNERS = 'No CODEOWNERS file to check (see codeowners.exists)';

/** Every distinct owner of the file, with the first line that names it. */
function distinctOwners(parsed: ParsedCodeowners): CodeownersOwner[] {
  const byName = new Map<string, CodeownersOwner>();
  for (const owner of [
    ...parsed.sections.flatMap(s => s.defaultOwners),
    ...parsed.rules.flatMap(r => r.owners),
  ].sort((a, b) => a.line - b.line)) {
    const key = owner.raw.toLocaleLowerCase('en-US');
    if (!byName.has(key)) byName.set(key, owner);
  }
  return [...byName.values()];
}

/** The parsed file for rules that need one; the result to return otherwise. */
async function parsedOrResult(files: RepositoryFiles): Promise<
  | { result: LintCheckResult }
  | {
      loaded: Extract<LoadedCodeowners, { parsed: ParsedCodeowners }>;
      ref: FindingFile[];
    }
> {
  const loaded = await loadCodeowners(files);
  if (!loaded.found) return { result: notApplicable(NO_CODEOWNERS) };
  const ref: FindingFile[] = [fileRef(loaded.file)];
  if ('problem' in loaded) {
    return {
      result: notApplicable(`${loaded.problem}; see codeowners.exists`, ref),
    };
  }
  return { loaded, ref };
}

/**
 * CODEOWNERS: that it exists where the SCM reads it, parses, gives every file an owner, names
 * owners the catalog knows, and adds up to a healthy number of maintainers.
 */
export const codeownersRules: InnerSourceLintRule[] = [
  fileRule({
    id: 'codeowners.exists',
    title: 'Has a CODEOWNERS file',
    category: 'ownership',
    severity: 'warning',
    guidanceUrl: TRUSTED_COMMITTER_URL,
    remediation:
      'Add a `CODEOWNERS` file to `.github/`, `docs/` or the root of the repository (GitLab also reads `.gitlab/`). It names the trusted committers who review changes, and makes the SCM ask them for reviews:\n\n```\n* @acme/ledger-team\n/docs/ @acme/ledger-team @maria\n```',
    check: async ({ files }) => {
      const loaded = await loadCodeowners(files);
      if (!loaded.found) {
        const where =
          'in .github/, docs/, .gitlab/ or the root of the repository';
        if (loaded.misplaced) {
          return fail(
            `Expected a CODEOWNERS file ${where}, found only ${loaded.misplaced.path}, which GitHub and GitLab ignore`,
            [fileRef(loaded.misplaced)],
          );
        }
        return fail(`Expected a CODEOWNERS file ${where}, found none`);
      }
      const ref = [fileRef(loaded.file)];
      if ('problem' in loaded) {
        return fail(
          `Expected a text CODEOWNERS file, found ${loaded.problem}`,
          ref,
        );
      }
      if (loaded.parsed.rules.length === 0) {
        return fail(
          `Expected CODEOWNERS rules, found ${loaded.file.path} without any`,
          ref,
        );
      }
      return pass(
        `Found ${loaded.file.path} with ${loaded.parsed.rules.length} rule(s)`,
        ref,
      );
    },
  }),
  fileRule({
    id: 'codeowners.syntax',
    title: 'CODEOWNERS is valid',
    category: 'ownership',
    severity: 'warning',
    guidanceUrl:
      'https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners#codeowners-syntax',
    remediation:
      'Write each rule as a path pattern followed by one or more owners: `@user`, `@org/team` or an email address, separated by spaces (`/src/ @acme/ledger-team maria@acme.example`). Lines starting with `#` are comments. A pattern without owners leaves its files unowned; remove it unless that is what you want. GitLab sections (`[Docs] @acme/writers`) are allowed.',
    check: async ({ files }) => {
      const state = await parsedOrResult(files);
      if ('result' in state) return state.result;
      const { loaded, ref } = state;
      const { problems, rules } = loaded.parsed;
      if (problems.length === 0) {
        return pass(
          withNote(
            `${loaded.file.path}: ${rules.length} rule(s), no problems`,
            loaded.truncationNote,
          ),
          ref,
        );
      }
      return fail(
        withNote(
          `Expected every line of ${
            loaded.file.path
          } to be a pattern followed by valid owners, found ${
            problems.length
          } problem(s): ${capped(
            problems.map(p => `line ${p.line}: ${p.message}`),
          )}`,
          loaded.truncationNote,
        ),
        ref,
      );
    },
  }),
  fileRule({
    id: 'codeowners.catch-all',
    title: 'CODEOWNERS gives every file an owner',
    category: 'ownership',
    severity: 'warning',
    guidanceUrl: TRUSTED_COMMITTER_URL,
    remediation:
      'Start CODEOWNERS with a catch-all rule, `* @acme/ledger-team`, so that every change has someone to review it. Keep it first: the last matching rule wins, so a catch-all further down overrides all the rules above it.',
    check: async ({ files }) => {
      const state = await parsedOrResult(files);
      if ('result' in state) return state.result;
      const { loaded, ref } = state;
      const { rules } = loaded.parsed;
      const { path } = loaded.file;
      const catchAlls = rules.filter(rule => isCatchAllPattern(rule.pattern));
      const catchAll = catchAlls.find(rule => rule.owners.length > 0);
      if (!catchAll) {
        if (catchAlls.length > 0) {
          return fail(
            `Expected a catch-all rule with owners in ${path}, found '${catchAlls[0].pattern}' on line ${catchAlls[0].line} without owners`,
            ref,
          );
        }
        return fail(
          `Expected a catch-all rule ('* @owner') in ${path}, found ${
            rules.length
          } rule(s) for specific paths only${
            rules.length ? `: ${capped(rules.map(r => r.pattern))}` : ''
          }`,
          ref,
        );
      }
      // The last matching rule wins (per GitLab section): rules above the catch-all never apply.
      const overridden = rules.filter(
        rule => rule.line < catchAll.line && rule.section === catchAll.section,
      );
      if (overridden.length > 0) {
        return fail(
          `Expected the catch-all rule first, found '${
            catchAll.pattern
          }' on line ${catchAll.line} after ${
            overridden.length
          } rule(s) that it overrides (the last matching rule wins): ${capped(
            overridden.map(r => `${r.pattern} (line ${r.line})`),
          )}`,
          ref,
        );
      }
      return pass(
        `'${catchAll.pattern}' on line ${
          catchAll.line
        } of ${path} is owned by ${catchAll.owners.map(o => o.raw).join(', ')}`,
        ref,
      );
    },
  }),
  fileRule({
    id: 'codeowners.owners-resolve',
    title: 'CODEOWNERS owners exist in the catalog',
    category: 'ownership',
    severity: 'warning',
    guidanceUrl: TRUSTED_COMMITTER_URL,
    remediation:
      'Make every owner in CODEOWNERS a catalog User or Group: `@login` is matched to the User with that `github.com/user-login` (or `gitlab.com/user-login`) annotation, `@org/team` to the Group with that `github.com/team-slug` annotation or named like the team, and an email to the User with that `spec.profile.email`. Remove owners who have left; they cannot review anything.',
    check: async ({ files, catalog, entity }) => {
      const state = await parsedOrResult(files);
      if ('result' in state) return state.result;
      const { loaded, ref } = state;
      const owners = distinctOwners(loaded.parsed);
      if (owners.length === 0) {
        return notApplicable(
          `${loaded.file.path} names no owners (see codeowners.syntax)`,
          ref,
        );
      }
      const people = new CatalogPeople(catalog, entity.metadata.namespace);
      const resolved: string[] = [];
      const unresolved: string[] = [];
      const unchecked: string[] = [];
      for (const owner of owners) {
        const found = people.resolve(owner);
        if (found.kind === 'unresolved')
          unresolved.push(`${owner.raw} (line ${owner.line})`);
        else if (found.kind === 'not-checkable') unchecked.push(owner.raw);
        else resolved.push(`${owner.raw} → ${found.entityRef}`);
      }
      const uncheckedNote = unchecked.length
        ? ` (${unchecked.join(', ')}: roles, not checked)`
        : '';
      if (unresolved.length === 0) {
        return pass(
          `${resolved.length} owner(s) in ${
            loaded.file.path
          } are in the catalog: ${capped(resolved)}${uncheckedNote}`,
          ref,
        );
      }
      const searchNote = isEnumerableCatalog(catalog)
        ? ''
        : ' (this catalog view can only be searched by name, not by login annotation or email)';
      return fail(
        `Expected every owner in ${
          loaded.file.path
        } to be a User or Group in the catalog; not found: ${capped(
          unresolved,
        )}; found: ${capped(resolved) || 'none'}${uncheckedNote}${searchNote}`,
        ref,
      );
    },
  }),
  fileRule({
    id: 'ownership.maintainers',
    title: 'Has a healthy number of maintainers',
    category: 'ownership',
    severity: 'warning',
    guidanceUrl: TRUSTED_COMMITTER_URL,
    remediation:
      "Name the project's maintainers (trusted committers) in CODEOWNERS, as people or as a catalog Group whose members are in the catalog. One maintainer is a single point of failure: reviews stall when they are away, and the project dies when they leave. Very many maintainers usually means nobody feels responsible: name the people who actually review.",
    check: async ({ files, catalog, entity, settings }) => {
      const state = await parsedOrResult(files);
      if ('result' in state) {
        return state.result.message === NO_CODEOWNERS
          ? notApplicable(
              'No CODEOWNERS file to count maintainers from (see codeowners.exists)',
            )
          : state.result;
      }
      const { loaded, ref } = state;
      const { min, max } = settings?.maintainers ?? DEFAULT_MAINTAINERS;
      const people = new CatalogPeople(catalog, entity.metadata.namespace);
      const maintainers = new Set<string>();
      const notInCatalog = new Set<string>();
      const roles = new Set<string>();
      const viaGroups = new Set<string>();
      for (const owner of ownersOfFolder(loaded.parsed, files.entityPath)) {
        const found = people.resolve(owner);
        if (found.kind === 'user') maintainers.add(found.entityRef);
        else if (found.kind === 'group') {
          const members = people.membersOf(found.entityRef);
          members.forEach(m => maintainers.add(m));
          viaGroups.add(`${owner.raw}: ${members.length} member(s)`);
        } else if (found.kind === 'not-checkable') roles.add(owner.raw);
        else notInCatalog.add(owner.raw);
      }
      const names = [...maintainers]
        .sort()
        .map(userRef => userRef.replace(/^user:default\//, ''));
      const details = [
        capped(names),
        ...(viaGroups.size ? [`via ${[...viaGroups].join(', ')}`] : []),
        ...(notInCatalog.size
          ? [`not counted, not in the catalog: ${listing([...notInCatalog])}`]
          : []),
        ...(roles.size ? [`not counted, roles: ${listing([...roles])}`] : []),
      ]
        .filter(Boolean)
        .join('; ');
      const found = `found ${maintainers.size}${
        details ? ` (${details})` : ''
      }`;
      const scope = files.entityPath ? ` for ${files.entityPath}/` : '';
      if (maintainers.size < min) {
        return fail(
          `Expected at least ${min} maintainers${scope}, ${found}`,
          ref,
        );
      }
      if (maintainers.size > max) {
        return fail(
          `Expected at most ${max} maintainers${scope}, ${found}`,
          ref,
        );
      }
      return pass(
        `${maintainers.size} maintainers${scope}${
          details ? ` (${details})` : ''
        }`,
        ref,
      );
    },
  }),
];
