//! Every declaration the derive accepts works end to end: a generator writes 60 different
//! forms (nesting up to three levels, every field kind, choices and check boxes, matrices with
//! column groups and groups of rows, repeated rows, label–value sections, mixes of both, forms
//! of one table, units in a column of their own, values at the root) with a filled report each, into a crate of their own, which builds and,
//! for every form, checks the report against the form's JSON Schema (the jsonschema crate),
//! renders it in all six formats and reads each back to the identical value through
//! `baobiao::read::report`. Their structs declare rules at random too — comparisons with every
//! operator, factors, `each`, `total`s, ranges, `decimals` and conditions on their yes/no and
//! choice fields — each exported, decided as its definition says (and by its exported JSON
//! Logic in baobiao's exact engine), and worded. Nothing may
//! panic. Repeated rows (`Vec` of a row type, none to three elements) stand among matrices'
//! rows, with rules over their sums.
//!
//! The generator is deterministic (its seed is the form's number); a failure names the form,
//! and the crate stays in `target/tmp/generated-forms` to be looked at.

use std::fmt::Write;
use std::path::Path;
use std::process::Command;

const FORMS: u64 = 60;

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// What a single value is.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Count,
    Signed,
    Amount,
    Flag,
    MaybeFlag,
    Choice,
    MaybeChoice,
    Choices,
    Date,
    MaybeDate,
    Text,
    MaybeText,
}

const KINDS: [Kind; 12] = [
    Kind::Count,
    Kind::Signed,
    Kind::Amount,
    Kind::Flag,
    Kind::MaybeFlag,
    Kind::Choice,
    Kind::MaybeChoice,
    Kind::Choices,
    Kind::Date,
    Kind::MaybeDate,
    Kind::Text,
    Kind::MaybeText,
];

const UNITS: [&str; 7] = ["条", "个", "次", "天", "%", "元", "万元"];
const WORDS: [&str; 12] = [
    "收入", "支出", "人数", "件数", "面积", "次数", "项目", "经费", "用户", "事项", "期数", "留言",
];

/// Writes the forms' source and the JSON of a report of each.
struct Writer {
    rng: Rng,
    form: u64,
    structs: usize,
    labels: usize,
    rules: usize,
    code: String,
}

impl Writer {
    fn label(&mut self) -> String {
        self.labels += 1;
        let word = WORDS[self.rng.below(WORDS.len() as u64) as usize];
        format!("{word}{}号", self.labels)
    }

    /// `, unit = ".."` in `percent` of cases, else nothing.
    fn unit(&mut self, percent: u64) -> String {
        if !self.rng.chance(percent) {
            return String::new();
        }
        let unit = UNITS[self.rng.below(UNITS.len() as u64) as usize];
        format!(", unit = \"{unit}\"")
    }

    fn rule_id(&mut self) -> String {
        self.rules += 1;
        format!("R{}-{}", self.form, self.rules)
    }

