export interface Config {
  innersource?: {
    scm?: {
      /**
       * The GitLab provider. Hosts and tokens come from `integrations.gitlab` (a token with the
       * `read_api` scope); gitlab.com is always known.
       */
      gitlab?: {
        /** Register the provider. Default true. */
        enabled?: boolean;
        /**
         * Groups whose settings (visibility, who may create projects, forking outside the group)
         * are checked against the InnerSource working group's recommendations.
         */
        groups?: Array<{
          /** Host of an `integrations.gitlab` entry. Default `gitlab.com`. */
          host?: string;
          /** Full path of the group, e.g. `acme` or `acme/platform`. */
          path: string;
        }>;
        /** Per HTTP attempt. Default 30. */
        timeoutSeconds?: number;
        /** The longest wait for GitLab's rate limit to reset before giving up on a call. Default 15. */
        maxWaitMinutes?: number;
        /** Projects read in parallel. Default 4. */
        concurrency?: number;
        /**
         * Pages of 100 merge requests (and of 100 issues) read per project and refresh, newest
         * first. Default 20.
         */
        maxPages?: number;
      };
    };
  };
}
