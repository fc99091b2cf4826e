import { ProjectFacet, ProjectFilter } from './InnerSourceStore';

/**
 * The search index of the discovery listing, the same on SQLite (an FTS5 table) and PostgreSQL (a
 * `tsvector` with a GIN index): each project is a set of tokens, the words of its text and one
 * token per filterable value, and a listing filter becomes a boolean query over those tokens, so
 * that the database answers search and filters from one inverted index instead of reading every
 * row. The tokens are made here rather than by a database text parser, so both databases find
 * exactly the same projects.
 */

/** A run of letters and digits: what a search word matches the start of. */
const WORD = /[\p{L}\p{N}\p{Co}]+/gu;

/** Longer words are indexed and searched by their first characters. */
export const MAX_WORD_LENGTH = 64;

/** At most this many search words count; the rest of a long query is ignored. */
const MAX_TERMS = 10;

const lower = (value: string) => value.toLocaleLowerCase('en-US');

/** The lower-cased words of a text (runs of letters and digits), each once. */
export function textWords(text: string): string[] {
  const words = new Set<string>();
  for (const match of lower(text).matchAll(WORD)) {
    words.add(match[0].slice(0, MAX_WORD_LENGTH));
  }
  return [...words];
}

/** The filterable fields of the index. */
export type IndexField =
  | 'kind'
  | 'type'
  | 'lifecycle'
  | 'level'
  | 'language'
  | 'activity'
  | 'tag'
  | 'owner'
  | 'group'
  | 'flag';

/** Values of the `flag` field. */
export type IndexFlag = 'innersource' | 'accepting' | 'goodfirstissues';

/**
 * The token of a filterable value, e.g. `kind=636f6d706f6e656e74`. The value is hex-encoded so that
 * the token is one word for any tokenizer and can never be confused with a word of the text
 * (words have no `=`).
 */
export function valueToken(field: IndexField, value: string): string {
  return `${field}=${Buffer.from(value, 'utf8').toString('hex')}`;
}

/** What the index knows of a project. */
export interface IndexedProject {
  /** Lower-cased text that searches match: name, title, description, tags, owner... */
  searchText: string;
  kind: string;
  type?: string | null;
  lifecycle?: string | null;
  readinessLevel?: string | null;
  language?: string | null;
  activityLevel?: string | null;
  tags: string[];
  ownerRef?: string | null;
  /** The owner and the groups above it. */
  ownerPath: string[];
  flags: IndexFlag[];
}

/** The filterable values of a project, as the index and its value counts have them. */
export function indexedValues(
  project: IndexedProject,
): Array<[IndexField, string]> {
  const values: Array<[IndexField, string]> = [];
  const add = (field: IndexField, value: string | null | undefined) => {
    if (value) values.push([field, value]);
  };
  add('kind', lower(project.kind));
  add('type', project.type);
  add('lifecycle', project.lifecycle);
  add('level', project.readinessLevel);
  add('language', project.language);
  add('activity', project.activityLevel);
  for (const tag of new Set(project.tags.map(lower))) add('tag', tag);
  add('owner', project.ownerRef && lower(project.ownerRef));
  for (const group of new Set(project.ownerPath.map(lower))) {
    add('group', group);
  }
  for (const flag of project.flags) add('flag', flag);
  return values;
}

/** The tokens of a project: its words and its filterable values. */
export function indexTokens(project: IndexedProject): string[] {
  return [
    ...new Set([
      ...textWords(project.searchText),
      ...indexedValues(project).map(([field, value]) =>
        valueToken(field, value),
      ),
    ]),
  ];
}

/** One token of a query; `prefix` matches every token that starts with it. */
export interface QueryToken {
  token: string;
  prefix: boolean;
}

/** Every group must match; a group matches when any of its tokens does. */
export type TokenQuery = QueryToken[][];

/** The lower-cased words of a search, as typed (split on white space). */
export function searchTerms(q: string | undefined): string[] {
  return lower(q ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_TERMS);
}

/** A filter on one field: any of the values. */
export interface FieldFilter {
  field: IndexField;
  values: string[];
}

/**
 * The filters of a listing filter on indexed fields, normalized as the index has them, leaving out
 * the filter of `except` (a facet is counted over the other filters). They match their values
 * exactly, as before: kinds, tags, owners and groups whatever the case. `activeSince` is a range and
 * is not in the index.
 */
export function fieldFilters(
  filter: ProjectFilter,
  except?: ProjectFacet,
): FieldFilter[] {
  const filters: FieldFilter[] = [];
  const anyOf = (
    field: IndexField,
    values: string[] | undefined,
    normalize: (value: string) => string = v => v,
  ) => {
    if (values?.length) {
      filters.push({ field, values: [...new Set(values.map(normalize))] });
    }
  };
  if (except !== 'kind') anyOf('kind', filter.kind, lower);
  if (except !== 'type') anyOf('type', filter.type);
  if (except !== 'lifecycle') anyOf('lifecycle', filter.lifecycle);
  if (except !== 'level') anyOf('level', filter.level);
  if (except !== 'language') anyOf('language', filter.language);
  if (except !== 'activity') anyOf('activity', filter.activity);
  if (except !== 'tag') anyOf('tag', filter.tag, lower);
  anyOf('owner', filter.owner, lower);
  if (filter.ownerGroup && except !== 'businessUnit') {
    anyOf('group', [filter.ownerGroup], lower);
  }
  if (filter.innerSourceOnly) anyOf('flag', ['innersource']);
  if (filter.acceptingContributions) anyOf('flag', ['accepting']);
  if (filter.goodFirstIssues && except !== 'goodFirstIssues') {
    anyOf('flag', ['goodfirstissues']);
  }
  return filters;
}

