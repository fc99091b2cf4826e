import {
  Entity,
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_DEPENDENCY_OF,
  RELATION_HAS_PART,
  RELATION_PROVIDES_API,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  BusinessUnitUsage,
  UsageConsumer,
  UsageRelation,
  UsageSummary,
} from '@innersource-backstage/plugin-innersource-common';
import { CatalogIndex } from './CatalogIndex';
import { ManifestConsumer } from './manifestUsage';

type Edge = { consumerRef: string; type: UsageRelation; via?: string };

/**
 * Who uses one entity directly: dependents, consumers of the APIs it provides (or is), and
 * entities whose dependency manifests use the package it publishes.
 */
function directUsageEdges(
  entity: Entity,
  index: CatalogIndex,
  manifestConsumers: Map<string, ManifestConsumer[]>,
): Edge[] {
  const ref = stringifyEntityRef(entity);
  const edges: Edge[] = index
    .relationTargets(entity, RELATION_DEPENDENCY_OF)
    .map(consumerRef => ({ consumerRef, type: 'dependsOn' }));
  for (const { consumerRef, via } of manifestConsumers.get(ref) ?? []) {
    edges.push({ consumerRef, type: 'manifest', via });
  }

  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (kind === 'api') {
    for (const consumerRef of index.relationTargets(
      entity,
      RELATION_API_CONSUMED_BY,
    )) {
      edges.push({ consumerRef, type: 'consumesApi', via: ref });
    }
  } else {
    for (const apiRef of index.relationTargets(entity, RELATION_PROVIDES_API)) {
      const api = index.getEntity(apiRef);
      if (!api) continue;
      for (const consumerRef of index.relationTargets(
        api,
        RELATION_API_CONSUMED_BY,
      )) {
        edges.push({ consumerRef, type: 'consumesApi', via: apiRef });
      }
    }
  }
  return edges;
}

/**
 * The usage count of an entity: the distinct entities that depend on it or consume an API it
 * provides, each with its owner and business unit, and the distinct business units they come from.
 *
 * For a System the parts (its components, APIs and resources) are used on the System's behalf:
 * consumers of any part count, except the System's own parts and the providers of the API itself.
 */
export function usageSummary(
  entity: Entity,
  index: CatalogIndex,
  manifestConsumers: Map<string, ManifestConsumer[]> = new Map(),
): UsageSummary {
  const selfRef = stringifyEntityRef(entity);
  const excluded = new Set<string>([selfRef]);
  let edges: Edge[];

  if (entity.kind.toLocaleLowerCase('en-US') === 'system') {
    const partRefs = index.relationTargets(entity, RELATION_HAS_PART);
    partRefs.forEach(ref => excluded.add(ref));
    edges = partRefs.flatMap(partRef => {
      const part = index.getEntity(partRef);
      return part ? directUsageEdges(part, index, manifestConsumers) : [];
    });
  } else {
    edges = directUsageEdges(entity, index, manifestConsumers);
    if (entity.kind.toLocaleLowerCase('en-US') === 'api') {
      // The providers of an API implement it; they do not use it.
      index
        .relationTargets(entity, RELATION_API_PROVIDED_BY)
        .forEach(ref => excluded.add(ref));
    }
  }

  const consumers = new Map<string, UsageConsumer>();
  for (const edge of edges) {
    if (excluded.has(edge.consumerRef)) continue;
    let consumer = consumers.get(edge.consumerRef);
    if (!consumer) {
      const consumerEntity = index.getEntity(edge.consumerRef);
      const ownerRef = consumerEntity
        ? index.ownerRef(consumerEntity)
        : undefined;
      consumer = {
        entityRef: edge.consumerRef,
        title: index.displayName(edge.consumerRef),
        relations: [],
        ownerRef,
        businessUnitRef: index.businessUnitOf(ownerRef),
      };
      consumers.set(edge.consumerRef, consumer);
    }
    if (
      !consumer.relations.some(r => r.type === edge.type && r.via === edge.via)
    ) {
      consumer.relations.push(
        edge.via ? { type: edge.type, via: edge.via } : { type: edge.type },
      );
    }
  }

  const units = new Map<string, BusinessUnitUsage>();
  let unknownBusinessUnitCount = 0;
  for (const consumer of consumers.values()) {
    if (!consumer.businessUnitRef) {
      unknownBusinessUnitCount += 1;
      continue;
    }
    const unit = units.get(consumer.businessUnitRef) ?? {
      entityRef: consumer.businessUnitRef,
      title: index.displayName(consumer.businessUnitRef),
      consumerCount: 0,
    };
    unit.consumerCount += 1;
    units.set(consumer.businessUnitRef, unit);
  }

  const sortedConsumers = [...consumers.values()].sort((a, b) =>
    a.entityRef.localeCompare(b.entityRef),
  );
  const businessUnits = [...units.values()].sort(
    (a, b) =>
      b.consumerCount - a.consumerCount ||
      a.entityRef.localeCompare(b.entityRef),
  );
  return {
    count: sortedConsumers.length,
    businessUnitCount: businessUnits.length,
    businessUnits,
    unknownBusinessUnitCount,
    consumers: sortedConsumers,
  };
}
