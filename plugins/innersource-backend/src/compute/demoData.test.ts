import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { withCatalogRelations } from '../__testUtils__/catalogFixtures';
import { computeResults } from './computeResults';
import { metadataRules } from './metadataRules';

/**
 * The demo catalog in examples/ is what people see first in the portal; this checks that its
 * figures come out as designed when computed the way the backend does.
 */
describe('the demo catalog', () => {
  const examples = path.resolve(__dirname, '../../../../examples');
  const entities = withCatalogRelations(
    ['org.yaml', 'entities.yaml'].flatMap(file =>
      parseAllDocuments(fs.readFileSync(path.join(examples, file), 'utf8'))
        .map(doc => doc.toJSON() as Entity)
        .filter(Boolean),
    ),
  );

  it('has the usage designed for its shared projects', async () => {
    const results = await computeResults({
      entities,
      rules: metadataRules,
      computedAt: new Date(),
    });
    const usage = (name: string) => {
      const result = results.find(r => r.entity.name === name)!;
      return [result.usage.count, result.usage.businessUnitCount];
    };
    expect(results.length).toBeGreaterThanOrEqual(15);
    expect(usage('ledger-sdk')).toEqual([5, 3]);
    expect(usage('identity-api')).toEqual([8, 3]);
    expect(usage('design-system')).toEqual([4, 3]);

    const failing = (name: string) =>
      results
        .find(r => r.entity.name === name)!
        .lint.findings.filter(f => f.status === 'fail')
        .map(f => f.ruleId);
    expect(failing('ledger-sdk')).toEqual([]);
    expect(failing('legacy-reconciliation-job')).toContain('metadata.owner');
    expect(failing('search-api')).toContain('metadata.description');
    expect(failing('identity-db')).toContain('metadata.lifecycle');
  });
});
