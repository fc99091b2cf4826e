import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the InnerSource plugins. */
  innersource?: {
    /**
     * When the backend recomputes InnerSource metrics and readiness lint for all catalog
     * entities. Runs on one backend instance at a time.
     * Default: every 30 minutes, first run 30 seconds after start, 15 minute timeout.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
  };
}
