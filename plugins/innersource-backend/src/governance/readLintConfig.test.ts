import { ConfigReader } from '@backstage/config';
import { entity } from '../__testUtils__/catalogFixtures';
import { readLintConfig } from './readLintConfig';

describe('readLintConfig', () => {
  it('reads levels, maintainers, profiles, selection and exceptions', () => {
    const { policy, levels, settings } = readLintConfig(
      new ConfigReader({
        innersource: {
          lint: {
            levels: { bronze: 40, silver: 70, gold: 85 },
            maintainers: { min: 3, max: 8 },
            profiles: {
              strict: {
                description: 'All errors',
                rules: { 'readme.sections': { severity: 'error' } },
              },
            },
            profileSelection: [{ profile: 'strict', if: { kinds: ['API'] } }],
            exceptions: [
              {
                entity: 'legacy-job',
                rule: 'metadata.owner',
                owner: 'ispo',
                reason: 'Retiring',
                expires: '2027-03-31',
              },
            ],
          },
        },
      }),
    );
    expect(levels).toEqual({ bronze: 40, silver: 70, gold: 85 });
    expect(settings.maintainers).toEqual({ min: 3, max: 8 });
    const api = entity('API', 'a');
    expect(policy.profileFor(api).profile.name).toBe('strict');
    expect(
      policy.override(policy.profileFor(api).profile, 'readme.sections'),
    ).toEqual({
      severity: 'error',
    });
    const [finding] = policy.applyExceptions({
      entity: entity('Component', 'legacy-job'),
      findings: [
        {
          ruleId: 'metadata.owner',
          title: '',
          category: '',
          severity: 'error',
          status: 'fail',
          message: '',
          remediation: '',
        },
      ],
      annotationExceptions: [],
      today: '2026-11-24',
    });
    expect(finding.waiver?.status).toBe('active');
  });

  it('has defaults', () => {
    const { levels, settings } = readLintConfig(new ConfigReader({}));
    expect(levels).toEqual({ bronze: 50, silver: 75, gold: 90 });
    expect(settings.maintainers).toEqual({ min: 2, max: 15 });
  });

  it('names the key of an invalid value', () => {
    expect(() =>
      readLintConfig(
        new ConfigReader({
          innersource: {
            lint: { profiles: { p: { rules: { r: { severity: 'fatal' } } } } },
          },
        }),
      ),
    ).toThrow(
      "innersource.lint.profiles.p.rules['r'].severity is 'fatal', expected one of error, warning, info",
    );
    expect(() =>
      readLintConfig(
        new ConfigReader({
          innersource: {
            lint: {
              exceptions: [
                {
                  entity: 'x',
                  rule: 'r',
                  owner: 'o',
                  reason: 'r',
                  expires: '31/12/2026',
                },
              ],
            },
          },
        }),
      ),
    ).toThrow(
      "innersource.lint.exceptions[0].expires is '31/12/2026', expected a date as YYYY-MM-DD",
    );
    expect(() =>
      readLintConfig(
        new ConfigReader({
          innersource: { lint: { levels: { bronze: 90, silver: 50 } } },
        }),
      ),
    ).toThrow(/must rise from bronze to gold/);
  });
});
