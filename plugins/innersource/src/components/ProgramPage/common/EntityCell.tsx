import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { ProgramEntityRef } from '@innersource-backstage/plugin-innersource-common';
import { displayTitle } from './windows';

/**
 * A link to a catalog entity, named by its title; `–` without an entity.
 *
 * @internal
 */
export function EntityCell(props: { entity?: ProgramEntityRef }) {
  const { entity } = props;
  if (!entity) return <>–</>;
  return (
    <EntityRefLink entityRef={entity.entityRef} disableTooltip>
      {displayTitle(entity)}
    </EntityRefLink>
  );
}
