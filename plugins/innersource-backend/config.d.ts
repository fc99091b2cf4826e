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

    /** Readiness lint governance. */
    lint?: {
      /**
       * Lowest score (0-100) of each readiness level. Silver and gold also need no failing
       * error-severity rule. Default bronze 50, silver 75, gold 90.
       */
      levels?: { bronze?: number; silver?: number; gold?: number };
      /** How many maintainers (CODEOWNERS owners, resolved to people) a project should have. Default 2 to 15. */
      maintainers?: { min?: number; max?: number };
      /** The profile of entities no selection matches. Default `default`. */
      defaultProfile?: string;
      /**
       * Profiles by name. Built in: `default`, `contributions-welcome`, `shared-ownership`; a
       * profile of a built-in name extends it. Rules are keyed by id, e.g. `readme.sections`.
       */
      profiles?: {
        [name: string]: {
          description?: string;
          rules?: {
            [ruleId: string]: {
              enabled?: boolean;
              severity?: 'error' | 'warning' | 'info';
            };
          };
        };
      };
      /**
       * Chooses profiles by entity; the first match wins. The annotation
       * `innersource.io/lint-profile` on an entity takes precedence.
       */
      profileSelection?: Array<{
        profile: string;
        if?: {
          kinds?: string[];
          types?: string[];
          lifecycles?: string[];
          tags?: string[];
        };
      }>;
      /**
       * Exceptions to rules for single entities. Entities can also declare them in the
       * `innersource.io/lint-exceptions` annotation, as a JSON list of {rule, owner, reason, expires}.
       */
      exceptions?: Array<{
        /** Entity ref, e.g. `component:default/legacy-job`. */
        entity: string;
        rule: string;
        owner: string;
        reason: string;
        /** YYYY-MM-DD; the exception ends after that day. */
        expires: string;
      }>;
    };

    /**
     * Readiness badges (SVG) that owners can embed in their README. When enabled, served without
     * login at /api/innersource/badges/:kind/:namespace/:name.svg for entities with the
     * annotation `innersource.io/badge: 'true'`, and 404 for every other entity. Default off.
     */
    badges?: { enabled?: boolean };

    /** The discovery listing. */
    discovery?: {
      /** Projects without a commit for this many days are marked inactive and can be hidden. Default 180. */
      staleAfterDays?: number;
    };

    /** The program view of the InnerSource Program Office (`/innersource/program`). */
    program?: {
      /**
       * Projects without a commit for this many days are listed as stale. Default: the
       * `discovery.staleAfterDays` setting, else 180.
       */
      staleAfterDays?: number;
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

    /**
     * SCM platform signals (stars, issues, pull requests, visibility, branch protection) and the
     * Security-First / InnerSource-First policy checks. Reading a platform needs a provider
     * module (GitHub, GitLab); the sharing classification works without one.
     */
    scm?: {
      /** Labels of newcomer issues, compared case-insensitively. Default `['good first issue']`. */
      goodFirstIssueLabels?: string[];
      /** Labels of issues the owners want help with. Default `['help wanted']`. */
      helpWantedLabels?: string[];
      /** How many open good first issues are kept per project, with links (0-50). Default 5. */
      goodFirstIssueLimit?: number;
      /**
       * `spec.type` values of highly reusable entities, which the InnerSource-First check wants
       * visible company-wide (entities tagged `innersource` count too).
       * Default: library, sdk, template, tool, website.
       */
      reusableTypes?: string[];
      /** How widely each entity's code is meant to be shared. */
      sharing?: {
        /**
         * The classification of entities without the `innersource.io/sharing` annotation and no
         * matching rule. Default `internal`.
         */
        default?: 'public' | 'internal' | 'restricted' | 'closed';
        /**
         * Classifications by entity facts; the first rule whose listed fields all match wins.
         * The annotation overrides every rule.
         */
        rules?: Array<{
          level: 'public' | 'internal' | 'restricted' | 'closed';
          /** Entity kinds, case-insensitive. */
          kinds?: string[];
          /** `spec.type` values. */
          types?: string[];
          /** Any of these tags. */
          tags?: string[];
          /** `spec.system` names or refs. */
          systems?: string[];
        }>;
      };
    };
  };
}
