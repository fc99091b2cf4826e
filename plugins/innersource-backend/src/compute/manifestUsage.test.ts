import { parseManifest } from '../manifests';
import { smallOrg } from '../__testUtils__/catalogFixtures';
import { CatalogIndex } from './CatalogIndex';
import { manifestConsumers } from './manifestUsage';
import { usageSummary } from './usage';

const manifest = (file: string, content: object | string) =>
  parseManifest(
    file,
    typeof content === 'string' ? content : JSON.stringify(content),
  )!;

describe('manifestConsumers', () => {
  const manifests = new Map([
    [
      'component:default/ledger-sdk',
      [
        manifest('package.json', {
          name: '@acme/ledger-sdk',
          dependencies: { lodash: '^4' },
        }),
      ],
    ],
    [
      'component:default/shop-app',
      [
        manifest('services/app/package.json', {
          name: '@acme/shop-app',
          dependencies: { '@acme/ledger-sdk': '^3' },
          devDependencies: { '@acme/ledger-sdk': '^3' },
        }),
      ],
    ],
    [
      'component:default/orphan-job',
      [
        manifest(
          'pom.xml',
          `<project><groupId>com.acme</groupId><artifactId>orphan</artifactId>
           <dependencyManagement><dependencies><dependency>
             <groupId>com.acme</groupId><artifactId>ledger</artifactId>
           </dependency></dependencies></dependencyManagement></project>`,
        ),
      ],
    ],
    [
      'component:default/shop-web',
      [
        manifest('requirements.txt', 'requests==2.0\n'),
        manifest('package.json', {
          name: 'shop-web',
          dependencies: { '@acme/ledger-sdk': '*' },
        }),
      ],
    ],
  ]);

  it('finds the entities whose manifests use a package another entity publishes', () => {
    expect(
      manifestConsumers(manifests).get('component:default/ledger-sdk'),
    ).toEqual([
      {
        consumerRef: 'component:default/shop-app',
        via: 'services/app/package.json',
      },
      { consumerRef: 'component:default/shop-web', via: 'package.json' },
    ]);
  });

  it('adds them to the usage count, labelled with the file, without counting twice', () => {
    const index = new CatalogIndex(smallOrg());
    const usage = usageSummary(
      index.getEntity('component:default/ledger-sdk')!,
      index,
      manifestConsumers(manifests),
    );
    // shop-web already depends on it in the catalog; shop-app was only known as an API consumer
    expect(usage.count).toBe(4);
    const shopApp = usage.consumers.find(
      c => c.entityRef === 'component:default/shop-app',
    );
    expect(shopApp?.relations).toEqual([
      { type: 'manifest', via: 'services/app/package.json' },
      { type: 'consumesApi', via: 'api:default/ledger-api' },
    ]);
  });
});
