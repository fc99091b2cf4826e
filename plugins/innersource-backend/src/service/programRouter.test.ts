import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  GroupProgramResponse,
  ProgramSummary,
} from '@innersource-backstage/plugin-innersource-common';
import express from 'express';
import request from 'supertest';
import { DatabaseInnerSourceStore } from '../database/DatabaseInnerSourceStore';
import { DatabaseProgramStore } from '../program/DatabaseProgramStore';
import { ProgramAggregator } from '../program/ProgramAggregator';
import { smallOrg } from '../__testUtils__/catalogFixtures';
import {
  permissionAwareCatalog,
  permissionAwarePermissions,
} from '../__testUtils__/permissionAwareCatalog';
import {
  PROGRAM_COMPUTED_AT,
  programResults,
} from '../__testUtils__/programFixtures';
import { createProgramRouter } from './programRouter';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

/** May read everything but ledger-sdk. */
const OUTSIDER = 'user:default/outsider';
/** The permission policy denies reading the catalog. */
const NOBODY = 'user:default/nobody';
const SDK = 'component:default/ledger-sdk';
const SHOP_WEB = 'component:default/shop-web';
const LEDGER_TEAM = 'group:default/team-ledger';
const SHOP_TEAM = 'group:default/team-shop';
const MOBILE_TEAM = 'group:default/team-shop-mobile';

