"""Validates JSON documents against a baobiao schema with Python's `jsonschema` (draft 2020-12).

Usage: python3 validate.py SCHEMA.json DOCUMENTS.json
DOCUMENTS.json holds a JSON array of documents; prints a JSON array with, for each, the list of
error messages (empty when valid).
"""
import json
import sys

from jsonschema import Draft202012Validator


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        documents = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    results = [[e.message for e in validator.iter_errors(doc)] for doc in documents]
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