/** How a listing filter is answered. */
export interface IndexPlan {
  /** Matched by the index; empty when the index does not narrow the listing. */
  tokens: TokenQuery;
  /** Checked on the rows the index found (or on every row without tokens). */
  columns: FieldFilter[];
  /**
   * Search terms that must also appear literally in the search text (a `LIKE` over the rows the
   * index found): terms with punctuation, such as `team-shop` or `c++`, whose words the index
   * matches one by one.
   */
  literals: string[];
}

/**
 * Share of the projects that have a value: from the stored value counts, undefined for fields that
 * are not counted (owners, groups), which are taken to be rare.
 */
export type ValueShare = (
  field: IndexField,
  value: string,
) => number | undefined;

/** The fields that listing rows have a column for, so they can be checked without the index. */
const COLUMN_FIELDS: ReadonlySet<IndexField> = new Set<IndexField>([
  'kind',
  'type',
  'lifecycle',
  'level',
  'language',
  'activity',
  'tag',
  'flag',
]);

/**
 * Reading a long list of the index costs about a tenth of what checking a row costs: a filter
 * goes into the index query when the rows it rules out are worth more than the list it reads.
 */
const LIST_ENTRY_COST = 0.1;

/**
 * The plan for a listing filter. Each search term matches projects with a word that starts with it
 * (`pay` finds `payments`); a term of several words (`team-shop`) needs each word and the term
 * itself. A filter value shared by most projects (kind Component, lifecycle production) narrows
 * little but has a long list in the index, so such filters are checked on the rows that the search
 * and the rarer values found instead: `share` says how common each value is.
 */
export function planQuery(options: {
  filter: ProjectFilter;
  except?: ProjectFacet;
  share: ValueShare;
}): IndexPlan {
  const { filter, except, share } = options;
  const tokens: TokenQuery = [];
  const literals: string[] = [];
  for (const term of searchTerms(filter.q)) {
    const words = [...term.matchAll(WORD)].map(m => m[0]);
    for (const word of words) {
      tokens.push([{ token: word.slice(0, MAX_WORD_LENGTH), prefix: true }]);
    }
    if (words.length !== 1 || words[0] !== term) literals.push(term);
  }
  // The share of rows still in the running: a search leaves a few percent of them.
  let remaining = tokens.length > 0 ? 0.2 : 1;
  const filters = fieldFilters(filter, except).map(f => ({
    filter: f,
    share: Math.min(
      1,
      f.values.reduce((sum, value) => sum + (share(f.field, value) ?? 0.01), 0),
    ),
  }));
  filters.sort((a, b) => a.share - b.share);
  const columns: FieldFilter[] = [];
  for (const { filter: f, share: s } of filters) {
    const worthIt =
      !COLUMN_FIELDS.has(f.field) ||
      (s <= 0.5 && remaining * (1 - s) > LIST_ENTRY_COST * s);
    if (worthIt) {
      tokens.push(
        f.values.map(value => ({
          token: valueToken(f.field, value),
          prefix: false,
        })),
      );
      remaining *= s;
    } else {
      columns.push(f);
    }
  }
  return { tokens, columns, literals };
}

/** The facets whose own filter is set, i.e. those counted over a set of their own. */
export function filteredFacets(filter: ProjectFilter): ProjectFacet[] {
  const set = (values: string[] | undefined) => Boolean(values?.length);
  const facets: Array<[ProjectFacet, boolean]> = [
    ['kind', set(filter.kind)],
    ['type', set(filter.type)],
    ['lifecycle', set(filter.lifecycle)],
    ['level', set(filter.level)],
    ['activity', set(filter.activity)],
    ['language', set(filter.language)],
    ['tag', set(filter.tag)],
    ['businessUnit', Boolean(filter.ownerGroup)],
    ['goodFirstIssues', Boolean(filter.goodFirstIssues)],
  ];
  return facets.filter(([, isSet]) => isSet).map(([facet]) => facet);
}

/** A token query in SQLite FTS5 query syntax. */
export function fts5Query(query: TokenQuery): string {
  const token = (t: QueryToken) =>
    `"${t.token.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`;
  return query
    .map(group =>
      group.length === 1
        ? token(group[0])
        : `(${group.map(token).join(' OR ')})`,
    )
    .join(' AND ');
}

/** A token query in PostgreSQL `tsquery` syntax, e.g. `'pay':* & ('kind=61' | 'kind=62')`. */
export function tsQuery(query: TokenQuery): string {
  const token = (t: QueryToken) =>
    `'${t.token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${
      t.prefix ? ':*' : ''
    }`;
  return query
    .map(group =>
      group.length === 1
        ? token(group[0])
        : `(${group.map(token).join(' | ')})`,
    )
    .join(' & ');
}
