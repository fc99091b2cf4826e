import { InnerSourceLintRule } from '@innersource-backstage/plugin-innersource-node';

/**
 * Components and APIs should belong to a System, so that people find related parts together.
 *
 * @public
 */
export const systemMembershipRule: InnerSourceLintRule = {
  id: 'example.system-membership',
  title: 'Belongs to a system',
  category: 'discoverability',
  severity: 'info',
  appliesTo: { kinds: ['Component', 'API'] },
  remediation: 'Set `spec.system` to the System this entity is part of.',
  check: ({ entity }) => {
    const system = (entity.spec as { system?: unknown } | undefined)?.system;
    return typeof system === 'string' && system !== ''
      ? { status: 'pass', message: `Part of ${system}` }
      : {
          status: 'fail',
          message: 'Expected spec.system to name a System, found none',
        };
  },
};

/**
 * Libraries should keep a changelog, so that consumers in other teams can upgrade safely. Reads
 * the repository through the files API that the InnerSource plugin passes to rules.
 *
 * @public
 */
export const changelogRule: InnerSourceLintRule = {
  id: 'example.changelog',
  title: 'Keeps a changelog',
  category: 'documentation',
  severity: 'warning',
  appliesTo: { kinds: ['Component'], types: ['library', 'sdk'] },
  remediation:
    'Add a `CHANGELOG.md` that lists the changes of each release (see https://keepachangelog.com).',
  check: async ({ files }) => {
    if (!files)
      return { status: 'not-applicable', message: 'No readable git source' };
    const file = await files.find([
      /^changelog(\.[a-z]+)?$/i,
      /^history\.md$/i,
    ]);
    return file
      ? { status: 'pass', message: `Changelog at ${file.path}`, files: [file] }
      : { status: 'fail', message: 'Expected a CHANGELOG file, found none' };
  },
};
