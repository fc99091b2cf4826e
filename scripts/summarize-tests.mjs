// Prints one line counting the tests that passed and failed across Jest and the end-to-end run,
// and exits non-zero when any test or check failed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [resultsDir, ...failedSteps] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

const jestFile = join(resultsDir, 'jest.json');
if (existsSync(jestFile)) {
  const jest = JSON.parse(readFileSync(jestFile, 'utf8'));
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + (jest.numRuntimeErrorTestSuites ?? 0);
  skipped += jest.numPendingTests + jest.numTodoTests;
}
// node:test's TAP report ends with '# pass N' and '# fail N'.
const tapFile = join(resultsDir, 'e2e.tap');
if (existsSync(tapFile)) {
  const tap = readFileSync(tapFile, 'utf8');
  passed += Number(/^# pass (\d+)$/m.exec(tap)?.[1] ?? 0);
  failed += Number(/^# fail (\d+)$/m.exec(tap)?.[1] ?? 0);
  skipped += Number(/^# skipped (\d+)$/m.exec(tap)?.[1] ?? 0);
}

if (failedSteps.length > 0) {
  console.log(`\nFailed checks: ${failedSteps.join(', ')}`);
}
console.log(
  `\nSummary: ${passed} passed, ${failed} failed, ${skipped} skipped`,
);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
