import { Entity } from '@backstage/catalog-model';
import {
  CatalogSnapshot,
  LintCheckResult,
  LintSettings,
  RepositoryFiles,
} from '@innersource-backstage/plugin-innersource-node';
import { CatalogIndex } from '../../compute/CatalogIndex';
import { entity } from '../../__testUtils__/catalogFixtures';
import { fileRules } from '..';

/** The entity that rules check in tests unless one is given. */
export const ledgerSdk = (): Entity =>
  entity(
    'Component',
    'ledger-sdk',
    { type: 'library', lifecycle: 'production', owner: 'team-ledger' },
    { description: 'Java and TypeScript SDK for posting to the ledger' },
  );

/** Runs one of the file rules by id, as lintEntity does. */
export async function checkRule(
  ruleId: string,
  files: RepositoryFiles | undefined,
  options: {
    entity?: Entity;
    catalog?: CatalogSnapshot;
    settings?: LintSettings;
  } = {},
): Promise<LintCheckResult> {
  const rule = fileRules.find(r => r.id === ruleId);
  if (!rule) throw new Error(`No rule ${ruleId}`);
  return rule.check({
    entity: options.entity ?? ledgerSdk(),
    catalog: options.catalog ?? new CatalogIndex([]),
    files,
    ...(options.settings ? { settings: options.settings } : {}),
  });
}
