import {
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityInnerSourceResponse,
  INNERSOURCE_KINDS,
  PROJECT_SORT_FIELDS,
  READINESS_LEVELS,
  ACTIVITY_LEVELS,
  ProjectListResponse,
} from '@innersource-backstage/plugin-innersource-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { InnerSourceStore, ProjectFilter } from '../database/InnerSourceStore';
import { parseOrThrow } from './parseOrThrow';
import { readinessBadgeSvg } from './badge';
import { projectsCsv } from './projectsCsv';
import { ReadableEntityCache } from './ReadableEntityCache';
import { utcDay } from '../database/DatabaseInnerSourceStore';

const KIND_NAMES = INNERSOURCE_KINDS.map(k => k.toLocaleLowerCase('en-US'));
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;

/** Query parameters that may be repeated (`kind=API&kind=System`). */
const LIST_PARAMS = [
  'kind',
  'type',
  'tag',
  'owner',
  'lifecycle',
  'level',
  'language',
  'activity',
];

const list = (item: z.ZodType<string>) =>
  z.array(item).max(50, 'must have at most 50 values').optional();

/** Turns a list parameter given once into a one-element list, so one schema fits both. */
function withLists(query: Record<string, unknown>): Record<string, unknown> {
  const normalized = { ...query };
  for (const key of LIST_PARAMS) {
    const value = normalized[key];
    if (value !== undefined && !Array.isArray(value)) normalized[key] = [value];
  }
  return normalized;
}

