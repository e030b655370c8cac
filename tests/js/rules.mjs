// Runs a form's rules from its schema alone, with json-logic-js.
//
// Usage: node rules.mjs SCHEMA.json REPORTS.json
// REPORTS.json holds a JSON array of filled forms; prints, for each, the rule instances that
// fail and those that cannot be assessed, as {"fail": [...], "not_assessable": [...]}, each
// entry "RULE-ID cell-pointer cell-pointer ...".
import { readFileSync } from "node:fs";
import jsonLogic from "json-logic-js";

const [schemaFile, reportsFile] = process.argv.slice(2);
const rules = JSON.parse(readFileSync(schemaFile, "utf8"))["x-baobiao-rules"];
const reports = JSON.parse(readFileSync(reportsFile, "utf8"));

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
