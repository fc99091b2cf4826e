import { ManifestDependency, ParsedManifest } from './types';
import {
  XmlElement,
  childElement,
  childElements,
  childText,
  parseXml,
} from './xml';

/** Resolves `${...}` placeholders; returns undefined for one it does not know. */
type PropertyLookup = (property: string) => string | undefined;

/** Placeholders nest (a property may refer to another); this bounds a cycle. */
const MAX_SUBSTITUTION_DEPTH = 5;

function projectProperties(project: XmlElement): PropertyLookup {
  const groupId = childText(project, 'groupId');
  const parentGroupId = childText(childElement(project, 'parent'), 'groupId');
  const effectiveGroupId = groupId ?? parentGroupId;
  const artifactId = childText(project, 'artifactId');
  const builtIn: Record<string, string | undefined> = {
    'project.groupId': effectiveGroupId,
    'pom.groupId': effectiveGroupId,
    groupId: effectiveGroupId,
    'project.parent.groupId': parentGroupId,
    'parent.groupId': parentGroupId,
    'project.artifactId': artifactId,
    'pom.artifactId': artifactId,
    artifactId,
  };
  const declared = new Map(
    (childElement(project, 'properties')?.children ?? []).map(property => [
      property.name,
      property.text.trim(),
    ]),
  );
  return property => builtIn[property] ?? declared.get(property);
}

function substitute(
  text: string,
  lookup: PropertyLookup,
  depth = 0,
): { value: string; unresolved: string[] } {
  const unresolved: string[] = [];
  const value = text.replace(/\$\{([^}]+)\}/g, (placeholder, name: string) => {
    const replacement = lookup(name.trim());
    if (replacement === undefined || depth >= MAX_SUBSTITUTION_DEPTH) {
      unresolved.push(placeholder);
      return placeholder;
    }
    const nested = substitute(replacement, lookup, depth + 1);
    unresolved.push(...nested.unresolved);
    return nested.value;
  });
  return { value, unresolved };
}

/** `groupId:artifactId` with placeholders resolved, or undefined (with a problem) when incomplete. */
function coordinates(
  element: XmlElement,
  groupId: string | undefined,
  lookup: PropertyLookup,
  problems: string[],
  what: string,
): string | undefined {
  const artifactId = childText(element, 'artifactId');
  if (!artifactId) {
    problems.push(`${what} has no artifactId`);
    return undefined;
  }
  if (!groupId) {
    problems.push(`${what} ${artifactId} has no groupId`);
    return undefined;
  }
  const { value, unresolved } = substitute(`${groupId}:${artifactId}`, lookup);
  for (const placeholder of unresolved) {
    problems.push(`${what} ${value}: cannot resolve ${placeholder}`);
  }
  return value;
}

function readDependencies(
  dependencies: XmlElement | undefined,
  managed: boolean,
  lookup: PropertyLookup,
  problems: string[],
): ManifestDependency[] {
  return childElements(dependencies, 'dependency').flatMap(dependency => {
    const name = coordinates(
      dependency,
      childText(dependency, 'groupId'),
      lookup,
      problems,
      'a dependency',
    );
    if (!name) return [];
    const scope = managed ? 'managed' : childText(dependency, 'scope');
    return [{ ecosystem: 'maven' as const, name, ...(scope ? { scope } : {}) }];
  });
}

/**
 * The dependencies declared by the project or one of its profiles. Only these paths are read, so
 * build plugins and their own dependencies are left out.
 */
function declaredDependencies(
  container: XmlElement,
  lookup: PropertyLookup,
  problems: string[],
): ManifestDependency[] {
  const management = childElement(container, 'dependencyManagement');
  return [
    ...readDependencies(
      childElement(container, 'dependencies'),
      false,
      lookup,
      problems,
    ),
    ...readDependencies(
      childElement(management, 'dependencies'),
      true,
      lookup,
      problems,
    ),
  ];
}

/**
 * Reads a Maven `pom.xml`: the `groupId:artifactId` it publishes (the groupId inherited from
 * `<parent>` when the project has none) and its dependencies, with their `<scope>` when given.
 * Dependencies under `<dependencyManagement>` get the scope `managed`; profiles' dependencies are
 * included; build plugins are not. `${project.groupId}` and the like, and properties the POM itself
 * declares, are substituted.
 */
export function parsePomXml(file: string, content: string): ParsedManifest {
  const { root, problems } = parseXml(content);
  const manifest: ParsedManifest = {
    file,
    ecosystem: 'maven',
    dependencies: [],
    problems,
  };
  if (!root) return manifest;
  if (root.name !== 'project') {
    problems.push(`expected a <project> root element, found <${root.name}>`);
    return manifest;
  }

  const lookup = projectProperties(root);
  manifest.publishes = coordinates(
    root,
    lookup('project.groupId'),
    lookup,
    problems,
    'the project',
  );
  const containers = [
    root,
    ...childElements(childElement(root, 'profiles'), 'profile'),
  ];
  manifest.dependencies = containers.flatMap(container =>
    declaredDependencies(container, lookup, problems),
  );
  return manifest;
}