const listingQuerySchema = z
  .object({
    q: z.string().max(200, 'must be at most 200 characters').optional(),
    kind: list(
      z
        .string()
        .refine(v => KIND_NAMES.includes(v.toLocaleLowerCase('en-US')), {
          message: `must be one of ${INNERSOURCE_KINDS.join(', ')}`,
        }),
    ),
    type: list(z.string().min(1).max(63)),
    tag: list(z.string().min(1).max(63)),
    owner: list(z.string().min(1).max(255)),
    lifecycle: list(z.string().min(1).max(63)),
    level: list(
      z
        .string()
        .refine(v => (READINESS_LEVELS as readonly string[]).includes(v), {
          message: `must be one of ${READINESS_LEVELS.join(', ')}`,
        }),
    ),
    innerSourceOnly: z.enum(['true', 'false']).optional(),
    language: list(z.string().min(1).max(63)),
    activity: list(
      z
        .string()
        .refine(v => (ACTIVITY_LEVELS as readonly string[]).includes(v), {
          message: `must be one of ${ACTIVITY_LEVELS.join(', ')}`,
        }),
    ),
    group: z
      .string()
      .regex(
        /^group:[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/,
        'must be a group ref like group:default/team-a',
      )
      .optional(),
    accepting: z.enum(['true', 'false']).optional(),
    hideStale: z.enum(['true', 'false']).optional(),
    goodFirstIssues: z.enum(['true', 'false']).optional(),
    facets: z.enum(['true', 'false']).optional(),
    sort: z.enum(PROJECT_SORT_FIELDS).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.coerce
      .number({ invalid_type_error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(100, 'must be at most 100')
      .optional(),
    offset: z.coerce
      .number({ invalid_type_error: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must not be negative')
      .optional(),
  })
  .strict();

const entityQuerySchema = z
  .object({
    historyDays: z.coerce
      .number({ invalid_type_error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(730, 'must be at most 730')
      .optional(),
  })
  .strict();

/** Default sort direction: biggest figures and newest first, names A-Z. */
function defaultOrder(sort: ProjectFilter['sort']): 'asc' | 'desc' {
  return sort === 'name' ? 'asc' : 'desc';
}

/** Entities opt in to a public readiness badge with this annotation set to 'true'. */
export const BADGE_ANNOTATION = 'innersource.io/badge';

export interface RouterOptions {
  /** Projects without a commit for this many days are marked inactive. Default 180. */
  staleAfterDays?: number;
  /** How long a caller's readable entities are cached. Default 30 s. */
  readableCacheTtlMs?: number;
  /** For the badge route, which reads the catalog as the plugin itself. */
  auth?: AuthService;
  /** Serve SVG badges without login for entities that opt in. */
  badgesEnabled?: boolean;
  httpAuth: HttpAuthService;
  /**
   * Asked whether a caller may read every catalog entity before the catalog is asked which ones
   * (see ReadableEntityCache); without it, the catalog is always asked.
   */
  permissions?: PermissionsService;
  catalog: CatalogService;
  store: InnerSourceStore;
  logger: LoggerService;
}

/**
 * The InnerSource REST API. Every route but `/health` requires credentials, and what a caller
 * sees is limited to the catalog entities those credentials may read.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, catalog, store } = options;
  const staleAfterDays = options.staleAfterDays ?? 180;
  const readableCache = new ReadableEntityCache({
    catalog,
    permissions: options.permissions,
    ttlMs: options.readableCacheTtlMs ?? 30_000,
  });
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Public, but only for entities that opted in; everything else is a 404 whatever the reason, so
  // the route reveals nothing about entities that did not opt in.
  router.get('/badges/:kind/:namespace/:name', async (req, res) => {
    const notFound = () => {
      throw new NotFoundError('No badge');
    };
    const kind = req.params.kind.toLocaleLowerCase('en-US');
    const name = req.params.name.replace(/\.svg$/, '');
    const { namespace } = req.params;
    if (
      !options.badgesEnabled ||
      !options.auth ||
      !KIND_NAMES.includes(kind) ||
      !NAME_PATTERN.test(namespace) ||
      !NAME_PATTERN.test(name)
    ) {
      notFound();
    }
    const entityRef = stringifyEntityRef({ kind, namespace, name });
    const entity = await catalog.getEntityByRef(entityRef, {
      credentials: await options.auth!.getOwnServiceCredentials(),
    });
    if (entity?.metadata.annotations?.[BADGE_ANNOTATION] !== 'true') notFound();
    const result = await store.getResult(entityRef);
    if (!result) notFound();
    res
      .type('image/svg+xml')
      .set('Cache-Control', 'public, max-age=3600')
      .send(
        readinessBadgeSvg({
          level: result!.lint.level ?? 'none',
          score: result!.lint.score,
        }),
      );
  });

  router.get('/status', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const lastRun = await store.getLastRun();
    res.json({
      lastRun: lastRun ?? null,
      entityCount: await store.countResults(),
    });
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const kind = req.params.kind.toLocaleLowerCase('en-US');
    const { namespace, name } = req.params;
    if (!KIND_NAMES.includes(kind)) {
      throw new InputError(
        `Invalid kind '${
          req.params.kind
        }': must be one of ${INNERSOURCE_KINDS.join(', ')}`,
      );
    }
    if (!NAME_PATTERN.test(namespace) || !NAME_PATTERN.test(name)) {
      throw new InputError(
        `Invalid entity name '${namespace}/${name}': names are 1-253 letters, digits, '.', '_' or '-'`,
      );
    }
    const query = parseOrThrow(entityQuerySchema, req.query);
    const entityRef = stringifyEntityRef({ kind, namespace, name });

    // The catalog decides visibility: an entity the caller may not read does not exist for them.
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} found`);
    }
    const result = await store.getResult(entityRef);
    if (!result) {
      throw new NotFoundError(
        `No InnerSource results for ${entityRef} yet; they are computed on the next scheduled refresh`,
      );
    }
    const historyDays = query.historyDays ?? 90;
    const since = new Date(
      Date.now() - (historyDays - 1) * 24 * 60 * 60 * 1000,
    );
    const history = await store.getHistory(entityRef, {
      sinceDay: utcDay(since),
    });
    const body: EntityInnerSourceResponse = { result, history };
    res.json(body);
  });

  /** The listing filter from a validated query. */
  const filterFrom = (
    query: z.output<typeof listingQuerySchema>,
  ): ProjectFilter => {
    const q = query.q?.trim() || undefined;
    const sort = query.sort ?? (q ? 'relevance' : 'usage');
    return {
      q,
      kind: query.kind,
      type: query.type,
      tag: query.tag,
      owner: query.owner,
      lifecycle: query.lifecycle,
      innerSourceOnly: query.innerSourceOnly === 'true',
      level: query.level,
      language: query.language,
      activity: query.activity,
      ownerGroup: query.group,
      acceptingContributions: query.accepting === 'true',
      goodFirstIssues: query.goodFirstIssues === 'true',
      activeSince:
        query.hideStale === 'true'
          ? new Date(Date.now() - staleAfterDays * 86_400_000).toISOString()
          : undefined,
      sort,
      order: query.order ?? defaultOrder(sort),
    };
  };
  const staleCutoff = () => Date.now() - staleAfterDays * 86_400_000;

  router.get('/projects', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const query = parseOrThrow(listingQuerySchema, withLists(req.query));
    const filter = filterFrom(query);
    const limit = query.limit ?? 24;
    const offset = query.offset ?? 0;
    const readable = await readableCache.readableRefs(credentials);
    const [page, facets] = await Promise.all([
      store.listProjects({ filter, readable, limit, offset }),
      query.facets === 'true'
        ? store.projectFacets({ filter, readable })
        : undefined,
    ]);
    const cutoff = staleCutoff();
    const items = (await store.getProjectItems(page.refs)).map(item =>
      item.lastActivityAt && Date.parse(item.lastActivityAt) < cutoff
        ? { ...item, inactive: true }
        : item,
    );
    const body: ProjectListResponse = {
      items,
      totalCount: page.totalCount,
      ...(facets ? { facets } : {}),
      offset,
      limit,
      ...(offset + limit < page.totalCount
        ? { nextOffset: offset + limit }
        : {}),
    };
    res.json(body);
  });

  // The whole current result (all pages) as CSV, for spreadsheets.
  router.get('/projects.csv', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    // every page: limit and offset do not apply
    const filter = filterFrom(
      parseOrThrow(listingQuerySchema, withLists(req.query)),
    );
    const readable = await readableCache.readableRefs(credentials);
    const page = await store.listProjects({
      filter,
      readable,
      limit: 100_000,
      offset: 0,
    });
    const items = await store.getProjectItems(page.refs);
    res
      .type('text/csv')
      .set(
        'Content-Disposition',
        'attachment; filename="innersource-projects.csv"',
      )
      .send(projectsCsv(items));
  });

  return router;
}
