import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ContributionSummary,
  EntityInnerSourceResult,
  INNERSOURCE_KINDS,
  InnerSourceEntitySummary,
  InnerSourceMetadata,
  hasInnerSourceTag,
  ReadinessLevelThresholds,
  summarizeLint,
} from '@innersource-backstage/plugin-innersource-common';
import {
  InnerSourceLintRule,
  LintSettings,
  RepositoryFiles,
} from '@innersource-backstage/plugin-innersource-node';
import { LintPolicy } from '../governance/LintPolicy';
import {
  attributeUser,
  catalogUsers,
  owningTeam,
} from '../contributions/attribution';
import { IdentityIndex } from '../contributions/IdentityIndex';
import { repositoryActivity } from './repositoryActivity';
import { scmSummary, scmWindowFigures } from '../scm/scmMetrics';
import { StoredScmRepository } from '../scm/ScmSignalsStore';
import { classifySharing, SharingSettings } from '../scm/sharing';
import { ParsedManifest } from '../manifests';
import { CatalogIndex } from './CatalogIndex';
import { lintEntity } from './lintEntity';
import { ManifestConsumer } from './manifestUsage';
import { usageSummary } from './usage';

const TARGET_KINDS = new Set(
  INNERSOURCE_KINDS.map(k => k.toLocaleLowerCase('en-US')),
);

/** Whether the InnerSource plugins compute results for an entity of this kind. */
export function isInnerSourceTarget(entity: Entity): boolean {
  return TARGET_KINDS.has(entity.kind.toLocaleLowerCase('en-US'));
}

const LANGUAGE_OF_ECOSYSTEM: Record<string, string> = {
  npm: 'JavaScript',
  maven: 'Java',
  go: 'Go',
  pypi: 'Python',
};

/**
 * The main language: from innersource.json, else from the manifests (TypeScript when an npm
 * manifest uses it).
 */
export function languageOf(
  metadata: InnerSourceMetadata | undefined,
  manifests: ParsedManifest[] | undefined,
): string | undefined {
  if (metadata?.language) return metadata.language;
  const first = manifests?.[0];
  if (!first) return undefined;
  if (
    first.ecosystem === 'npm' &&
    manifests!.some(m => m.dependencies.some(d => d.name === 'typescript'))
  ) {
    return 'TypeScript';
  }
  return LANGUAGE_OF_ECOSYSTEM[first.ecosystem];
}

/** The owner and the groups above it (a User owner: the user, then their first team's chain). */
function ownerPathOf(
  ownerRef: string | undefined,
  index: CatalogIndex,
): string[] | undefined {
  if (!ownerRef) return undefined;
  if (ownerRef.startsWith('user:')) {
    const [team] = index.memberGroups(ownerRef);
    return [ownerRef, ...(team ? index.groupAncestry(team) : [])];
  }
  const ancestry = index.groupAncestry(ownerRef);
  return ancestry.length ? ancestry : [ownerRef];
}

function entitySummary(
  entity: Entity,
  index: CatalogIndex,
  git: {
    metadata?: InnerSourceMetadata;
    manifests?: ParsedManifest[];
    hasContributingGuide?: boolean;
  } = {},
): InnerSourceEntitySummary {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const ownerRef = index.ownerRef(entity);
  const str = (value: unknown) =>
    typeof value === 'string' && value !== '' ? value : undefined;
  const tags = entity.metadata.tags ?? [];
  return {
    entityRef: stringifyEntityRef(entity),
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
    title: str(entity.metadata.title),
    description: str(entity.metadata.description),
    type: str(spec.type),
    lifecycle: str(spec.lifecycle),
    ownerRef,
    ownerTitle: index.displayName(ownerRef),
    businessUnitRef: index.businessUnitOf(ownerRef),
    tags,
    innerSource: hasInnerSourceTag(tags),
    ownerPath: ownerPathOf(ownerRef, index),
    ...(languageOf(git.metadata, git.manifests)
      ? { language: languageOf(git.metadata, git.manifests) }
      : {}),
    acceptingContributions:
      hasInnerSourceTag(tags) ||
      Boolean(git.hasContributingGuide) ||
      Boolean(git.metadata?.contributions?.length),
    ...(git.metadata ? { innerSourceMetadata: git.metadata } : {}),
  };
}

/**
 * Computes usage and readiness lint for every Component, API, Resource and System in a catalog
 * snapshot. Pure apart from what the rules do.
 */