describe.each(databases.eachSupportedId())(
  'program routes on %p',
  databaseId => {
    let app: express.Express;
    /** The kinds each catalog listing asked for. */
    const catalogKinds: string[][] = [];

    beforeAll(async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const database = { getClient: async () => knex };
      await DatabaseInnerSourceStore.create({ database });
      const store = await DatabaseProgramStore.create({ database });
      const aggregator = new ProgramAggregator({
        store,
        logger: mockServices.logger.mock(),
      });
      const entities = smallOrg();
      const results = await programResults(entities);

      // Two weeks earlier shop-web had no CONTRIBUTING file yet.
      await aggregator.record({
        results: results.map(r =>
          r.entity.entityRef === SHOP_WEB
            ? {
                ...r,
                contributions: {
                  ...r.contributions!,
                  hasContributingGuide: false,
                },
              }
            : r,
        ),
        entities,
        computedAt: new Date('2026-11-10T10:00:00Z'),
      });
      await aggregator.record({
        results,
        entities,
        computedAt: PROGRAM_COMPUTED_AT,
      });

      const catalog = permissionAwareCatalog({
        entities,
        hiddenFrom: { [OUTSIDER]: [SDK] },
      });
      const stream = catalog.streamEntities.getMockImplementation()!;
      catalog.streamEntities.mockImplementation((req, opts) => {
        const kind = (req?.filter as { kind?: string[] } | undefined)?.kind;
        catalogKinds.push(kind ?? []);
        return stream(req, opts);
      });
      const router = await createProgramRouter({
        httpAuth: mockServices.httpAuth(),
        // the outsider's and the stranger's read permission is conditional, NOBODY's denied,
        // everyone else's allowed
        permissions: permissionAwarePermissions({
          hiddenFrom: { [OUTSIDER]: [SDK], 'user:default/stranger': [] },
          deniedTo: [NOBODY],
        }),
        catalog,
        store,
        scmStore: {
          getOrganizations: async () => [
            {
              provider: 'github',
              host: 'github.com',
              organization: 'acme',
              checks: [
                {
                  id: 'org.fork-private',
                  title: 'Members may fork private and internal repositories',
                  status: 'fail',
                  severity: 'warning',
                  expected: 'allowed',
                  actual: 'not allowed',
                },
              ],
              stale: false,
            },
          ],
        },
        staleAfterDays: 180,
        now: () => PROGRAM_COMPUTED_AT,
      });
      app = express().use(router).use(mockErrorHandler());
    });

    async function summary(query = '', user?: string) {
      const call = request(app).get(`/program/summary${query}`);
      if (user) call.set('Authorization', mockCredentials.user.header(user));
      const response = await call;
      expect(response.status).toBe(200);
      return response.body as ProgramSummary;
    }

    it.each([
      '/program/summary',
      '/program/groups/default/team-ledger',
      '/program/scm-organizations',
    ])('rejects %s without credentials', async path => {
      const response = await request(app)
        .get(path)
        .set('Authorization', mockCredentials.none.header());
      expect(response.status).toBe(401);
    });

    it('GET /program/scm-organizations lists the organisation reports', async () => {
      const response = await request(app).get('/program/scm-organizations');
      expect(response.status).toBe(200);
      expect(response.body.organizations).toHaveLength(1);
      expect(response.body.organizations[0]).toMatchObject({
        organization: 'acme',
        checks: [{ id: 'org.fork-private', status: 'fail' }],
      });
    });

    describe('GET /program/summary', () => {
      it('sums up adoption, reuse, collaboration and risks over all projects', async () => {
        const body = await summary();
        expect(body.computedAt).toBe('2026-11-24T10:00:00.000Z');
        expect(body.window).toBe('365d');
        expect(body.staleAfterDays).toBe(180);
        expect(body.totals).toEqual({
          projects: 7,
          innerSourceProjects: 2,
          projectsWithHistory: 2,
          // ledger-sdk 3, ledger-api 2, the ledger system 3
          crossTeamDependencies: 8,
          outsideCommits: 11,
          commits: 26,
        });
        expect(body.levels).toEqual([
          { level: 'none', projects: 6, innerSourceProjects: 1 },
          { level: 'bronze', projects: 0, innerSourceProjects: 0 },
          { level: 'silver', projects: 0, innerSourceProjects: 0 },
          { level: 'gold', projects: 1, innerSourceProjects: 1 },
        ]);
        expect(
          body.topUsedProjects.map(p => [p.entityRef, p.usageCount]),
        ).toEqual([
          [SDK, 4],
          ['system:default/ledger', 4],
          ['api:default/ledger-api', 2],
        ]);
        expect(body.reuseMatrix).toEqual([
          {
            consumerBusinessUnitRef: 'group:default/payments',
            providerBusinessUnitRef: 'group:default/payments',
            dependencies: 2,
          },
          {
            consumerBusinessUnitRef: 'group:default/retail',
            providerBusinessUnitRef: 'group:default/payments',
            dependencies: 6,
          },
        ]);
        expect(body.businessUnits).toEqual([
          { entityRef: 'group:default/payments', title: 'payments' },
          { entityRef: 'group:default/retail', title: 'retail' },
        ]);
        expect(
          body.flows.map(f => [
            f.fromTeam.entityRef,
            f.toTeam.entityRef,
            f.commits,
          ]),
        ).toEqual([
          [SHOP_TEAM, LEDGER_TEAM, 5],
          [LEDGER_TEAM, SHOP_TEAM, 3],
          [MOBILE_TEAM, LEDGER_TEAM, 3],
        ]);
        expect(body.distanceHistogram).toEqual({ '0': 15, '4': 8, '5': 3 });
        expect(body.groups.map(g => g.entityRef)).toContain(LEDGER_TEAM);
      });

      it('keeps the weekly commits of the window, quiet weeks included', async () => {
        const { weeklyContributions } = await summary();
        // 2025-11-24 to 2026-11-23
        expect(weeklyContributions).toHaveLength(53);
        expect(weeklyContributions[0].weekStart).toBe('2025-11-24');
        expect(
          weeklyContributions.filter(w => w.outside + w.ownerTeam > 0),
        ).toEqual([
          { weekStart: '2026-03-02', ownerTeam: 2, outside: 1, unknown: 0 },
          { weekStart: '2026-11-16', ownerTeam: 1, outside: 0, unknown: 0 },
          { weekStart: '2026-11-23', ownerTeam: 1, outside: 2, unknown: 0 },
        ]);
        const month = await summary('?window=30d');
        expect(month.weeklyContributions.map(w => w.weekStart)).toEqual([
          '2026-10-26',
          '2026-11-02',
          '2026-11-09',
          '2026-11-16',
          '2026-11-23',
        ]);
      });

      it('shows the adoption trend from the stored history', async () => {
        const { adoption } = await summary();
        expect(
          adoption.map(p => [
            p.period,
            p.day,
            p.innerSourceProjects,
            p.projects,
          ]),
        ).toEqual([
          ['2026-11-09', '2026-11-10', 1, 7],
          ['2026-11-23', '2026-11-24', 2, 7],
        ]);
        expect(adoption[1].levels).toEqual({
          none: 6,
          bronze: 0,
          silver: 0,
          gold: 1,
        });
        expect(adoption[1].crossTeamDependencies).toBe(8);
        const monthly = await summary('?interval=month');
        expect(
          monthly.adoption.map(p => [p.period, p.innerSourceProjects]),
        ).toEqual([['2026-11-01', 2]]);
      });

      it('lists the risks and the rules failed most often', async () => {
        const body = await summary();
        expect(body.risks.absenceFactorOne.map(p => p.entityRef)).toEqual([
          SHOP_WEB,
        ]);
        expect(body.risks.stale).toEqual([
          expect.objectContaining({
            entityRef: SHOP_WEB,
            lastCommitAt: '2026-03-02T12:00:00.000Z',
            stale: true,
            isInnerSource: true,
          }),
        ]);
        expect(
          body.ruleFailures.map(r => [r.ruleId, r.failures, r.waived]),
        ).toEqual([
          ['metadata.description', 6, 0],
          ['metadata.innersource-tag', 6, 0],
          ['metadata.documentation', 5, 1],
          ['metadata.source-location', 5, 0],
          ['metadata.lifecycle', 1, 0],
          ['metadata.owner', 1, 0],
        ]);
        expect(body.ruleFailures[0]).toMatchObject({
          title: 'Has a meaningful description',
          severity: 'error',
        });
        expect(body.expiredExceptions).toEqual([
          {
            project: { entityRef: 'api:default/ledger-api' },
            ownerRef: LEDGER_TEAM,
            ruleId: 'metadata.description',
            ruleTitle: 'Has a meaningful description',
            severity: 'error',
            owner: LEDGER_TEAM,
            reason: 'Description follows with the v2 spec',
            expires: '2026-10-31',
          },
        ]);
        // in the last 30 days one person made half of ledger-sdk's commits
        const month = await summary('?window=30d');
        expect(month.risks.absenceFactorOne.map(p => p.entityRef)).toEqual([
          SDK,
        ]);
        expect(month.totals.outsideCommits).toBe(2);
      });

      it('narrows every figure to the projects of a group and its subgroups', async () => {
        const body = await summary('?group=group:default/retail');
        expect(body.group).toEqual({
          entityRef: 'group:default/retail',
          title: 'retail',
        });
        expect(body.totals).toMatchObject({
          projects: 2,
          innerSourceProjects: 1,
          outsideCommits: 3,
        });
        expect(body.topUsedProjects).toEqual([]);
        expect(body.reuseMatrix).toEqual([]);
        expect(body.distanceHistogram).toEqual({ '0': 3, '4': 3 });
        // flows into the group's projects and out of its teams
        expect(body.flows.map(f => [f.fromTeam.entityRef, f.commits])).toEqual([
          [SHOP_TEAM, 5],
          [LEDGER_TEAM, 3],
          [MOBILE_TEAM, 3],
        ]);
        expect(
          body.adoption.map(p => [p.day, p.projects, p.innerSourceProjects]),
        ).toEqual([
          ['2026-11-10', 2, 0],
          ['2026-11-24', 2, 1],
        ]);
        // 'retail' alone means the same group
        const short = await summary('?group=retail');
        expect(short.totals.projects).toBe(2);
      });

      it('does not count entities the caller may not read', async () => {
        const body = await summary('', OUTSIDER);
        expect(body.totals).toEqual({
          projects: 6,
          innerSourceProjects: 1,
          projectsWithHistory: 1,
          crossTeamDependencies: 5,
          outsideCommits: 3,
          commits: 6,
        });
        const refs = JSON.stringify(body);
        expect(refs).not.toContain(SDK);
        expect(body.reuseMatrix).toEqual([
          {
            consumerBusinessUnitRef: 'group:default/payments',
            providerBusinessUnitRef: 'group:default/payments',
            dependencies: 1,
          },
          {
            consumerBusinessUnitRef: 'group:default/retail',
            providerBusinessUnitRef: 'group:default/payments',
            dependencies: 4,
          },
        ]);
        expect(body.flows.map(f => f.commits)).toEqual([3]);
        expect(body.distanceHistogram).toEqual({ '0': 3, '4': 3 });
        expect(body.adoption.map(p => p.innerSourceProjects)).toEqual([0, 1]);
        expect(
          body.weeklyContributions
            .filter(w => w.outside > 0)
            .map(w => w.weekStart),
        ).toEqual(['2026-03-02']);
      });

      it.each([
        ['?window=7d', /'window' Invalid enum value/],
        ['?interval=day', /'interval' Invalid enum value/],
        ['?group=component:default/ledger-sdk', /'group' must be a Group ref/],
        ['?group=group:default/a/b', /'group' must be an entity ref/],
        ['?group=group:', /'group' must be an entity ref/],
        ['?bogus=1', /unknown parameter\(s\) 'bogus'/],
      ])('answers 400 for %s', async (query, message) => {
        const response = await request(app).get(`/program/summary${query}`);
        expect(response.status).toBe(400);
        expect(response.body.error.message).toMatch(message);
      });

      it('answers 404 for an unknown group', async () => {
        const response = await request(app).get(
          '/program/summary?group=group:default/nope',
        );
        expect(response.status).toBe(404);
        expect(response.body.error.message).toBe(
          'No group group:default/nope found',
        );
      });
    });

    describe('GET /program/groups/:namespace/:name', () => {
      async function group(name: string, query = '', user?: string) {
        const call = request(app).get(
          `/program/groups/default/${name}${query}`,
        );
        if (user) call.set('Authorization', mockCredentials.user.header(user));
        const response = await call;
        expect(response.status).toBe(200);
        return response.body as GroupProgramResponse;
      }

      it("lists the group's projects, including those of its members", async () => {
        const body = await group('team-ledger');
        expect(body.group).toEqual({
          entityRef: LEDGER_TEAM,
          title: 'team-ledger',
        });
        expect(body.projects.map(p => [p.entityRef, p.usageCount])).toEqual([
          [SDK, 4],
          ['system:default/ledger', 4],
          ['api:default/ledger-api', 2],
          // owned by Maria, who is in the team
          ['component:default/ledger-cli', 0],
        ]);
        expect(body.projects[0]).toMatchObject({
          isInnerSource: true,
          readinessLevel: 'gold',
          outsideCommits: 8,
          commits: 20,
          absenceFactor: 2,
          stale: false,
        });
        expect(body.contributionsToOthers).toEqual([
          {
            project: { entityRef: SHOP_WEB },
            ownerRef: SHOP_TEAM,
            ownerTitle: 'team-shop',
            fromTeam: { entityRef: LEDGER_TEAM, title: 'team-ledger' },
            commits: 3,
          },
        ]);
        expect(body.reusedProjects).toEqual([]);
      });

      it("lists the other teams' projects a group uses and contributes to", async () => {
        const body = await group('team-shop');
        expect(body.projects.map(p => p.entityRef)).toEqual([
          'component:default/shop-app',
          SHOP_WEB,
        ]);
        expect(
          body.contributionsToOthers.map(c => [
            c.project.entityRef,
            c.fromTeam.entityRef,
            c.commits,
          ]),
        ).toEqual([
          [SDK, SHOP_TEAM, 5],
          [SDK, MOBILE_TEAM, 3],
        ]);
        expect(
          body.reusedProjects.map(r => [
            r.project.entityRef,
            r.consumers.map(c => c.entityRef),
          ]),
        ).toEqual([
          ['api:default/ledger-api', ['component:default/shop-app', SHOP_WEB]],
          [SDK, ['component:default/shop-app', SHOP_WEB]],
          ['system:default/ledger', ['component:default/shop-app', SHOP_WEB]],
        ]);
      });

      it('leaves out projects the caller may not read', async () => {
        const body = await group('team-shop', '?window=all', OUTSIDER);
        expect(body.window).toBe('all');
        expect(body.contributionsToOthers).toEqual([]);
        expect(body.reusedProjects.map(r => r.project.entityRef)).toEqual([
          'api:default/ledger-api',
          'system:default/ledger',
        ]);
      });

      it('lists only the groups for a caller allowed to read everything, the rest for a conditional one', async () => {
        catalogKinds.length = 0;
        await summary('', 'user:default/reader');
        expect(catalogKinds).toEqual([['Group']]);
        await summary('', 'user:default/stranger');
        expect(catalogKinds[1]).toEqual(
          expect.arrayContaining(['Component', 'API', 'Group']),
        );
      });

      it('shows nothing to a caller the policy denies reading the catalog', async () => {
        const body = await summary('', NOBODY);
        expect(body.totals).toMatchObject({ projects: 0, commits: 0 });
        expect(body.topUsedProjects).toEqual([]);
        expect(body.groups).toEqual([]);
        const team = await request(app)
          .get('/program/groups/default/team-ledger')
          .set('Authorization', mockCredentials.user.header(NOBODY));
        expect(team.status).toBe(404);
      });

      it('answers 404 for an unknown group and 400 for bad input', async () => {
        const missing = await request(app).get('/program/groups/default/nope');
        expect(missing.status).toBe(404);
        const badName = await request(app).get(
          '/program/groups/default/bad%20name',
        );
        expect(badName.status).toBe(400);
        const badWindow = await request(app).get(
          '/program/groups/default/team-shop?window=week',
        );
        expect(badWindow.status).toBe(400);
        expect(badWindow.body.error.message).toMatch(/'window'/);
      });
    });
  },
);
