import { normalizePythonName, requirementName } from './python';
import { TomlTable, TomlValue, isTomlTable, parseToml } from './toml';
import { ManifestDependency, ParsedManifest } from './types';

/** The value at a dotted path of tables, or undefined when any part is missing. */
function valueAt(table: TomlTable, path: string[]): TomlValue | undefined {
  let value: TomlValue | undefined = table;
  for (const key of path) {
    value = isTomlTable(value) ? value[key] : undefined;
  }
  return value;
}

function tableAt(
  document: TomlTable,
  path: string[],
  problems: string[],
): TomlTable | undefined {
  const value = valueAt(document, path);
  if (value === undefined) return undefined;
  if (!isTomlTable(value)) {
    problems.push(`[${path.join('.')}] should be a table`);
    return undefined;
  }
  return value;
}

function dependency(name: string, scope: string): ManifestDependency {
  return { ecosystem: 'pypi', name, scope };
}

/** PEP 508 requirement strings, e.g. `[project] dependencies`. */
function requirementList(
  value: TomlValue | undefined,
  where: string,
  scope: string,
  problems: string[],
): ManifestDependency[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`${where} should be an array of requirement strings`);
    return [];
  }
  return value.flatMap(requirement => {
    // PEP 735 groups may include other groups as `{ include-group = "..." }`; those name no package.
    if (typeof requirement !== 'string') return [];
    const name = requirementName(requirement);
    if (name === undefined) {
      problems.push(
        `${where}: cannot read a package name from "${requirement}"`,
      );
      return [];
    }
    return [dependency(name, scope)];
  });
}

/** Tables of requirement lists keyed by their scope: optional dependencies and dependency groups. */
function requirementListsByScope(
  document: TomlTable,
  path: string[],
  problems: string[],
): ManifestDependency[] {
  const lists = tableAt(document, path, problems) ?? {};
  return Object.entries(lists).flatMap(([scope, requirements]) =>
    requirementList(
      requirements,
      `[${path.join('.')}] ${scope}`,
      scope,
      problems,
    ),
  );
}

/** A Poetry dependency table, whose keys are package names (`python` is the interpreter). */
function poetryTable(
  document: TomlTable,
  path: string[],
  scope: string,
  problems: string[],
): ManifestDependency[] {
  const table = tableAt(document, path, problems) ?? {};
  return Object.keys(table)
    .filter(name => name.toLowerCase() !== 'python')
    .map(name => dependency(normalizePythonName(name), scope));
}

function poetryGroups(
  document: TomlTable,
  problems: string[],
): ManifestDependency[] {
  const groups = tableAt(document, ['tool', 'poetry', 'group'], problems) ?? {};
  return Object.keys(groups).flatMap(group =>
    poetryTable(
      document,
      ['tool', 'poetry', 'group', group, 'dependencies'],
      group,
      problems,
    ),
  );
}

function projectName(
  document: TomlTable,
  problems: string[],
): string | undefined {
  for (const path of [
    ['project', 'name'],
    ['tool', 'poetry', 'name'],
  ]) {
    const name = valueAt(document, path);
    if (typeof name === 'string' && name.trim() !== '') {
      return normalizePythonName(name);
    }
    if (name !== undefined) {
      problems.push(`${path.join('.')} should be a non-empty string`);
    }
  }
  return undefined;
}

/**
 * Reads a Python `pyproject.toml`: the project it publishes (`[project] name`, else
 * `[tool.poetry] name`) and its dependencies from `[project] dependencies` (scope `runtime`),
 * `[project.optional-dependencies]` (scope: the extra), `[dependency-groups]` (scope: the group),
 * `[tool.poetry.dependencies]` (`runtime`, without `python`), `[tool.poetry.dev-dependencies]`
 * (`dev`) and `[tool.poetry.group.<group>.dependencies]` (scope: the group). Names are normalised
 * per PEP 503.
 */
export function parsePyprojectToml(
  file: string,
  content: string,
): ParsedManifest {
  const { table: document, problems } = parseToml(content);
  const dependencies = [
    ...requirementList(
      valueAt(document, ['project', 'dependencies']),
      '[project] dependencies',
      'runtime',
      problems,
    ),
    ...requirementListsByScope(
      document,
      ['project', 'optional-dependencies'],
      problems,
    ),
    ...requirementListsByScope(document, ['dependency-groups'], problems),
    ...poetryTable(
      document,
      ['tool', 'poetry', 'dependencies'],
      'runtime',
      problems,
    ),
    ...poetryTable(
      document,
      ['tool', 'poetry', 'dev-dependencies'],
      'dev',
      problems,
    ),
    ...poetryGroups(document, problems),
  ];
  const publishes = projectName(document, problems);
  return {
    file,
    ecosystem: 'pypi',
    ...(publishes ? { publishes } : {}),
    dependencies,
    problems,
  };
}
