// Ends the run with the plain "N passed, N failed" line that CI reads, after Jest's own summary.
// A test that cannot run here (a missing service, see needs-services.ts) is skipped with its
// reason in its title, "(skipped: reason)"; those are listed one a line before the counts.
const REASON = /\(skipped: .+\)/;

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const reports = [];
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === 'pending' && REASON.test(test.fullName)) {
          reports.push(`skipped: ${file.testFilePath.replace(`${process.cwd()}/`, '')} › ${test.fullName}`);
        }
      }
    }
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed`;
    const list = reports.length > 0 ? `\n${reports.join('\n')}\n` : '';
    process.stdout.write(`${list}\n${skipped > 0 ? `${line}, ${skipped} skipped` : line}\n`);
  }
}

module.exports = SummaryReporter;
