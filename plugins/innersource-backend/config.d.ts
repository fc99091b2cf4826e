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

    /**
     * Reading the git history behind entities (their `backstage.io/source-location`, else the
     * location they were ingested from). Credentials come from the `integrations` config.
     */
    git?: {
      /** Set to false to turn contribution analytics off. Default true. */
      enabled?: boolean;
      /**
       * Where partial bare clones are kept between runs.
       * Default: `<backend.workingDirectory or the OS temp dir>/backstage-innersource-git`.
       */
      cacheDir?: string;
      /** Repositories read at the same time. Default 4. */
      concurrency?: number;
      /** Longest a single git command (clone, fetch, log) may take. Default 300. */
      timeoutSeconds?: number;
      /** A repository whose local copy grows beyond this is skipped with an error. Default 2048. */
      maxRepositorySizeMb?: number;
      /**
       * Rewrites clone URLs by prefix, e.g. to clone from a mirror:
       * `{ from: 'https://github.com/acme/', to: 'https://git-mirror.internal/acme/' }`.
       * The source location is parsed first (`.../acme/x/tree/main/sub` clones
       * `https://github.com/acme/x.git`), then the first matching rule applies.
       */
      urlRewrites?: Array<{ from: string; to: string }>;
    };

    /** How commit authors are matched to catalog users and teams. */
    contributions?: {
      /**
       * Whether members of subgroups of the owner group count as the owning team.
       * Default false: only the owner group's own members.
       */
      includeSubgroups?: boolean;
      /**
       * Regular expressions (case-insensitive) matched against author email and name; matching
       * commits are bots and left out. Replaces the default list (`[bot]` accounts, dependabot,
       * renovate, github-actions, ...).
       */
      botPatterns?: string[];
      /** Extra email addresses of catalog users (old addresses, personal addresses). */
      aliases?: Array<{
        /** The user's entity ref, e.g. `user:default/maria.gonzalez`. */
        user: string;
        emails: string[];
      }>;
    };
  };
}
