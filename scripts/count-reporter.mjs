// A web-test-runner reporter that counts passed, failed and skipped tests across all files and writes
// the totals as JSON to WTR_COUNT_FILE, for the test command's closing line.
import { writeFileSync } from 'node:fs';

function walk(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) walk(child, totals);
}

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, files: sessions.length, brokenFiles: 0 };
      for (const session of sessions) {
        walk(session.testResults, totals);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          totals.failed++;
          totals.brokenFiles++;
        }
      }
      if (process.env.WTR_COUNT_FILE) writeFileSync(process.env.WTR_COUNT_FILE, JSON.stringify(totals));
    },
  };
}
