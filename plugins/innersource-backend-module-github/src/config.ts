import { Config } from '@backstage/config';

/** An organisation whose settings the provider reports on. */
export interface GithubOrganizationConfig {
  /** Default `github.com`. */
  host: string;
  name: string;
}

/** `innersource.scm.github`, with defaults applied. */
export interface GithubProviderConfig {
  enabled: boolean;
  organizations: GithubOrganizationConfig[];
  batchSize: number;
  timeoutMs: number;
  maxWaitMs: number;
}

export const DEFAULT_BATCH_SIZE = 10;

function wholeNumber(
  config: Config | undefined,
  key: string,
  range: { min: number; max: number; fallback: number },
): number {
  const value = config?.getOptionalNumber(key) ?? range.fallback;
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new Error(
      `Invalid innersource.scm.github.${key} ${value}; expected a whole number from ${range.min} to ${range.max}`,
    );
  }
  return value;
}

/** Reads `innersource.scm.github`. */
export function readGithubProviderConfig(config: Config): GithubProviderConfig {
  const github = config.getOptionalConfig('innersource.scm.github');
  return {
    enabled: github?.getOptionalBoolean('enabled') ?? true,
    organizations: (github?.getOptionalConfigArray('organizations') ?? []).map(
      org => ({
        host: org.getOptionalString('host') ?? 'github.com',
        name: org.getString('name'),
      }),
    ),
    batchSize: wholeNumber(github, 'batchSize', {
      min: 1,
      max: 50,
      fallback: DEFAULT_BATCH_SIZE,
    }),
    timeoutMs:
      wholeNumber(github, 'timeoutSeconds', {
        min: 1,
        max: 600,
        fallback: 30,
      }) * 1000,
    maxWaitMs:
      wholeNumber(github, 'maxWaitMinutes', {
        min: 0,
        max: 120,
        fallback: 15,
      }) * 60_000,
  };
}
