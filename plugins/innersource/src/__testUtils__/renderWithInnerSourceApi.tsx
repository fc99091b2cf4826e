import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { InnerSourceClient } from '@innersource-backstage/plugin-innersource-common';
import { innerSourceApiRef } from '../api';

/**
 * Renders an element in a test app with the real InnerSource client pointed at
 * `http://example.com/api/innersource` (answer it with msw) and the catalog's entity route
 * mounted, so that entity links resolve.
 */
export function renderWithInnerSourceApi(
  element: JSX.Element,
  options: { initialRouteEntries?: string[] } = {},
) {
  const client = new InnerSourceClient({
    discoveryApi: mockApis.discovery(),
  });
  return renderInTestApp(element, {
    apis: [[innerSourceApiRef, client]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    initialRouteEntries: options.initialRouteEntries,
  });
}
