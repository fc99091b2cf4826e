import {
  ScmOrganizationCheck,
  ScmOrganizationSettings,
} from '@innersource-backstage/plugin-innersource-common';

function checkStatus(
  passed: boolean | undefined,
): ScmOrganizationCheck['status'] {
  if (passed === undefined) return 'unknown';
  return passed ? 'pass' : 'fail';
}

const yesNo = (value: boolean) => (value ? 'allowed' : 'not allowed');

function booleanCheck(options: {
  id: string;
  title: string;
  value: boolean | undefined;
  expected: boolean;
  severity: ScmOrganizationCheck['severity'];
}): ScmOrganizationCheck {
  const { id, title, value, expected, severity } = options;
  return {
    id,
    title,
    severity,
    expected: yesNo(expected),
    actual: value === undefined ? 'not readable' : yesNo(value),
    status: checkStatus(value === undefined ? undefined : value === expected),
  };
}

/**
 * Organisation settings measured against the InnerSource Commons recommendations for GitHub
 * (book "Managing InnerSource Projects", GitHub configuration): base permission read (or none
 * with opt-in), members may create private and internal repositories, and forking of private
 * and internal repositories enabled. Settings the platform does not expose are left out, those
 * the credentials could not read are `unknown`.
 */
export function organizationChecks(
  settings: ScmOrganizationSettings,
): ScmOrganizationCheck[] {
  const checks: ScmOrganizationCheck[] = [];
  if (
    settings.provider === 'github' ||
    settings.defaultRepositoryPermission !== undefined
  ) {
    const permission = settings.defaultRepositoryPermission;
    checks.push({
      id: 'org.base-permission',
      title: 'Members can read every repository by default',
      severity: 'warning',
      expected: 'read (or none, with repositories opting in through teams)',
      actual: permission ?? 'not readable',
      status: checkStatus(
        permission === undefined
          ? undefined
          : permission === 'read' || permission === 'none',
      ),
    });
  }
  if (
    settings.provider === 'github' ||
    settings.membersCanCreateInternalRepositories !== undefined
  ) {
    checks.push(
      booleanCheck({
        id: 'org.create-internal',
        title: 'Members may create internal repositories',
        value: settings.membersCanCreateInternalRepositories,
        expected: true,
        severity: 'info',
      }),
    );
  }
  if (
    settings.provider === 'github' ||
    settings.membersCanCreatePrivateRepositories !== undefined
  ) {
    checks.push(
      booleanCheck({
        id: 'org.create-private',
        title: 'Members may create private repositories',
        value: settings.membersCanCreatePrivateRepositories,
        expected: true,
        severity: 'info',
      }),
    );
  }
  checks.push(
    booleanCheck({
      id: 'org.fork-private',
      title: 'Members may fork private and internal repositories',
      value: settings.membersCanForkPrivateRepositories,
      expected: true,
      severity: 'warning',
    }),
  );
  if (settings.visibility !== undefined) {
    checks.push({
      id: 'org.visibility',
      title: 'The group is visible inside the company',
      severity: 'info',
      expected: 'internal or public',
      actual: settings.visibility,
      status: settings.visibility === 'private' ? 'fail' : 'pass',
    });
  }
  return checks;
}
