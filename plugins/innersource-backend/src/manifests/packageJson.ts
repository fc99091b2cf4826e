import { ManifestDependency, ParsedManifest } from './types';

/** The dependency sections of a package.json and the scope each one stands for. */
const DEPENDENCY_SECTIONS: ReadonlyArray<[section: string, scope: string]> = [
  ['dependencies', 'runtime'],
  ['devDependencies', 'dev'],
  ['peerDependencies', 'peer'],
  ['optionalDependencies', 'optional'],
];

type JsonObject = { [key: string]: unknown };

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(
  content: string,
  problems: string[],
): JsonObject | undefined {
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push(`not valid JSON: ${reason}`);
    return undefined;
  }
  if (!isJsonObject(document)) {
    problems.push('expected a JSON object at the top level');
    return undefined;
  }
  return document;
}

function sectionDependencies(
  document: JsonObject,
  section: string,
  scope: string,
  problems: string[],
): ManifestDependency[] {
  const entries = document[section];
  if (entries === undefined) return [];
  if (!isJsonObject(entries)) {
    problems.push(`"${section}" should be an object of package names`);
    return [];
  }
  return Object.keys(entries).map(name => ({ ecosystem: 'npm', name, scope }));
}

/**
 * Reads an npm `package.json`: the package it publishes (`name`) and its dependencies, devDependencies
 * (scope `dev`), peerDependencies (`peer`) and optionalDependencies (`optional`).
 */
export function parsePackageJson(
  file: string,
  content: string,
): ParsedManifest {
  const problems: string[] = [];
  const manifest: ParsedManifest = {
    file,
    ecosystem: 'npm',
    dependencies: [],
    problems,
  };
  const document = parseJson(content, problems);
  if (!document) return manifest;

  if (typeof document.name === 'string' && document.name.trim() !== '') {
    manifest.publishes = document.name.trim();
  } else if (document.name !== undefined) {
    problems.push('"name" should be a non-empty string');
  }
  manifest.dependencies = DEPENDENCY_SECTIONS.flatMap(([section, scope]) =>
    sectionDependencies(document, section, scope, problems),
  );
  return manifest;
}
