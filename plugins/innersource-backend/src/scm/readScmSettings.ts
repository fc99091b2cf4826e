import { Config } from '@backstage/config';
import {
  DEFAULT_GOOD_FIRST_ISSUE_LABELS,
  DEFAULT_HELP_WANTED_LABELS,
} from '@innersource-backstage/plugin-innersource-node';
import { DEFAULT_REUSABLE_TYPES } from './policyRules';
import { ScmSettings } from './ScmSignalsCollector';
import { readSharingSettings, SharingSettings } from './sharing';

/** `innersource.scm`: labels, how many good first issues to keep, sharing and reusable types. */
export function readScmSettings(config: Config): ScmSettings & {
  sharing: SharingSettings;
  reusableTypes: string[];
} {
  const limit =
    config.getOptionalNumber('innersource.scm.goodFirstIssueLimit') ?? 5;
  if (!Number.isInteger(limit) || limit < 0 || limit > 50) {
    throw new Error(
      `Invalid innersource.scm.goodFirstIssueLimit ${limit}; expected a whole number from 0 to 50`,
    );
  }
  return {
    goodFirstIssueLabels:
      config.getOptionalStringArray('innersource.scm.goodFirstIssueLabels') ??
      DEFAULT_GOOD_FIRST_ISSUE_LABELS,
    helpWantedLabels:
      config.getOptionalStringArray('innersource.scm.helpWantedLabels') ??
      DEFAULT_HELP_WANTED_LABELS,
    goodFirstIssueLimit: limit,
    sharing: readSharingSettings(config),
    reusableTypes:
      config.getOptionalStringArray('innersource.scm.reusableTypes') ??
      DEFAULT_REUSABLE_TYPES,
  };
}
