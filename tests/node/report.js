// The report shared by parley's Node.js checks (tests/browser/check.js,
// tests/outputs/check.js): one "ok"/"FAIL" line per check, then
// "N passed, M failed", the line the .test.sh scripts and CTest read.
// No dependencies, so each check's own node_modules serves.
'use strict';

let passed = 0;
let failed = 0;

// Records one check; `detail` says what was found when it fails.
function check(name, ok, detail) {
  if (ok) {
    passed++;
    console.log(`ok    ${name}`);
  } else {
    failed++;
    console.log(`FAIL  ${name}${detail ? ': ' + detail : ''}`);
  }
}

// Runs `fn`; an exception it throws fails the check `name`.
function attempt(name, fn) {
  try {
    fn();
  } catch (e) {
    check(name, false, e.message);
  }
}

// Prints the summary and exits: 0 when every check passed, 1 otherwise.
function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

// For a crash outside any check: reports it as one more failure and exits.
function crash(e) {
  check('the check itself', false, e.stack || String(e));
  finish();
}

module.exports = { check, attempt, finish, crash };
