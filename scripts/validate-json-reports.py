#!/usr/bin/python3
"""Validate mountaudit JSON reports against a schema in docs/ (audit, diff or SARIF).

Usage: validate-json-reports.py SCHEMA REPORT...

A REPORT may be a golden file, whose last line ("exit status: N") is not JSON and is
ignored. The schema's "$schema" picks the draft (2020-12 for mountaudit's own schemas,
draft-04 for SARIF 2.1.0's). Prints one line per invalid report and exits 1 if any is
invalid.
"""
import json
import sys

import jsonschema


def load_report(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    lines = text.rstrip("\n").split("\n")
    if lines and lines[-1].startswith("exit status:"):
        lines = lines[:-1]
    return json.loads("\n".join(lines))


def main(arguments):
    if len(arguments) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    with open(arguments[0], encoding="utf-8") as handle:
        schema = json.load(handle)
    validator_class = jsonschema.validators.validator_for(
        schema, default=jsonschema.Draft202012Validator)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    failures = 0
    for path in arguments[1:]:
        for error in validator.iter_errors(load_report(path)):
            failures += 1
            location = "/".join(str(part) for part in error.absolute_path)
            print(f"{path}: at '{location}': {error.message}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
