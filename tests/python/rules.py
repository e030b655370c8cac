"""Runs a form's rules from its schema alone, with a Python JSON Logic implementation.

Usage: python3 rules.py SCHEMA.json REPORTS.json [--periods]
REPORTS.json holds a JSON array of filled forms; prints, for each, the rule instances that fail
and those that cannot be assessed, as {"fail": [...], "not_assessable": [...]}, each entry
"RULE-ID cell-pointer cell-pointer ...". With --periods, REPORTS.json holds pairs
{"current": form, "previous": form} and the rules are x-baobiao-period-rules, each entry
"RULE-ID current-pointer previous-pointer".
"""
import json
import sys

from json_logic import jsonLogic


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    if sys.argv[3:] == ["--periods"]:
        # A period rule's pairs of cells are its instances.
        rules = [
            {"id": rule["id"], "logic": pair["logic"], "cells": [pair["current"], pair["previous"]]}
            for rule in schema["x-baobiao-period-rules"]
            for pair in rule["pairs"]
        ]
    else:
        rules = schema["x-baobiao-rules"]
    with open(sys.argv[2], encoding="utf-8") as f:
        reports = json.load(f)
    results = []
    for report in reports:
        outcome = {"fail": [], "not_assessable": []}
        for rule in rules:
            status = jsonLogic(rule["logic"], report)
            entry = " ".join([rule["id"], *rule["cells"]])
            if status in outcome:
                outcome[status].append(entry)
            elif status != "pass":
                raise SystemExit(f"{rule['id']}: unexpected result {status!r}")
        results.append(outcome)
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
