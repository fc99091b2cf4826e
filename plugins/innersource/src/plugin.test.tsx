import type { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  registerMswTestHooks,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { InnerSourceClient } from '@innersource-backstage/plugin-innersource-common';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import {
  paymentsEntity,
  paymentsResponse,
  projectsResponse,
} from './__testUtils__/fixtures';
import alphaPlugin, {
  innerSourceEntityContent,
  innerSourcePage,
} from './alpha';
import { innerSourceApiRef } from './api';
import {
  EntityInnerSourceContent,
  InnerSourcePage,
  innersourcePlugin,
  isInnerSourceAvailable,
} from './plugin';
import { rootRouteRef } from './routes';

function entityOfKind(kind: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'example' },
  };
}

describe('isInnerSourceAvailable', () => {
  it.each(['Component', 'API', 'Resource', 'System', 'component'])(
    'is true for %s',
    kind => {
      expect(isInnerSourceAvailable(entityOfKind(kind))).toBe(true);
    },
  );

  it.each(['Group', 'User', 'Domain', 'Location', 'Template'])(
    'is false for %s',
    kind => {
      expect(isInnerSourceAvailable(entityOfKind(kind))).toBe(false);
    },
  );
});

describe('classic plugin', () => {
  it('provides the API client and the root route', () => {
    expect(innersourcePlugin.getId()).toBe('innersource');
    expect(innersourcePlugin.routes.root).toBe(rootRouteRef);
    const factories = Array.from(innersourcePlugin.getApis());
    expect(factories.map(factory => factory.api.id)).toEqual([
      innerSourceApiRef.id,
    ]);
    expect(
      factories[0].factory({
        discoveryApi: mockApis.discovery(),
        fetchApi: mockApis.fetch(),
      }),
    ).toBeInstanceOf(InnerSourceClient);
  });
});

describe('classic extensions', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new InnerSourceClient({
    discoveryApi: mockApis.discovery(),
  });
  const mountedRoutes = {
    '/catalog/:namespace/:kind/:name': entityRouteRef,
  };

  it('renders the discovery page', async () => {
    server.use(
      http.get('*/api/innersource/projects', () =>
        HttpResponse.json(projectsResponse),
      ),
    );

    await renderInTestApp(
      <TestApiProvider apis={[[innerSourceApiRef, client]]}>
        <Routes>
          <Route path="/innersource" element={<InnerSourcePage />} />
        </Routes>
      </TestApiProvider>,
      { routeEntries: ['/innersource'], mountedRoutes },
    );

    expect(await screen.findByText('30 projects')).toBeInTheDocument();
    expect(screen.getByText('Payments Service')).toBeInTheDocument();
  });

  it('renders the entity tab', async () => {
    server.use(
      http.get('*/api/innersource/entities/:kind/:namespace/:name', () =>
        HttpResponse.json(paymentsResponse),
      ),
    );

    await renderInTestApp(
      <TestApiProvider apis={[[innerSourceApiRef, client]]}>
        <EntityProvider entity={paymentsEntity}>
          <EntityInnerSourceContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes },
    );

    expect(
      await screen.findByText('Who uses this project?'),
    ).toBeInTheDocument();
    expect(screen.getByText('Checkout Web')).toBeInTheDocument();
  });
});

describe('new frontend system plugin', () => {
  it('is a frontend plugin with the same id as the backend', () => {
    expect(alphaPlugin.$$type).toBe('@backstage/FrontendPlugin');
    expect(alphaPlugin.id).toBe('innersource');
    expect(alphaPlugin.routes.root).toBe(rootRouteRef);
  });

  it('mounts the discovery page at /innersource with a title for the nav', () => {
    const tester = createExtensionTester(innerSourcePage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/innersource');
    expect(tester.get(coreExtensionData.title)).toBe('InnerSource');
    expect(tester.get(coreExtensionData.routeRef)).toBe(rootRouteRef);
  });

  it('adds the entity tab to the kinds with InnerSource figures only', () => {
    const tester = createExtensionTester(innerSourceEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('/innersource');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'InnerSource',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(entityOfKind('Component'))).toBe(true);
    expect(filter?.(entityOfKind('API'))).toBe(true);
    expect(filter?.(entityOfKind('System'))).toBe(true);
    expect(filter?.(entityOfKind('Group'))).toBe(false);
  });
});
