import { hasInnerSourceTag, readinessLevel, summarizeLint } from './scores';
import { LintFinding } from './types';

const finding = (
  severity: LintFinding['severity'],
  status: LintFinding['status'],
): LintFinding => ({
  ruleId: `${severity}-${status}`,
  title: 't',
  category: 'metadata',
  severity,
  status,
  message: 'm',
  remediation: 'r',
});

describe('summarizeLint', () => {
  it('weights each applicable rule by severity', () => {
    // possible = 3 + 2 + 1 = 6, earned = 3 (the error passed) -> 50
    const summary = summarizeLint([
      finding('error', 'pass'),
      finding('warning', 'fail'),
      finding('info', 'fail'),
      finding('error', 'not-applicable'),
    ]);
    expect(summary).toMatchObject({
      score: 50,
      passed: 1,
      failed: 2,
      errors: 0,
      warnings: 1,
    });
  });

  it('counts failed errors and rounds the score', () => {
    // possible = 3 + 3 + 1 = 7, earned = 4 -> 57.1 -> 57
    const summary = summarizeLint([
      finding('error', 'fail'),
      finding('error', 'pass'),
      finding('info', 'pass'),
    ]);
    expect(summary.score).toBe(57);
    expect(summary.errors).toBe(1);
  });

  it('scores 100 when no rule applies', () => {
    expect(summarizeLint([finding('error', 'not-applicable')]).score).toBe(100);
  });
});

describe('waivers and levels', () => {
  it('counts a failure with an active exception as met, and an expired one as failed', () => {
    const waived = (status: 'active' | 'expired'): LintFinding => ({
      ...finding('error', 'fail'),
      waiver: {
        status,
        owner: 'o',
        reason: 'r',
        expires: '2027-01-01',
        source: 'config',
      },
    });
    // possible 3 + 2, earned 3 (waived error) + 2 (passed warning) -> 100
    expect(
      summarizeLint([waived('active'), finding('warning', 'pass')]),
    ).toMatchObject({
      score: 100,
      failed: 0,
      errors: 0,
      waived: 1,
      level: 'gold',
    });
    expect(
      summarizeLint([waived('expired'), finding('warning', 'pass')]),
    ).toMatchObject({
      score: 40,
      failed: 1,
      errors: 1,
      waived: 0,
      level: 'none',
    });
  });

  it('reaches silver and gold only without failing errors', () => {
    expect(readinessLevel(95, 0)).toBe('gold');
    expect(readinessLevel(95, 1)).toBe('bronze');
    expect(readinessLevel(80, 0)).toBe('silver');
    expect(readinessLevel(50, 0)).toBe('bronze');
    expect(readinessLevel(49, 0)).toBe('none');
    expect(readinessLevel(70, 0, { bronze: 10, silver: 60, gold: 70 })).toBe(
      'gold',
    );
  });
});

describe('hasInnerSourceTag', () => {
  it('accepts both spellings in any case', () => {
    expect(hasInnerSourceTag(['java', 'innersource'])).toBe(true);
    expect(hasInnerSourceTag(['Inner-Source'])).toBe(true);
    expect(hasInnerSourceTag(['inner_source', 'open-source'])).toBe(false);
    expect(hasInnerSourceTag(undefined)).toBe(false);
  });
});