    /// A comparison operator.
    fn op(&mut self) -> &'static str {
        ["==", "!=", "<", "<=", ">", ">="][self.rng.below(6) as usize]
    }

    /// Maybe a factor for an operand: `2 * `, `0.5 * `, or nothing.
    fn factor(&mut self) -> &'static str {
        ["", "", "2 * ", "0.5 * ", "-3 * "][self.rng.below(5) as usize]
    }

    /// Maybe a rule's qualifiers: `decimals`, a condition on one of `flags`, `choices` or
    /// `numbers`.
    fn qualifiers(&mut self, flags: &[String], choices: &[String], numbers: &[String]) -> String {
        let mut out = String::new();
        if self.rng.chance(30) {
            out.push_str(", decimals = 2");
        }
        if !flags.is_empty() && self.rng.chance(40) {
            let flag = &flags[self.rng.below(flags.len() as u64) as usize];
            let not = if self.rng.chance(50) { "!" } else { "" };
            let _ = write!(out, ", when({not}{flag})");
        } else if !choices.is_empty() && self.rng.chance(40) {
            let choice = &choices[self.rng.below(choices.len() as u64) as usize];
            let _ = write!(out, ", when({choice} == Choice{}::Gamma)", self.form);
        } else if !numbers.is_empty() && self.rng.chance(20) {
            let number = &numbers[self.rng.below(numbers.len() as u64) as usize];
            let _ = write!(out, ", when({number} == 0)");
        }
        out
    }

    fn name(&mut self, what: &str) -> String {
        self.structs += 1;
        format!("F{}{what}{}", self.form, self.structs)
    }

    /// The type of a single value, and a JSON value of it.
    fn scalar(&mut self, kind: Kind) -> (String, String) {
        let blank = self.rng.chance(15);
        let choice = format!("Choice{}", self.form);
        match kind {
            Kind::Count => ("Count".into(), self.number(blank, false, false)),
            Kind::Signed => ("SignedCount".into(), self.number(blank, true, false)),
            Kind::Amount => ("Amount".into(), self.number(blank, false, true)),
            Kind::Flag => ("bool".into(), self.rng.chance(50).to_string()),
            Kind::MaybeFlag if blank => ("Option<bool>".into(), "null".into()),
            Kind::MaybeFlag => ("Option<bool>".into(), self.rng.chance(50).to_string()),
            Kind::Choice => (choice, format!("\"{}\"", self.option())),
            Kind::MaybeChoice if blank => (format!("Option<{choice}>"), "null".into()),
            Kind::MaybeChoice => (
                format!("Option<{choice}>"),
                format!("\"{}\"", self.option()),
            ),
            Kind::Choices => {
                let chosen: Vec<String> = ["alpha", "beta_two", "gamma"]
                    .iter()
                    .filter(|_| self.rng.chance(50))
                    .map(|o| format!("\"{o}\""))
                    .collect();
                (
                    format!("BTreeSet<{choice}>"),
                    format!("[{}]", chosen.join(",")),
                )
            }
            Kind::Date => ("Date".into(), self.date()),
            Kind::MaybeDate if blank => ("Option<Date>".into(), "null".into()),
            Kind::MaybeDate => ("Option<Date>".into(), self.date()),
            Kind::Text => ("String".into(), self.text()),
            Kind::MaybeText if blank => ("Option<String>".into(), "null".into()),
            Kind::MaybeText => ("Option<String>".into(), self.text()),
        }
    }

    fn option(&mut self) -> &'static str {
        ["alpha", "beta_two", "gamma"][self.rng.below(3) as usize]
    }

    fn number(&mut self, blank: bool, signed: bool, decimal: bool) -> String {
        if blank {
            return ["null", "\"/\"", "\"—\"", "\"无\""][self.rng.below(4) as usize].into();
        }
        let n = self.rng.below(100_000);
        let sign = if signed && self.rng.chance(30) {
            "-"
        } else {
            ""
        };
        if decimal {
            // Cents as published, trailing zeros kept.
            format!("{sign}{}.{:02}", n / 100, n % 100)
        } else {
            format!("{sign}{n}")
        }
    }

    fn date(&mut self) -> String {
        format!(
            "\"{:04}-{:02}-{:02}\"",
            2000 + self.rng.below(30),
            1 + self.rng.below(12),
            1 + self.rng.below(28)
        )
    }

    fn text(&mut self) -> String {
        let n = self.rng.below(1000);
        // Now and then on two lines.
        let line_break = if self.rng.chance(20) { "\\n" } else { "" };
        // And now and then with the characters tables and Markdown use.
        let marks = if self.rng.chance(15) {
            " | a\\\\b *c* "
        } else {
            ""
        };
        format!("\"第{n}段说明文字，{line_break}如实填写{marks}。\"")
    }

    /// A struct of single values and (down to `depth`) nested structs of them; returns its
    /// name and a report's JSON object.
    fn items(&mut self, depth: u32) -> (String, String) {
        let name = self.name("Items");
        let fields = 1 + self.rng.below(5);
        let mut decl = String::new();
        let mut json = Vec::new();
        let (mut numbers, mut flags, mut choices) = (Vec::new(), Vec::new(), Vec::new());
        for f in 0..fields {
            let label = self.label();
            let ident = format!("f{f}");
            let (ty, value) = if depth > 0 && self.rng.chance(25) {
                self.items(depth - 1)
            } else if self.rng.chance(10) {
                // A number the report may leave out: absent, blank or a value.
                let value = match self.rng.below(3) {
                    0 => String::new(),
                    _ => {
                        let blank = self.rng.chance(40);
                        self.number(blank, false, false)
                    }
                };
                ("Option<Count>".to_owned(), value)
            } else {
                // Numbers half the time, so that rules have operands.
                let kind = if self.rng.chance(50) {
                    KINDS[self.rng.below(3) as usize]
                } else {
                    KINDS[self.rng.below(KINDS.len() as u64) as usize]
                };
                self.scalar(kind)
            };
            match ty.as_str() {
                "Count" | "Amount" | "SignedCount" | "Option<Count>" => numbers.push(ident.clone()),
                "bool" | "Option<bool>" => flags.push(ident.clone()),
                t if t.starts_with("Choice") || t.starts_with("Option<Choice") => {
                    choices.push(ident.clone());
                }
                _ => {}
            }
            let numeric = matches!(ty.as_str(), "Count" | "Amount" | "SignedCount");
            let unit = if numeric {
                self.unit(40)
            } else {
                String::new()
            };
            let absent = if ty == "Option<Count>" {
                "    #[serde(default, skip_serializing_if = \"Option::is_none\", deserialize_with = \"baobiao::present\")]\n"
            } else {
                ""
            };
            let _ = writeln!(
                decl,
                "{absent}    #[form(label = \"{label}\"{unit})]\n    pub {ident}: {ty},"
            );
            // An empty value is a key left out.
            if !value.is_empty() {
                json.push(format!("\"{ident}\": {value}"));
            }
        }
        // Rules over its numbers: a comparison (factors, qualifiers), an `each`, a range.
        let mut rules = Vec::new();
        if numbers.len() >= 2 && self.rng.chance(60) {
            let (id, op, factor) = (self.rule_id(), self.op(), self.factor());
            let qualifiers = self.qualifiers(&flags, &choices, &numbers);
            rules.push(format!(
                "check({} {op} {factor}{}, id = \"{id}\"{qualifiers})",
                numbers[0], numbers[1]
            ));
        }
        if numbers.len() >= 3 && self.rng.chance(40) {
            let id = self.rule_id();
            let qualifiers = self.qualifiers(&flags, &choices, &numbers);
            rules.push(format!(
                "check(each({}, {}) <= {}, id = \"{id}\", severity = warning{qualifiers})",
                numbers[0], numbers[1], numbers[2]
            ));
        }
        if !numbers.is_empty() && self.rng.chance(30) {
            let id = self.rule_id();
            let qualifiers = self
                .qualifiers(&flags, &[], &numbers)
                .replace(", decimals = 2", "");
            rules.push(format!(
                "range(min = 0, max = 50000, id = \"{id}\"{qualifiers})"
            ));
        }
        let attrs = if rules.is_empty() {
            String::new()
        } else {
            format!("#[form({})]\n", rules.join(", "))
        };
        let _ = writeln!(
            self.code,
            "#[derive(Form, Serialize, Deserialize, Debug, PartialEq)]\n{attrs}pub struct {name} {{\n{decl}}}\n"
        );
        (name, format!("{{{}}}", json.join(", ")))
    }

    /// A columns struct (maybe with a labelled column group); its name, its columns, and
    /// whether it declares a rule (a `total`, if `rules` allows one).
    fn columns(&mut self, rules: bool) -> (String, Vec<(String, Kind)>, bool) {
        let name = self.name("Row");
        let count = 1 + self.rng.below(4);
        let mut decl = String::new();
        let mut cells = Vec::new();
        let total = rules && count >= 2 && self.rng.chance(40);
        for c in 0..count {
            let label = self.label();
            // Now and then a column of another kind (a name, a yes/no, a choice, a date); the
            // first is a number, so that a total has something to sum.
            if c > 0 && !(total && c == count - 1) && self.rng.chance(15) {
                let kind = KINDS[3 + self.rng.below(KINDS.len() as u64 - 3) as usize];
                let (ty, _) = self.scalar(kind);
                let _ = writeln!(
                    decl,
                    "    #[form(label = \"{label}\")]\n    pub c{c}: {ty},"
                );
                cells.push((format!("c{c}"), kind));
                continue;
            }
            let decimal = self.rng.chance(30);
            let ty = if decimal { "Amount" } else { "Count" };
            let mut unit = if decimal {
                ", unit = \"万元\"".to_owned()
            } else {
                String::new()
            };
            if total && c == count - 1 {
                let id = self.rule_id();
                let decimals = if decimal { ", decimals = 2" } else { "" };
                let _ = write!(unit, ", total(id = \"{id}\"{decimals})");
            }
            let _ = writeln!(
                decl,
                "    #[form(label = \"{label}\"{unit})]\n    pub c{c}: {ty},"
            );
            cells.push((
                format!("c{c}"),
                if decimal { Kind::Amount } else { Kind::Count },
            ));
        }
        let group = if self.rng.chance(30) {
            format!(", label = \"{}\"", self.label())
        } else {
            String::new()
        };
        let _ = writeln!(
            self.code,
            "#[derive(Form, Serialize, Deserialize, Debug, PartialEq)]\n#[form(columns{group})]\npub struct {name} {{\n{decl}}}\n"
        );
        (name, cells, total)
    }

    fn row_json(&mut self, cells: &[(String, Kind)]) -> String {
        let values: Vec<String> = cells
            .iter()
            .map(|(c, kind)| {
                let blank = self.rng.chance(10);
                let value = match kind {
                    Kind::Count | Kind::Amount => self.number(blank, false, *kind == Kind::Amount),
                    other => self.scalar(*other).1,
                };
                format!("\"{c}\": {value}")
            })
            .collect();
        format!("{{{}}}", values.join(", "))
    }

    /// A table of rows of one columns struct, maybe with a group of rows; name and JSON.
    fn matrix(&mut self) -> (String, String) {
        let (row, cells, row_rules) = self.columns(true);
        let name = self.name("Table");
        let rows = 1 + self.rng.below(4);
        let mut decl = String::new();
        let mut json = Vec::new();
        let mut plain_rows = Vec::new();
        let mut repeated = Vec::new();
        for r in 0..rows {
            let label = self.label();
            // Repeated rows (of a row type without rules of its own): none to three of them.
            if !row_rules && self.rng.chance(25) {
                let elements: Vec<String> = (0..self.rng.below(4))
                    .map(|_| self.row_json(&cells))
                    .collect();
                let _ = writeln!(
                    decl,
                    "    #[form(label = \"{label}\")]\n    pub v{r}: Vec<{row}>,"
                );
                json.push(format!("\"v{r}\": [{}]", elements.join(", ")));
                repeated.push(format!("v{r}"));
                continue;
            }
            if self.rng.chance(25) {
                // A group of rows under one label.
                let group = self.name("Group");
                let mut inner = String::new();
                let mut inner_json = Vec::new();
                for g in 0..2 {
                    let label = self.label();
                    let _ = writeln!(
                        inner,
                        "    #[form(label = \"{label}\")]\n    pub g{g}: {row},"
                    );
                    inner_json.push(format!("\"g{g}\": {}", self.row_json(&cells)));
                }
                let _ = writeln!(
                    self.code,
                    "#[derive(Form, Serialize, Deserialize, Debug, PartialEq)]\npub struct {group} {{\n{inner}}}\n"
                );
                let _ = writeln!(
                    decl,
                    "    #[form(label = \"{label}\")]\n    pub r{r}: {group},"
                );
                json.push(format!("\"r{r}\": {{{}}}", inner_json.join(", ")));
            } else {
                let _ = writeln!(
                    decl,
                    "    #[form(label = \"{label}\")]\n    pub r{r}: {row},"
                );
                json.push(format!("\"r{r}\": {}", self.row_json(&cells)));
                plain_rows.push(format!("r{r}"));
            }
        }
        // A rule over its rows, column by column; one over repeated rows' sums.
        let mut checks = Vec::new();
        if plain_rows.len() >= 2 && self.rng.chance(50) {
            let (id, op, factor) = (self.rule_id(), self.op(), self.factor());
            checks.push(format!(
                "check({} {op} {factor}{}, id = \"{id}\", severity = info)",
                plain_rows[0], plain_rows[1]
            ));
        }
        if let Some(rows) = repeated.first()
            && self.rng.chance(70)
        {
            let (id, op, factor) = (self.rule_id(), self.op(), self.factor());
            checks.push(match plain_rows.first() {
                Some(row) if self.rng.chance(50) => {
                    format!("check(sum({rows}[..]) {op} {factor}{row}, id = \"{id}\")")
                }
                _ => format!(
                    "check({factor}sum({rows}[..].c0) {op} 100000, id = \"{id}\", severity = warning)"
                ),
            });
        }
        let rule = if checks.is_empty() {
            String::new()
        } else {
            format!("#[form({})]\n", checks.join(", "))
        };
        let corner = if self.rng.chance(30) {
            format!("#[form(corner = \"{}\")]\n", self.label())
        } else {
            String::new()
        };
        let _ = writeln!(
            self.code,
            "#[derive(Form, Serialize, Deserialize, Debug, PartialEq)]\n{corner}{rule}pub struct {name} {{\n{decl}}}\n"
        );
        (name, format!("{{{}}}", json.join(", ")))
    }

    /// A section of both single values and a table.
    fn mixed(&mut self) -> (String, String) {
        let name = self.name("Mixed");
        let (items, items_json) = self.items(1);
        let (table, table_json) = self.matrix();
        let (a, b) = (self.label(), self.label());
        let _ = writeln!(
            self.code,
            "#[derive(Form, Serialize, Deserialize, Debug, PartialEq)]\npub struct {name} {{\n    #[form(label = \"{a}\")]\n    pub items: {items},\n    #[form(label = \"{b}\")]\n    pub table: {table},\n}}\n"
        );
        (
            name,
            format!("{{\"items\": {items_json}, \"table\": {table_json}}}"),
        )
    }

    /// Form number `form`: its declaration (appended to `code`), its type name and a report.
    fn form(&mut self) -> (String, String) {
        let name = format!("Form{}", self.form);
        let _ = writeln!(
            self.code,
            "#[derive(Choice, Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]\n#[serde(rename_all = \"snake_case\")]\npub enum Choice{} {{\n    #[form(label = \"甲类\")]\n    Alpha,\n    #[form(label = \"乙类\")]\n    BetaTwo,\n    #[form(label = \"丙类\")]\n    Gamma,\n}}\n",
            self.form
        );
        let one_table = self.rng.chance(30);
        let fields = 1 + self.rng.below(5);
        let mut decl = String::new();
        let mut json = Vec::new();
        if self.rng.chance(40) {
            let label = self.label();
            let _ = writeln!(
                decl,
                "    #[form(label = \"{label}\", meta)]\n    pub unit_name: String,"
            );
            // A `label：value` line holds one line of text (see the README).
            json.push(format!("\"unit_name\": {}", self.text().replace("\\n", "")));
        }
        for f in 0..fields {
            let label = self.label();
            let (ty, value) = match self.rng.below(6) {
                // Now and then a section with nothing in it.
                0 if self.rng.chance(10) => {
                    let name = self.name("Empty");
                    let _ = writeln!(
                        self.code,
                        "#[derive(Form, Serialize, Deserialize, Debug, PartialEq)]\npub struct {name} {{}}\n"
                    );
                    (name, "{}".to_owned())
                }
                0 => self.items(2),
                1 if self.rng.chance(25) => {
                    // Repeated rows as a part of the form: none to four elements.
                    let (row, cells, _) = self.columns(false);
                    let elements: Vec<String> = (0..self.rng.below(5))
                        .map(|_| self.row_json(&cells))
                        .collect();
                    (format!("Vec<{row}>"), format!("[{}]", elements.join(", ")))
                }
                1 => self.matrix(),
                2 => self.mixed(),
                3 if !one_table => ("String".into(), self.text()),
                _ => {
                    let kind = KINDS[self.rng.below(KINDS.len() as u64) as usize];
                    self.scalar(kind)
                }
            };
            // A section may declare the unit of all its numbers, drawn after its heading.
            let unit = if ty.starts_with('F') || ty.starts_with("Vec") {
                self.unit(25)
            } else {
                String::new()
            };
            let _ = writeln!(
                decl,
                "    #[form(label = \"{label}\"{unit})]\n    pub p{f}: {ty},"
            );
            json.push(format!("\"p{f}\": {value}"));
        }
        let mut table = if one_table { ", table" } else { "" }.to_owned();
        if self.rng.chance(25) {
            table.push_str(", unit_column");
        }
        let label = self.label();
        let _ = writeln!(
            self.code,
            "#[derive(Form, Serialize, Deserialize, Debug, PartialEq)]\n#[serde(deny_unknown_fields)]\n#[form(label = \"{label}\"{table})]\npub struct {name} {{\n{decl}}}\n"
        );
        (name, format!("{{{}}}", json.join(", ")))
    }
}

