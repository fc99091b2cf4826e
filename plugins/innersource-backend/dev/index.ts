import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

// Runs the InnerSource backend alone, with mocked auth and a small mock catalog.
//
//   curl http://localhost:7007/api/innersource/projects
//   curl http://localhost:7007/api/innersource/entities/component/default/sample
//   curl http://localhost:7007/api/innersource/projects -H 'Authorization: Bearer mock-none-token'   # 401

const backend = createBackend();

backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  catalogServiceMock.factory({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'sample',
          title: 'Sample Component',
          description: 'A sample component to try the InnerSource API with',
          tags: ['innersource'],
        },
        spec: { type: 'library', lifecycle: 'experimental', owner: 'guests' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'guests' },
        spec: { type: 'team', children: [] },
      },
    ],
  }),
);

backend.add(import('../src'));

backend.start();
