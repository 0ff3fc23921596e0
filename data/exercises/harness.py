"""pyroad's exercise harness: runs one exercise's unittest suite against the learner's folder.

Usage: python3 harness.py WORK_DIR [MODULE...] < TESTS   (the exercise's unittest module on stdin)

MODULEs are packages the tests need beyond the standard library (an exercise's `requires:`); when
one cannot be imported, the harness says so ("PYROAD-MISSING name") and runs nothing.

The learner's own output is captured (and capped) so that the last line of stdout is always
pyroad's: "PYROAD-RESULT " followed by JSON describing the first failure, if any.
"""

import io
import json
import os
import sys
import traceback
import types
import unittest

OUTPUT_CAP = 4000
TESTS_NAME = "<exercise tests>"
MARKER = "PYROAD-RESULT "


class CappedWriter(io.TextIOBase):
    """Keeps the first OUTPUT_CAP characters written, counts the rest."""

    def __init__(self):
        self.kept = []
        self.size = 0

    def writable(self):
        return True

    def write(self, text):
        if self.size < OUTPUT_CAP:
            self.kept.append(text[: OUTPUT_CAP - self.size])
        self.size += len(text)
        return len(text)

    def text(self):
        return "".join(self.kept)


# assertEqual(got, expected): remembered so a failure can say "expected ... got ..." plainly.
_original_equal = unittest.TestCase.assertEqual


def _recording_equal(self, first, second, msg=None):
    # Kept on the test itself: tests that run the learner's own tests must not mix theirs in.
    self._pyroad_compare = {"got": _short(first), "expected": _short(second)}
    _original_equal(self, first, second, msg)
    self._pyroad_compare = None  # it passed: a later failure of another kind must not show these values


unittest.TestCase.assertEqual = _recording_equal


def _short(value, limit=300):
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _learner_location(tb, work_dir):
    """The deepest frame of the traceback that is in the learner's folder, as (file, line)."""
    where = None
    for frame in traceback.extract_tb(tb):
        if frame.filename == TESTS_NAME:
            continue
        path = os.path.abspath(frame.filename)
        if path.startswith(work_dir + os.sep):
            where = {"file": os.path.relpath(path, work_dir), "line": frame.lineno}
    return where


def _describe(test, err, work_dir, kind):
    exc_type, exc, tb = err
    message = str(exc).strip()
    failure = {
        "test": test.id().split(".")[-1],
        "checks": test.shortDescription() or "",
        "kind": kind,
        "error": exc_type.__name__,
        "message": message.splitlines()[0] if kind == "failure" and message else message,
    }
    compare = getattr(test, "_pyroad_compare", None)
    if kind == "failure" and compare:
        failure.update(compare)
    if kind == "error":
        where = _learner_location(tb, work_dir)
        if where:
            failure["where"] = where
    return failure


def main():
    work_dir = os.path.abspath(sys.argv[1])
    import importlib.util

    missing = [name for name in sys.argv[2:] if importlib.util.find_spec(name) is None]
    if missing:
        sys.stdout.write("\nPYROAD-MISSING " + " ".join(missing) + "\n")
        return
    tests = sys.stdin.read()
    sys.path.insert(0, work_dir)
    real_stdout = sys.stdout
    captured = CappedWriter()
    sys.stdout = captured
    sys.stderr = captured
    result = {"tests": 0, "failed": 0, "first": None}
    try:
        module = types.ModuleType("exercise_tests")
        try:
            exec(compile(tests, TESTS_NAME, "exec"), module.__dict__)
        except BaseException as exc:  # the learner's file failed to import: a syntax error, a missing name
            if isinstance(exc, KeyboardInterrupt):
                raise
            where = _learner_location(exc.__traceback__, work_dir)
            if isinstance(exc, SyntaxError) and exc.filename:
                path = os.path.abspath(exc.filename)
                if path.startswith(work_dir + os.sep):
                    where = {"file": os.path.relpath(path, work_dir), "line": exc.lineno}
            result["failed"] = 1
            result["first"] = {
                "test": "import",
                "checks": "your file can be imported",
                "kind": "error",
                "error": type(exc).__name__,
                "message": str(exc).strip(),
                **({"where": where} if where else {}),
            }
        else:
            suite = unittest.defaultTestLoader.loadTestsFromModule(module)
            outcome = unittest.TestResult()
            outcome.failfast = True
            suite.run(outcome)
            result["tests"] = outcome.testsRun
            result["failed"] = len(outcome.failures) + len(outcome.errors)
            # failfast stops at the first problem, so there is at most one.
            first = getattr(outcome, "_pyroad_first", None)
            if first:
                result["first"] = _describe(first[0], first[1], work_dir, first[2])
    finally:
        sys.stdout = real_stdout
        sys.stderr = sys.__stderr__
    result["output"] = captured.text()
    result["outputSize"] = captured.size
    real_stdout.write("\n" + MARKER + json.dumps(result) + "\n")
    real_stdout.flush()


# TestResult keeps only formatted tracebacks; keep the first exception itself (per result: an
# exercise's tests may run the learner's tests with a result of their own) for the learner's line.
_original_add_error = unittest.TestResult.addError
_original_add_failure = unittest.TestResult.addFailure


def _keep_error(self, test, err):
    if getattr(self, "_pyroad_first", None) is None:
        self._pyroad_first = (test, err, "error")
    _original_add_error(self, test, err)


def _keep_failure(self, test, err):
    if getattr(self, "_pyroad_first", None) is None:
        self._pyroad_first = (test, err, "failure")
    _original_add_failure(self, test, err)


unittest.TestResult.addError = _keep_error
unittest.TestResult.addFailure = _keep_failure

if __name__ == "__main__":
    # First of all: says that the interpreter runs this harness, whatever happens next.
    sys.stdout.write("PYROAD-HARNESS\n")
    sys.stdout.flush()
    if sys.version_info < (3, 9):
        sys.stdout.write("\nPYROAD-TOO-OLD %d.%d\n" % sys.version_info[:2])
    else:
        main()