const MAIN: &str = r#"
/// Every object of `value` with, in turn, each of its fields left out, an unknown field added,
/// and each scalar replaced by a value of another type (and strings by one no choice has).
fn variants(value: &serde_json::Value) -> Vec<(String, serde_json::Value)> {
    let mut out = Vec::new();
    let mut pointers = Vec::new();
    fn walk(v: &serde_json::Value, at: String, out: &mut Vec<(String, bool)>) {
        match v {
            serde_json::Value::Object(map) => {
                out.push((at.clone(), true));
                for (k, child) in map {
                    walk(child, format!("{at}/{k}"), out);
                }
            }
            _ => out.push((at, false)),
        }
    }
    walk(value, String::new(), &mut pointers);
    for (at, object) in pointers {
        if object {
            let mut added = value.clone();
            added.pointer_mut(&at).unwrap().as_object_mut().unwrap().insert("unknown_field".into(), 1.into());
            out.push((format!("unknown field in {at:?}"), added));
            continue;
        }
        let (parent, key) = at.rsplit_once('/').unwrap();
        let mut removed = value.clone();
        removed.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key);
        out.push((format!("{at} left out"), removed));
        let current = value.pointer(&at).unwrap();
        let replacements: Vec<serde_json::Value> = match current {
            serde_json::Value::String(_) => vec![12.into(), "not-an-option".into(), true.into()],
            serde_json::Value::Number(_) => vec!["12".into(), true.into(), serde_json::json!([1])],
            serde_json::Value::Bool(_) => vec![1.into(), "是".into()],
            serde_json::Value::Null => vec![serde_json::json!({}), "x".into()],
            serde_json::Value::Array(_) => vec!["alpha".into(), serde_json::json!(["alpha", "alpha"]), serde_json::json!(["delta"])],
            serde_json::Value::Object(_) => vec![],
        };
        for replacement in replacements {
            let mut changed = value.clone();
            *changed.pointer_mut(&at).unwrap() = replacement.clone();
            out.push((format!("{at} = {replacement}"), changed));
        }
    }
    out
}

