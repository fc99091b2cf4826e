import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CONTRIBUTION_WINDOWS,
  GroupProgramResponse,
  PROGRAM_INTERVALS,
  ProgramSummary,
  ScmOrganizationsResponse,
} from '@innersource-backstage/plugin-innersource-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  buildGroupProgram,
  buildProgramSummary,
} from '../program/buildProgramSummary';
import { ProgramStore } from '../program/ProgramStore';
import { readableEntities } from './readableEntities';
import { parseOrThrow } from './parseOrThrow';
import { CallerCache } from './CallerCache';
import { ScmSignalsStore } from '../scm/ScmSignalsStore';

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;

/** `group:default/payments`, or `default/payments` and `payments` with Group as the default kind. */
const groupRefSchema = z
  .string()
  .max(255, 'must be at most 255 characters')
  .transform((value, ctx) => {
    try {
      const ref = parseEntityRef(value, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      });
      if (!NAME_PATTERN.test(ref.namespace) || !NAME_PATTERN.test(ref.name)) {
        throw new TypeError('malformed');
      }
      if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
        ctx.addIssue({ code: 'custom', message: 'must be a Group ref' });
        return z.NEVER;
      }
      return stringifyEntityRef(ref);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an entity ref like group:default/payments',
      });
      return z.NEVER;
    }
  });

const summaryQuerySchema = z
  .object({
    group: groupRefSchema.optional(),
    window: z.enum(CONTRIBUTION_WINDOWS).optional(),
    interval: z.enum(PROGRAM_INTERVALS).optional(),
  })
  .strict();

const groupQuerySchema = z
  .object({ window: z.enum(CONTRIBUTION_WINDOWS).optional() })
  .strict();

/** @see createProgramRouter */
export interface ProgramRouterOptions {
  httpAuth: HttpAuthService;
  /** Asked whether a caller may read every catalog entity first (see catalogReadDecision). */
  permissions?: PermissionsService;
  catalog: CatalogService;
  store: ProgramStore;
  /** Organisation settings read from the SCM platforms; the route answers an empty list without. */
  scmStore?: Pick<ScmSignalsStore, 'getOrganizations'>;
  /** Projects without a commit for this many days are stale. */
  staleAfterDays: number;
  /** How long what a caller may read is kept; default 30 s. */
  readableCacheTtlMs?: number;
  now?: () => Date;
}

/**
 * The program view of the InnerSource Program Office. Both routes need user or service
 * credentials, and count only the entities those credentials may read in the catalog.
 *
 * - `GET /program/summary?group=<groupRef>&window=365d&interval=week`: adoption, reuse,
 *   collaboration and risks as JSON, for the page and for an ISPO's own reports.
 * - `GET /program/groups/:namespace/:name?window=365d`: the InnerSource tab of a Group.
 * - `GET /program/scm-organizations`: the SCM organisations' settings measured against the
 *   working group's recommendations (not entity data: every signed-in user may read it).
 */
export async function createProgramRouter(
  options: ProgramRouterOptions,
): Promise<express.Router> {
  const { httpAuth, catalog, store, staleAfterDays } = options;
  const now = options.now ?? (() => new Date());
  const readableCache = new CallerCache({
    load: credentials =>
      readableEntities({
        catalog,
        permissions: options.permissions,
        credentials,
        groups: true,
      }),
    ttlMs: options.readableCacheTtlMs ?? 30_000,
  });
  const router = Router();

  router.get('/program/summary', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const query = parseOrThrow(summaryQuerySchema, req.query);
    const readable = await readableCache.get(credentials);
    if (query.group && !readable.groupRefs.has(query.group)) {
      throw new NotFoundError(`No group ${query.group} found`);
    }
    const body: ProgramSummary = await buildProgramSummary({
      store,
      readableRefs: readable.projectRefs,
      readableGroupRefs: readable.groupRefs,
      groupRef: query.group,
      window: query.window ?? '365d',
      interval: query.interval ?? 'week',
      staleAfterDays,
      now: now(),
    });
    res.json(body);
  });

  router.get('/program/groups/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { namespace, name } = req.params;
    if (!NAME_PATTERN.test(namespace) || !NAME_PATTERN.test(name)) {
      throw new InputError(
        `Invalid group name '${namespace}/${name}': names are 1-253 letters, digits, '.', '_' or '-'`,
      );
    }
    const query = parseOrThrow(groupQuerySchema, req.query);
    const groupRef = stringifyEntityRef({ kind: 'group', namespace, name });
    const readable = await readableCache.get(credentials);
    if (!readable.groupRefs.has(groupRef)) {
      throw new NotFoundError(`No group ${groupRef} found`);
    }
    const body: GroupProgramResponse = await buildGroupProgram({
      store,
      readableRefs: readable.projectRefs,
      groupRef,
      window: query.window ?? '365d',
      staleAfterDays,
      now: now(),
    });
    res.json(body);
  });

  router.get('/program/scm-organizations', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const organizations = (await options.scmStore?.getOrganizations()) ?? [];
    const body: ScmOrganizationsResponse = { organizations };
    res.json(body);
  });

  return router;
}
