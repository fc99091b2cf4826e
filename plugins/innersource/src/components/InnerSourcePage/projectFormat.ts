import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import type { ProjectListItem } from '@innersource-backstage/plugin-innersource-common';

/**
 * A day in the user's locale with the month in words, e.g. `Mar 4, 2025`, so that it cannot be
 * misread; the input when it cannot be parsed.
 *
 * @internal
 */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
      });
}

/**
 * The short name of a group ref, e.g. `finance` for `group:default/finance`, as the catalog
 * shows refs; the input when it is not a ref.
 *
 * @internal
 */
export function groupName(groupRef: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(groupRef), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
  } catch {
    return groupRef;
  }
}

/**
 * A label with its facet count, e.g. `Java (12)`; just the label when the count is not known.
 *
 * @internal
 */
export function withCount(label: string, count: number | undefined): string {
  return count === undefined ? label : `${label} (${count})`;
}

/**
 * The name a project is shown under: its title, else its name.
 *
 * @internal
 */
export function projectTitle(project: ProjectListItem): string {
  return project.entity.title ?? project.entity.name;
}