/// Checks one generated form: its report against its schema, then through every renderer and
/// back through the reader.
fn round_trip<F>(name: &str, json: &str) -> Result<(), String>
where
    F: Form + Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug + baobiao::schemars::JsonSchema,
{
    use baobiao::read::{Options, SourceKind};
    use baobiao::{render, Lang};
    let form: F = serde_json::from_str(json).map_err(|e| format!("{name}: the report: {e}"))?;
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    let schema = baobiao::schema::root::<F>();
    let validator = jsonschema::draft202012::new(&schema).map_err(|e| format!("{name}: schema: {e}"))?;
    if let Some(error) = validator.iter_errors(&value).next() {
        return Err(format!("{name}: the schema refuses the report: {error}"));
    }
    // The schema accepts exactly what serde accepts: on reports with a field left out, an
    // unknown field, a value of the wrong type, a choice that is not an option.
    for (what, changed) in variants(&value) {
        let by_serde = serde_json::from_value::<F>(changed.clone()).is_ok();
        let by_schema = validator.is_valid(&changed);
        if by_serde != by_schema {
            return Err(format!(
                "{name}: {what}: serde {} it, the schema {} it: {changed}",
                if by_serde { "takes" } else { "refuses" },
                if by_schema { "takes" } else { "refuses" },
            ));
        }
    }
    let report = form.check();
    // The rules: exported one per instance, every decision the table's own definition (a
    // condition's field is not a cell: those instances are decided by the check alone), the
    // findings in words and JSON.
    let info = F::info();
    let exported = baobiao::schema::logic::export(info);
    if exported.len() != info.instances.len() {
        return Err(format!("{name}: {} rules exported of {}", exported.len(), info.instances.len()));
    }
    for outcome in report.outcomes() {
        let instance = &info.instances[outcome.instance];
        if instance.when.is_none() && instance.decide(|c| report.cell(c)) != (outcome.status, outcome.blanks) {
            return Err(format!("{name}: {} decided otherwise by its definition", info.rules[instance.rule].id));
        }
    }
    // The exported JSON Logic, run by the exact engine over the report's JSON, decides each
    // instance as the check does (sums over repeated rows and conditions included).
    {
        use baobiao::schema::exported::{decide, Verdict};
        let document = baobiao::schema::exact::Exact::parse(json).map_err(|e| format!("{name}: {e:?}"))?;
        let decisions = decide(&schema, &document).map_err(|e| format!("{name}: exported rules: {e}"))?;
        for outcome in report.outcomes() {
            let expected = match outcome.status {
                baobiao::Status::Pass => Verdict::Pass,
                baobiao::Status::Fail { .. } => Verdict::Fail,
                baobiao::Status::NotAssessable(_) => Verdict::NotAssessable,
            };
            let decided = decisions.get(outcome.instance).map(|d| d.verdict);
            if decided != Some(expected) {
                let id = &info.rules[info.instances[outcome.instance].rule].id;
                return Err(format!("{name}: {id} exported decides {decided:?}, the check {expected:?}"));
            }
        }
    }
    let summary = report.summary();
    serde_json::to_string(&summary.json(Lang::En)).map_err(|e| e.to_string())?;
    for v in &summary.violations {
        let _ = (v.message(Lang::Zh), v.expected(Lang::Zh), v.actual(Lang::Zh), v.detail(Lang::Zh));
    }
    let document = render::document(&form, Some(&report), Lang::Zh);
    let files: Vec<(&str, Vec<u8>, SourceKind)> = vec![
        ("html", render::html::page(&document).into(), SourceKind::Html),
        ("text", render::text::document(&document, false).into(), SourceKind::Text),
        ("markdown", render::markdown::document(&document).into(), SourceKind::Text),
        ("csv", render::csv::document(&document).into(), SourceKind::Csv),
        ("xlsx", render::xlsx::document(&document).map_err(|e| e.to_string())?, SourceKind::Xlsx),
        ("docx", render::docx::document(&document).map_err(|e| e.to_string())?, SourceKind::Docx),
    ];
    let written = serde_json::to_string(&form).unwrap();
    for (format, bytes, kind) in files {
        let options = Options { kind: Some(kind), ..Options::default() };
        let read = baobiao::read::report::<F>(bytes, &options)
            .map_err(|e| format!("{name} in {format}: {e}"))?;
        if !read.diagnostics.is_empty() {
            let said: Vec<String> = read.diagnostics.iter().map(|d| d.describe(Lang::En)).collect();
            return Err(format!("{name} in {format}: {said:?}"));
        }
        let back = serde_json::to_string(&read.form).unwrap();
        if back != written {
            return Err(format!("{name} in {format}: read back\n  {back}\nwritten\n  {written}"));
        }
    }
    Ok(())
}
"#;