export async function computeResults(options: {
  entities: Entity[];
  rules: InnerSourceLintRule[];
  computedAt: Date;
  /** Contribution figures by entity ref, from the git history reader. */
  contributions?: Map<string, ContributionSummary>;
  /** Consumers found in dependency manifests, by the ref of the entity whose package they use. */
  manifestConsumers?: Map<string, ManifestConsumer[]>;
  /** Each entity's own manifests and innersource.json, by entity ref. */
  manifests?: Map<string, ParsedManifest[]>;
  innerSourceJson?: Map<string, InnerSourceMetadata>;
  /** Repository files by entity ref, for the rules that read files. */
  filesFor?: (entityRef: string) => RepositoryFiles | undefined;
  /** Profiles, exceptions; the default policy when absent. */
  policy?: LintPolicy;
  lintSettings?: LintSettings;
  levels?: ReadinessLevelThresholds;
  /** The stored SCM platform read of each entity's repository, by entity ref. */
  scm?: Map<string, StoredScmRepository>;
  /** Sharing classification settings; every entity is `internal` without them. */
  sharing?: SharingSettings;
  /** Matches pull request and issue authors to catalog users; built from the catalog if absent. */
  identities?: IdentityIndex;
  /** Whether members of the owner's subgroups count as the owning team. */
  includeSubgroups?: boolean;
}): Promise<EntityInnerSourceResult[]> {
  const index = new CatalogIndex(options.entities);
  const results: EntityInnerSourceResult[] = [];
  const today = options.computedAt.toISOString().slice(0, 10);
  let identities = options.identities;
  for (const entity of index.entities()) {
    if (!isInnerSourceTarget(entity)) continue;
    const ref = stringifyEntityRef(entity);
    const stored = options.scm?.get(ref);
    const signals = stored?.signals;
    const sharing = classifySharing(entity, options.sharing);
    const files = options.filesFor?.(ref);
    let linted: Awaited<ReturnType<typeof lintEntity>>;
    try {
      linted = await lintEntity({
        entity,
        catalog: index,
        rules: options.rules,
        files,
        settings: options.lintSettings,
        scm: signals,
        sharing,
        policy: options.policy,
        today,
      });
    } finally {
      // the files reader keeps a git process for the whole lint of the entity
      await files?.close?.();
    }
    const { findings, profile } = linted;
    let contributions = options.contributions?.get(ref);
    let scm: EntityInnerSourceResult['scm'];
    if (stored && signals) {
      identities ??= new IdentityIndex({ users: catalogUsers(index) });
      const ids = identities;
      const owner = owningTeam(entity, index, {
        includeSubgroups: options.includeSubgroups ?? false,
      });
      const isBot = (login: string, platformSaysBot: boolean) =>
        platformSaysBot || ids.isBot(login, login);
      scm = scmSummary({
        signals,
        windows: scmWindowFigures({
          signals,
          now: options.computedAt,
          isBot,
          attribute: (login, platformSaysBot) => {
            if (!login) return 'unknown';
            if (isBot(login, platformSaysBot)) return 'bot';
            const userRef = ids.userForLogin(login);
            return userRef
              ? attributeUser({ userRef, catalog: index, owner }).kind
              : 'unknown';
          },
          commitWindows: contributions?.windows,
        }),
        fetchedAt: stored.fetchedAt,
        stale: stored.stale,
        error: stored.error,
      });
      if (contributions) {
        contributions = {
          ...contributions,
          activity: repositoryActivity({
            entity,
            now: options.computedAt,
            firstCommitAt: contributions.repository.firstCommitAt,
            lastCommitAt: contributions.repository.lastCommitAt,
            weekly: contributions.weekly,
            hasContributingGuide: contributions.hasContributingGuide,
            metadata: options.innerSourceJson?.get(ref),
            platform: signals,
          }),
        };
      }
    }
    const summary = entitySummary(entity, index, {
      metadata: options.innerSourceJson?.get(ref),
      manifests: options.manifests?.get(ref),
      hasContributingGuide: contributions?.hasContributingGuide,
    });
    results.push({
      entity: summary,
      usage: usageSummary(entity, index, options.manifestConsumers),
      lint: summarizeLint(findings, { levels: options.levels, profile }),
      ...(contributions ? { contributions } : {}),
      ...(scm ? { scm } : {}),
      sharing,
      computedAt: options.computedAt.toISOString(),
      status: { stale: false },
    });
  }
  return results;
}
