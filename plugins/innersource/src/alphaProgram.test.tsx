import type { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  registerMswTestHooks,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  programSummary,
  scmOrganizations,
} from './__testUtils__/programFixtures';
import innersourcePlugin, {
  innerSourceGroupEntityContent,
  innerSourceProgramPage,
} from './alpha';
import { isInnerSourceGroupAvailable } from './plugin';

jest.setTimeout(30_000);

function entityOfKind(kind: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'example' },
  };
}

describe('the program view in the new frontend system', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('is a tab of the InnerSource page at /innersource/program', async () => {
    server.use(
      http.get('*/api/innersource/program/summary', () =>
        HttpResponse.json(programSummary),
      ),
      http.get('*/api/innersource/program/scm-organizations', () =>
        HttpResponse.json(scmOrganizations),
      ),
    );

    renderTestApp({
      features: [innersourcePlugin],
      initialRouteEntries: ['/innersource/program'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    // The page is loaded lazily, which takes more than the default second on a busy machine.
    expect(
      await screen.findByRole(
        'heading',
        { name: 'Adoption', level: 2 },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    const tabList = screen.getByRole('tablist');
    expect(
      within(tabList).getByRole('tab', { name: 'Projects' }),
    ).toHaveAttribute('href', '/innersource');
    expect(
      within(tabList).getByRole('tab', { name: 'Program' }),
    ).toHaveAttribute('aria-selected', 'true');
    // The plugin's API client also reads the SCM organisation settings.
    expect(
      await screen.findByRole('table', { name: 'Settings of acme' }),
    ).toBeInTheDocument();
  });

  it('attaches the program sub-page to the InnerSource page', () => {
    const tester = createExtensionTester(innerSourceProgramPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('program');
    expect(tester.get(coreExtensionData.title)).toBe('Program');
  });
});

describe('the InnerSource tab of groups', () => {
  it('applies to Groups only', () => {
    const tester = createExtensionTester(innerSourceGroupEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('/innersource');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'InnerSource',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(entityOfKind('Group'))).toBe(true);
    expect(filter?.(entityOfKind('Component'))).toBe(false);
    expect(filter?.(entityOfKind('User'))).toBe(false);
  });

  it('is available to classic apps for Groups only', () => {
    expect(isInnerSourceGroupAvailable(entityOfKind('Group'))).toBe(true);
    expect(isInnerSourceGroupAvailable(entityOfKind('group'))).toBe(true);
    expect(isInnerSourceGroupAvailable(entityOfKind('Component'))).toBe(false);
  });
});
