import { hasInnerSourceTag, summarizeLint } from './scores';
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

describe('hasInnerSourceTag', () => {
  it('accepts both spellings in any case', () => {
    expect(hasInnerSourceTag(['java', 'innersource'])).toBe(true);
    expect(hasInnerSourceTag(['Inner-Source'])).toBe(true);
    expect(hasInnerSourceTag(['inner_source', 'open-source'])).toBe(false);
    expect(hasInnerSourceTag(undefined)).toBe(false);
  });
});
