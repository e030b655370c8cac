// Runs a form's rules from its schema alone, with json-logic-js.
//
// Usage: node rules.mjs SCHEMA.json REPORTS.json [--periods]
// REPORTS.json holds a JSON array of filled forms; prints, for each, the rule instances that
// fail and those that cannot be assessed, as {"fail": [...], "not_assessable": [...]}, each
// entry "RULE-ID cell-pointer cell-pointer ...". With --periods, REPORTS.json holds pairs
// {"current": form, "previous": form} and the rules are x-baobiao-period-rules, each entry
// "RULE-ID current-pointer previous-pointer".
import { readFileSync } from "node:fs";
import jsonLogic from "json-logic-js";

const [schemaFile, reportsFile, mode] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaFile, "utf8"));
const reports = JSON.parse(readFileSync(reportsFile, "utf8"));
// A period rule's pairs of cells are its instances.
const rules =
  mode === "--periods"
    ? schema["x-baobiao-period-rules"].flatMap((rule) =>
        rule.pairs.map((pair) => ({ id: rule.id, logic: pair.logic, cells: [pair.current, pair.previous] })),
      )
    : schema["x-baobiao-rules"];

const results = reports.map((report) => {
  const outcome = { fail: [], not_assessable: [] };
  for (const rule of rules) {
    const status = jsonLogic.apply(rule.logic, report);
    const entry = [rule.id, ...rule.cells].join(" ");
    if (status === "fail") outcome.fail.push(entry);
    else if (status === "not_assessable") outcome.not_assessable.push(entry);
    else if (status !== "pass") throw new Error(`${rule.id}: unexpected result ${status}`);
  }
  return outcome;
});
process.stdout.write(JSON.stringify(results));