#[test]
fn sixty_generated_forms_render_and_read_back_identically_in_every_format() {
    let mut code = String::from(
        "#![allow(dead_code)]\nuse std::collections::BTreeSet;\nuse baobiao::{Amount, Choice, Count, Date, Form, SignedCount};\nuse serde::{Deserialize, Serialize};\n",
    );
    code.push_str(MAIN);
    let mut calls = String::new();
    for form in 0..FORMS {
        let mut writer = Writer {
            rng: Rng::new(form + 1),
            form,
            structs: 0,
            labels: 0,
            rules: 0,
            code: String::new(),
        };
        let (name, json) = writer.form();
        code.push_str(&writer.code);
        let json = json.replace('\\', "\\\\").replace('"', "\\\"");
        let _ = writeln!(
            calls,
            "    if let Err(e) = round_trip::<{name}>(\"{name}\", \"{json}\") {{ failures.push(e); }}"
        );
    }
    let _ = write!(
        code,
        "\nfn main() {{\n    let mut failures = Vec::new();\n{calls}    for f in &failures {{ println!(\"{{f}}\"); }}\n    println!(\"{{}} of {FORMS} forms round-trip\", {FORMS} - failures.len());\n    std::process::exit(i32::from(!failures.is_empty()));\n}}\n"
    );

    let root = env!("CARGO_MANIFEST_DIR");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("generated-forms");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"generated-forms\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\nbaobiao = {{ path = {root:?} }}\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\njsonschema = {{ version = \"0.61\", default-features = false }}\n\n[workspace]\n"
        ),
    )
    .unwrap();
    std::fs::copy(Path::new(root).join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    std::fs::write(dir.join("src/main.rs"), code).unwrap();
    let out = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .env(
            "CARGO_TARGET_DIR",
            // Shared with tests/own_cli.rs: baobiao is built once for both outside crates.
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("outside-crates"),
        )
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        stderr.chars().take(20_000).collect::<String>()
    );
    assert!(
        stdout.contains(&format!("{FORMS} of {FORMS} forms round-trip")),
        "{stdout}"
    );
}
