import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { EntityInnerSourceResult } from '@innersource-backstage/plugin-innersource-common';
import { CatalogIndex } from '../compute/CatalogIndex';
import { computeProgramFacts } from './programFacts';
import { ProgramStore } from './ProgramStore';

/** What a refresh hands to the program view once its results are stored. */
export interface ProgramRefreshOutcome {
  results: EntityInnerSourceResult[];
  /** The catalog snapshot the results were computed from, Groups and Users included. */
  entities: Entity[];
  computedAt: Date;
}

/** Receives the results of each successful refresh. */
export interface ProgramRecorder {
  record(outcome: ProgramRefreshOutcome): Promise<void>;
}

/**
 * Writes the facts of the program view after each successful refresh. A failure here is logged
 * and does not fail the refresh: the entity results are stored already, and the program view keeps
 * the facts of the previous refresh until the next one succeeds.
 */
export class ProgramAggregator implements ProgramRecorder {
  constructor(
    private readonly options: { store: ProgramStore; logger: LoggerService },
  ) {}

  async record(outcome: ProgramRefreshOutcome): Promise<void> {
    const { store, logger } = this.options;
    try {
      const facts = computeProgramFacts({
        results: outcome.results,
        catalog: new CatalogIndex(outcome.entities),
      });
      await store.replaceFacts(facts, outcome.computedAt);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error(
        `InnerSource program figures not updated, the previous ones are kept: ${message}`,
      );
    }
  }
}
