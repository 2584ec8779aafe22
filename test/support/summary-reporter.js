// Ends the run with the plain "N passed, N failed" line that CI reads, after Jest's own summary.
// Tests titled "… (skipped: reason)" stand for tests that could not run here (a missing service,
// see needs-services.ts): they are listed one a line and counted as skipped, not as passed.
const SKIP_REPORT = /\(skipped: .+\)$/;

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const reports = [];
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === 'passed' && SKIP_REPORT.test(test.title)) {
          reports.push(`skipped: ${file.testFilePath.replace(`${process.cwd()}/`, '')} › ${test.fullName}`);
        }
      }
    }
    const passed = results.numPassedTests - reports.length;
    const skipped = results.numPendingTests + results.numTodoTests + reports.length;
    const line = `${passed} passed, ${results.numFailedTests} failed`;
    const list = reports.length > 0 ? `\n${reports.join('\n')}\n` : '';
    process.stdout.write(`${list}\n${skipped > 0 ? `${line}, ${skipped} skipped` : line}\n`);
  }
}

module.exports = SummaryReporter;
