// Validates JSON documents against a baobiao schema with ajv (draft 2020-12, strict mode).
//
// Usage: node validate.mjs SCHEMA.json DOCUMENTS.json
// DOCUMENTS.json holds a JSON array of documents; prints a JSON array with, for each, the list
// of error messages (empty when valid).
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";

const [schemaFile, documentsFile] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaFile, "utf8"));
const documents = JSON.parse(readFileSync(documentsFile, "utf8"));

// Strict mode stays on: the extension keywords are declared, as a user of the schema would.
const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
ajv.addVocabulary(["x-baobiao-rules", "x-baobiao-period-rules", "x-baobiao-reporter", "x-baobiao-period", "x-baobiao-layout", "x-baobiao-unit", "x-baobiao-aliases", "x-baobiao-order"]);
const validate = ajv.compile(schema);
const results = documents.map((doc) =>
  validate(doc) ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`),
);
process.stdout.write(JSON.stringify(results));
