export interface Config {
  innersource?: {
    scm?: {
      /**
       * The GitHub provider. Hosts, API URLs, tokens and GitHub Apps come from
       * `integrations.github`.
       * @visibility backend
       */
      github?: {
        /**
         * Read repositories on GitHub hosts. Default true.
         * @visibility backend
         */
        enabled?: boolean;
        /**
         * Organisations whose settings (base permission, who may create and fork which
         * repositories) are checked against the InnerSource recommendations.
         * @visibility backend
         */
        organizations?: Array<{
          /**
           * Host of the organisation. Default `github.com`.
           * @visibility backend
           */
          host?: string;
          /**
           * The organisation's login, e.g. `acme`.
           * @visibility backend
           */
          name: string;
        }>;
        /**
         * Repositories per batched GraphQL query, 1 to 50. Default 10.
         * @visibility backend
         */
        batchSize?: number;
        /**
         * Timeout of one API call in seconds. Default 30.
         * @visibility backend
         */
        timeoutSeconds?: number;
        /**
         * The longest wait for a rate limit to reset, in minutes; a call that would wait longer
         * fails as rate-limited and its repository keeps its last figures. Default 15.
         * @visibility backend
         */
        maxWaitMinutes?: number;
      };
    };
  };
}
