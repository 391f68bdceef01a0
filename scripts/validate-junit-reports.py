#!/usr/bin/python3
"""Check mountaudit JUnit XML reports: well-formed XML 1.0 and consistent counts.

Usage: validate-junit-reports.py REPORT...

A REPORT may be a golden file, whose last line ("exit status: N") is not XML and is
ignored. Each report is parsed with Python's expat-based parser, which refuses any
character XML 1.0 does not allow; then the root must be <testsuites> holding one
<testsuite>, every <testcase> needs a classname and a name, and the tests, failures,
errors and skipped counts of both elements must match the test cases. Prints one line per
problem and exits 1 if there is any.
"""
import sys
import xml.etree.ElementTree as ElementTree


def load_report(path):
    with open(path, "rb") as handle:
        data = handle.read()
    lines = data.rstrip(b"\n").split(b"\n")
    if lines and lines[-1].startswith(b"exit status:"):
        data = b"\n".join(lines[:-1]) + b"\n"
    return ElementTree.fromstring(data)


def problems_in(root):
    if root.tag != "testsuites":
        yield f"the root is <{root.tag}>, not <testsuites>"
        return
    suites = root.findall("testsuite")
    if len(suites) != 1:
        yield f"{len(suites)} <testsuite> elements, expected 1"
        return
    cases = suites[0].findall("testcase")
    counts = {
        "tests": len(cases),
        "failures": sum(1 for case in cases if case.find("failure") is not None),
        "errors": sum(1 for case in cases if case.find("error") is not None),
        "skipped": sum(1 for case in cases if case.find("skipped") is not None),
    }
    for element in (root, suites[0]):
        for name, expected in counts.items():
            if element.get(name) != str(expected):
                yield f"<{element.tag}> {name}={element.get(name)!r}, counted {expected}"
    for case in cases:
        if not case.get("classname") or not case.get("name"):
            yield "a <testcase> without classname or name"
        failure = case.find("failure")
        if failure is not None and not (failure.get("type") and failure.get("message")):
            yield f"a <failure> without type or message in {case.get('classname')}"


def main(arguments):
    if not arguments:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    failures = 0
    for path in arguments:
        try:
            root = load_report(path)
        except ElementTree.ParseError as error:
            failures += 1
            print(f"{path}: not well-formed XML: {error}")
            continue
        for problem in problems_in(root):
            failures += 1
            print(f"{path}: {problem}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
