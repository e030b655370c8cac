//! Other tools, from the generated schema alone: ajv (JavaScript) and `jsonschema` (Python)
//! validate reports; json-logic-js runs the exported rules and must decide like the Rust check;
//! a JavaScript program draws table 3 from the exported layout.
//!
//! Needs node with `tests/js/node_modules` (`npm ci --prefix tests/js`) and python3 with
//! `tests/python/requirements.txt` installed; `.ci/run` installs both. Elsewhere the tests say
//! what is missing and skip, except under CI (`CI` set), where a missing tool fails them.

mod common;

#[allow(dead_code)]
#[path = "../examples/province_variant.rs"]
mod province_variant;

use std::path::{Path, PathBuf};
use std::process::Command;

use baobiao::Form;
use baobiao::forms::annual_report_2021::AnnualReport;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema_file(name: &str) -> PathBuf {
    root().join("schemas").join(name)
}

/// Whether `tool` can run here; without it, skip (or fail under CI).
fn available(tool: &str) -> bool {
    let ok = match tool {
        "node" => {
            root().join("tests/js/node_modules/json-logic-js").exists()
                && root().join("tests/js/node_modules/ajv").exists()
                && Command::new("node")
                    .arg("--version")
                    .output()
                    .is_ok_and(|o| o.status.success())
        }
        _ => Command::new("python3")
            .args(["-c", "import jsonschema, json_logic"])
            .output()
            .is_ok_and(|o| o.status.success()),
    };
    if !ok {
        let how = match tool {
            "node" => "node with `npm ci --prefix tests/js`",
            _ => "python3 with `pip install -r tests/python/requirements.txt`",
        };
        assert!(
            std::env::var_os("CI").is_none(),
            "{how} is needed and missing under CI"
        );
        eprintln!("skipping: this test needs {how}");
    }
    ok
}

fn temp_json(name: &str, value: &serde_json::Value) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("other-tools");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec(value).unwrap()).unwrap();
    path
}

/// Runs `program args…` and parses its standard output as JSON.
fn run_json(program: &str, args: &[&Path]) -> serde_json::Value {
    let out = Command::new(program).args(args).output().expect("run tool");
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("tool prints JSON")
}

fn with(pointer: &str, value: serde_json::Value) -> serde_json::Value {
    let mut json = common::bundled_json();
    *json.pointer_mut(pointer).unwrap() = value;
    json
}

/// Documents with whether the schema must accept them.
fn validation_cases() -> Vec<(&'static str, serde_json::Value, bool)> {
    let mut missing_table = common::bundled_json();
    missing_table
        .as_object_mut()
        .unwrap()
        .remove("reviews_and_lawsuits");
    let mut unknown_field = common::bundled_json();
    unknown_field["applications"]["outcomes"]["subtotal"] = serde_json::json!({});
    vec![
        ("the bundled report", common::bundled_json(), true),
        (
            "a not-applicable mark",
            with("/applications/new_received/total", "—".into()),
            true,
        ),
        (
            "a negative count",
            with("/applications/new_received/natural_persons", (-3).into()),
            false,
        ),
        (
            "a string in a count",
            with("/applications/carried_over/total", "abc".into()),
            false,
        ),
        ("a missing table", missing_table, false),
        ("an unknown field", unknown_field, false),
    ]
}

#[test]
fn ajv_and_python_jsonschema_accept_and_reject_what_baobiao_does() {
    let cases = validation_cases();
    let documents: Vec<serde_json::Value> = cases.iter().map(|(_, d, _)| d.clone()).collect();
    let docs = temp_json("documents.json", &serde_json::Value::from(documents));
    let schema = schema_file("annual-report-2021.schema.json");
    let mut tools: Vec<(&str, serde_json::Value)> = Vec::new();
    if available("node") {
        let script = root().join("tests/js/validate.mjs");
        tools.push(("ajv", run_json("node", &[&script, &schema, &docs])));
    }
    if available("python") {
        let script = root().join("tests/python/validate.py");
        tools.push((
            "python jsonschema",
            run_json("python3", &[&script, &schema, &docs]),
        ));
    }
    for (tool, results) in tools {
        for ((what, document, valid), errors) in cases.iter().zip(results.as_array().unwrap()) {
            let accepted = errors.as_array().unwrap().is_empty();
            assert_eq!(accepted, *valid, "{tool} on {what}: {errors}");
            let parsed = serde_json::from_value::<AnnualReport>(document.clone()).is_ok();
            assert_eq!(parsed, *valid, "baobiao on {what}");
        }
    }
}

#[test]
fn the_example_form_validates_in_other_tools_too() {
    let path = root().join("examples/reports/province-variant.json");
    let sample: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let docs = temp_json("province.json", &serde_json::json!([sample]));
    let schema = schema_file("province-variant.schema.json");
    if available("node") {
        let results = run_json(
            "node",
            &[&root().join("tests/js/validate.mjs"), &schema, &docs],
        );
        assert_eq!(results, serde_json::json!([[]]));
    }
    if available("python") {
        let results = run_json(
            "python3",
            &[&root().join("tests/python/validate.py"), &schema, &docs],
        );
        assert_eq!(results, serde_json::json!([[]]));
    }
}

/// A small deterministic generator (xorshift), so a failure names a reproducible report.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn numbers(&mut self, count: usize, below: u64) -> Vec<u64> {
        (0..count).map(|_| self.below(below)).collect()
    }
}

/// 1,200 reports: consistent ones, and ones with one or several cells changed, blanked or
/// marked not applicable, and a negative fee.
fn generated_reports() -> Vec<serde_json::Value> {
    let mut rng = Rng(0x05ee_dba0_b1a0);
    let info = AnnualReport::info();
    (0..1200)
        .map(|i| {
            let cells = common::consistent_cells(
                &rng.numbers(21 * 6, 200),
                &rng.numbers(6, 50),
                &rng.numbers(6, 101),
                &rng.numbers(12, 30),
                &rng.numbers(9, 1_000_000),
                rng.below(10_000_000),
            );
            let mut json = common::report_json(&cells);
            let edits = match i % 4 {
                0 => 0,
                1 => 1,
                _ => 2 + rng.below(5) as usize,
            };
            for _ in 0..edits {
                let pointer = &info.cells[rng.below(info.cells.len() as u64) as usize].pointer;
                let cell = json.pointer_mut(pointer).unwrap();
                *cell = match rng.below(6) {
                    0 => serde_json::Value::Null,
                    1 => "/".into(),
                    2 => (cell.as_u64().unwrap_or(0) + 1 + rng.below(20)).into(),
                    _ => cell
                        .as_u64()
                        .map_or(1, |v| v.saturating_sub(1 + rng.below(3)))
                        .into(),
                };
            }
            if i % 50 == 7 {
                *json
                    .pointer_mut("/active_disclosure/article_20_8/administrative_fees/amount")
                    .unwrap() = serde_json::from_str("-12.5").unwrap();
            }
            json
        })
        .collect()
}

/// What the Rust check decides, in the shape rules.mjs prints.
fn rust_outcome(report: &serde_json::Value) -> serde_json::Value {
    decisions::<AnnualReport>(report)
}

/// What the Rust check decides on a filled form `F`, in the shape rules.mjs prints.
fn decisions<F: Form + serde::de::DeserializeOwned>(
    report: &serde_json::Value,
) -> serde_json::Value {
    let form: F = serde_json::from_value(report.clone()).unwrap();
    let checked = form.check();
    let summary = checked.summary();
    let entry = |rule: &str, cells: &[baobiao::CellRef]| {
        std::iter::once(rule.to_owned())
            .chain(cells.iter().map(|c| c.pointer.to_owned()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut fail: Vec<String> = summary
        .violations
        .iter()
        .map(|v| entry(v.id(), &v.cells))
        .collect();
    let mut na: Vec<String> = summary
        .not_assessable
        .iter()
        .map(|n| entry(&n.rule.id, &n.cells))
        .collect();
    fail.sort();
    na.sort();
    serde_json::json!({ "fail": fail, "not_assessable": na })
}

/// baobiao's own exact JSON Logic engine (`baobiao::schema::exported`, what `check --schema`
/// runs) over `reports`, in the shape rules.mjs prints.
fn exact_engine(schema: &serde_json::Value, reports: &[serde_json::Value]) -> serde_json::Value {
    use baobiao::schema::exported::{Verdict, decide};
    let outcomes: Vec<serde_json::Value> = reports
        .iter()
        .map(|report| {
            let document = baobiao::schema::exact::Exact::parse(&report.to_string()).unwrap();
            let decisions = decide(schema, &document).unwrap();
            let entries = |verdict: Verdict| -> Vec<String> {
                decisions
                    .iter()
                    .filter(|d| d.verdict == verdict)
                    .map(|d| {
                        std::iter::once(d.id)
                            .chain(d.cells.iter().copied())
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect()
            };
            serde_json::json!({
                "fail": entries(Verdict::Fail),
                "not_assessable": entries(Verdict::NotAssessable),
            })
        })
        .collect();
    serde_json::Value::from(outcomes)
}

/// Runs `schema`'s rules over `reports` in baobiao's exact engine, json-logic-js and Python
/// json_logic, and asserts each decides every report as the Rust check (`ours`) does.
fn engines_agree(
    schema: &Path,
    reports: &[serde_json::Value],
    ours: &[serde_json::Value],
    name: &str,
) {
    let exported: serde_json::Value =
        serde_json::from_slice(&std::fs::read(schema).unwrap()).unwrap();
    let mut engines = vec![("the exact engine", exact_engine(&exported, reports))];
    let file = temp_json(
        &format!("{name}-reports.json"),
        &serde_json::Value::from(reports.to_vec()),
    );
    for (engine, program, tool, script) in [
        ("json-logic-js", "node", "node", "tests/js/rules.mjs"),
        (
            "Python json_logic",
            "python3",
            "python",
            "tests/python/rules.py",
        ),
    ] {
        if available(tool) {
            engines.push((
                engine,
                run_json(program, &[&root().join(script), schema, &file]),
            ));
        }
    }
    for (engine, theirs) in engines {
        for ((report, ours), theirs) in reports.iter().zip(ours).zip(theirs.as_array().unwrap()) {
            assert_eq!(ours, &sorted(theirs), "{engine} disagrees on {report}");
        }
    }
}

/// An engine's outcome with its lists in order, as the Rust side's are.
fn sorted(outcome: &serde_json::Value) -> serde_json::Value {
    let mut outcome = outcome.clone();
    for key in ["fail", "not_assessable"] {
        outcome[key]
            .as_array_mut()
            .unwrap()
            .sort_by(|a, b| a.as_str().cmp(&b.as_str()));
    }
    outcome
}

/// Compares another engine's decisions with the Rust check's, report by report.
fn assert_same_decisions(engine: &str, reports: &[serde_json::Value], theirs: &serde_json::Value) {
    let theirs = theirs.as_array().unwrap();
    assert_eq!(theirs.len(), reports.len());
    let mut failing = 0;
    let mut not_assessable = 0;
    for (report, theirs) in reports.iter().zip(theirs) {
        let theirs = sorted(theirs);
        let rust = rust_outcome(report);
        assert_eq!(
            rust, theirs,
            "{engine} and the Rust check disagree on this report:\n{report}"
        );
        failing += usize::from(!rust["fail"].as_array().unwrap().is_empty());
        not_assessable += usize::from(!rust["not_assessable"].as_array().unwrap().is_empty());
    }
    // The generated set exercises every outcome.
    assert!(
        failing > 600 && failing < 1200,
        "{failing} of 1200 reports fail"
    );
    assert!(
        not_assessable > 50,
        "{not_assessable} of 1200 reports have an unassessable rule"
    );
}

#[test]
fn json_logic_js_runs_the_rules_from_the_schema_like_the_rust_check() {
    if !available("node") {
        return;
    }
    let reports = generated_reports();
    let file = temp_json("reports-js.json", &serde_json::Value::from(reports.clone()));
    let schema = schema_file("annual-report-2021.schema.json");
    let js = run_json(
        "node",
        &[&root().join("tests/js/rules.mjs"), &schema, &file],
    );
    assert_same_decisions("json-logic-js", &reports, &js);
}

#[test]
fn the_exact_engine_runs_the_rules_from_the_schema_like_the_rust_check() {
    let reports = generated_reports();
    let schema: serde_json::Value = serde_json::from_slice(
        &std::fs::read(schema_file("annual-report-2021.schema.json")).unwrap(),
    )
    .unwrap();
    assert_same_decisions(
        "baobiao's exact engine",
        &reports,
        &exact_engine(&schema, &reports),
    );
}

#[test]
fn python_json_logic_runs_the_rules_from_the_schema_like_the_rust_check() {
    if !available("python") {
        return;
    }
    let reports = generated_reports();
    let file = temp_json("reports-py.json", &serde_json::Value::from(reports.clone()));
    let schema = schema_file("annual-report-2021.schema.json");
    let py = run_json(
        "python3",
        &[&root().join("tests/python/rules.py"), &schema, &file],
    );
    assert_same_decisions("Python json_logic", &reports, &py);
}

#[test]
fn javascript_draws_table_3_with_the_official_spans_from_the_layout() {
    if !available("node") {
        return;
    }
    let out = Command::new("node")
        .arg("--test")
        .arg(root().join("tests/js/layout.test.mjs"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// 经费支出, published in 万元 to two places, with rules that allow that rounding; no item
/// above 80% of the total (a constant factor).
#[derive(baobiao::Form, serde::Serialize, serde::Deserialize)]
#[form(
    check(staff + goods + projects == total, id = "SPEND-SUM", decimals = 2),
    check(each(staff, goods, projects) <= total, id = "SPEND-PART", decimals = 2),
    check(each(staff, goods, projects) <= 0.8 * total, id = "SPEND-SHARE", decimals = 2)
)]
struct Spending {
    #[form(label = "人员经费", unit = "万元")]
    staff: baobiao::Amount,
    #[form(label = "公用经费", unit = "万元")]
    goods: baobiao::Amount,
    #[form(label = "项目经费", unit = "万元")]
    projects: baobiao::Amount,
    #[form(label = "合计", unit = "万元")]
    total: baobiao::Amount,
}

/// 600 spending reports: 400 with true amounts in thousandths of 万元, each published rounded
/// to two places (so sums miss their totals by rounding alone), a quarter with a real error of
/// at least 0.05 planted, some cells blank; 200 whose totals are off by exactly 0 to 3 cents,
/// on the rounding's edge, where floating point would fall either side.
fn rounded_reports() -> Vec<serde_json::Value> {
    let mut rng = Rng(0x0dec_1a1d);
    // The shortest decimal of hundredths / 100 is its published text (0.3 for 0.30).
    let rounded = |thousandths: u64| serde_json::json!(((thousandths + 5) / 10) as f64 / 100.0);

    (0..400)
        .map(|i| {
            let parts = rng.numbers(3, 500_000);
            let total: u64 = parts.iter().sum();
            let mut cells: Vec<serde_json::Value> = parts
                .iter()
                .chain(std::iter::once(&total))
                .map(|&v| rounded(v))
                .collect();
            if i % 4 == 1 {
                let error = 50 * (1 + rng.below(40)) * 10;
                let at = rng.below(4) as usize;
                let v = if at == 3 {
                    total + error
                } else {
                    parts[at] + error
                };
                cells[at] = rounded(v);
            }
            if i % 10 == 3 {
                cells[rng.below(4) as usize] = serde_json::Value::Null;
            }
            serde_json::json!({
                "staff": cells[0], "goods": cells[1], "projects": cells[2], "total": cells[3]
            })
        })
        .chain((0..200).map(|i| {
            // Totals off by exactly 0 to 3 cents, on and around the rounding's edge, with
            // values whose binary fractions are inexact (0.29, 0.3).
            let cents = |n: u64| serde_json::json!(n as f64 / 100.0);
            let parts = [29 + (i % 7) * 10, 30 + (i % 5), 1 + (i % 3)];
            let sum: u64 = parts.iter().sum();
            let off = i % 4;
            let total = if i % 8 < 4 { sum + off } else { sum - off };
            serde_json::json!({
                "staff": cents(parts[0]), "goods": cents(parts[1]),
                "projects": cents(parts[2]), "total": cents(total)
            })
        }))
        .collect()
}

#[test]
fn rules_that_allow_rounding_or_multiply_decide_alike_in_json_logic() {
    let reports = rounded_reports();
    let schema = temp_json("spending.schema.json", &baobiao::schema::root::<Spending>());
    let ours: Vec<serde_json::Value> = reports.iter().map(decisions::<Spending>).collect();
    let failing = ours
        .iter()
        .filter(|r| r["fail"] != serde_json::json!([]))
        .count();
    assert!((150..=300).contains(&failing), "{failing} of 600 fail");
    engines_agree(&schema, &reports, &ours, "spending");
}

/// The website form's rules, W-MEDIA's and W-AVG-NONE's conditions among them: its example
/// and planted-error reports, with 是否有移动新媒体 是, 否 or blank and its figures filled, 0 or
/// blank; with 收到留言数量 0, some, blank or `/` and 平均办理时间 filled, 0 or blank.
#[test]
fn the_website_forms_rules_and_its_condition_decide_alike_in_json_logic() {
    use baobiao::forms::website::WebsiteReport;
    let mut reports = Vec::new();
    for name in ["website-example.json", "website-planted-errors.json"] {
        let base: serde_json::Value = serde_json::from_slice(
            &std::fs::read(root().join("examples/reports").join(name)).unwrap(),
        )
        .unwrap();
        for has in [
            serde_json::json!(true),
            serde_json::json!(false),
            serde_json::Value::Null,
        ] {
            for figure in [
                serde_json::json!(12),
                serde_json::json!(0),
                serde_json::Value::Null,
            ] {
                let mut report = base.clone();
                report["new_media"]["has_new_media"] = has.clone();
                report["new_media"]["weibo"]["followers"] = figure.clone();
                report["new_media"]["wechat"]["posts"] = serde_json::Value::Null;
                reports.push(report);
            }
        }
        // W-AVG-NONE reads a number: 收到留言数量 0, some, blank or not applicable.
        for received in [
            serde_json::json!(0),
            serde_json::json!(12),
            serde_json::Value::Null,
            serde_json::json!("/"),
        ] {
            for days in [
                serde_json::json!(4.5),
                serde_json::json!(0),
                serde_json::Value::Null,
            ] {
                let mut report = base.clone();
                report["interaction"]["messages"]["received"] = received.clone();
                report["interaction"]["messages"]["average_days"] = days.clone();
                reports.push(report);
            }
        }
    }
    let ours: Vec<serde_json::Value> = reports.iter().map(decisions::<WebsiteReport>).collect();
    let media_failures = ours
        .iter()
        .filter(|o| o["fail"].to_string().contains("W-MEDIA"))
        .count();
    // 否 while 微博's posts stay filled: every such variant of both reports.
    assert_eq!(media_failures, 6);
    let average = |o: &serde_json::Value, key: &str| o[key].to_string().contains("W-AVG-NONE");
    // 0 messages with 4.5 days, in both reports; blank or `/` messages cannot tell.
    assert_eq!(ours.iter().filter(|o| average(o, "fail")).count(), 2);
    assert_eq!(
        ours.iter().filter(|o| average(o, "not_assessable")).count(),
        12
    );
    engines_agree(
        &schema_file("website.schema.json"),
        &reports,
        &ours,
        "website",
    );
}

/// Sums over repeated rows (`reduce` over the rows, a column blank only when every row is:
/// `all`, false over none): 300 reports of 0 to 5 rows of numbers, blanks and `/` decide alike
/// in the three engines and the Rust check.
#[test]
fn sums_over_repeated_rows_decide_alike_in_json_logic() {
    use common::media::{MediaReport, random_reports};
    let reports = random_reports(300, 11);
    let ours: Vec<serde_json::Value> = reports.iter().map(decisions::<MediaReport>).collect();
    let failing = ours
        .iter()
        .filter(|o| o["fail"] != serde_json::json!([]))
        .count();
    let unknown = ours
        .iter()
        .filter(|o| o["not_assessable"] != serde_json::json!([]))
        .count();
    assert!(failing > 30 && unknown > 30, "{failing} {unknown}");
    let schema = temp_json("media.schema.json", &baobiao::schema::root::<MediaReport>());
    engines_agree(&schema, &reports, &ours, "media");
}

/// Pairs of reports, this year's and last year's: some carried over as carried forward, some
/// with a column changed, blanked or marked not applicable on either side.
fn generated_pairs() -> Vec<serde_json::Value> {
    let mut rng = Rng(0x0ca2_2e0f);
    let last = generated_reports();
    let columns = [
        "natural_persons",
        "organisations/business",
        "organisations/research",
        "organisations/public_interest",
        "organisations/legal_services",
        "organisations/other",
        "total",
    ];
    (0..200)
        .map(|i| {
            let previous = last[i].clone();
            let mut current = last[(i + 1) % last.len()].clone();
            for column in columns {
                let carried = previous
                    .pointer(&format!("/applications/carried_forward/{column}"))
                    .cloned()
                    .unwrap();
                let cell = current
                    .pointer_mut(&format!("/applications/carried_over/{column}"))
                    .unwrap();
                *cell = match rng.below(8) {
                    0 => serde_json::Value::Null,
                    1 => "/".into(),
                    2 => (carried.as_u64().unwrap_or(0) + 1).into(),
                    _ => carried,
                };
            }
            serde_json::json!({ "current": current, "previous": previous })
        })
        .collect()
}

/// What the Rust rule decides over each pair, in the shape rules.mjs prints.
fn rust_period_outcomes(pairs: &[serde_json::Value]) -> Vec<serde_json::Value> {
    let info = AnnualReport::info();
    pairs
        .iter()
        .map(|pair| {
            let slot = |report: &serde_json::Value, cell: usize| {
                let value = report.pointer(&info.cells[cell].pointer).unwrap();
                serde_json::from_value::<baobiao::Count>(value.clone())
                    .map_or(baobiao::Slot::Blank, |c| c.slot())
            };
            let mut outcome = serde_json::json!({ "fail": [], "not_assessable": [] });
            for rule in &info.period_rules {
                let decided = rule.decide(
                    |c| slot(&pair["current"], c),
                    |c| slot(&pair["previous"], c),
                );
                for (cells, status) in decided {
                    let entry = format!(
                        "{} {} {}",
                        rule.id,
                        info.cells[cells.current].pointer,
                        info.cells[cells.previous].pointer
                    );
                    let key = match status {
                        baobiao::PairStatus::Pass => continue,
                        baobiao::PairStatus::Fail => "fail",
                        baobiao::PairStatus::NotAssessable => "not_assessable",
                    };
                    outcome[key].as_array_mut().unwrap().push(entry.into());
                }
            }
            sorted(&outcome)
        })
        .collect()
}

/// The rules between two reports (`x-baobiao-period-rules`, T3-CARRY) decide a pair of
/// reports in json-logic-js and Python as the Rust rule does: equal, different, or a blank or
/// mark on either side not assessable.
#[test]
fn other_tools_run_the_rules_between_two_years_like_the_rust_rule() {
    let pairs = generated_pairs();
    let ours = rust_period_outcomes(&pairs);
    let failing = ours
        .iter()
        .filter(|o| !o["fail"].as_array().unwrap().is_empty());
    assert!(failing.count() > 100, "the pairs exercise failures");
    let file = temp_json("pairs.json", &serde_json::Value::from(pairs.clone()));
    let schema = schema_file("annual-report-2021.schema.json");
    let periods = Path::new("--periods");
    for (program, tool, script) in [
        ("node", "node", "tests/js/rules.mjs"),
        ("python3", "python", "tests/python/rules.py"),
    ] {
        if !available(tool) {
            continue;
        }
        let theirs = run_json(program, &[&root().join(script), &schema, &file, periods]);
        for ((pair, ours), theirs) in pairs.iter().zip(&ours).zip(theirs.as_array().unwrap()) {
            assert_eq!(ours, &sorted(theirs), "{program} disagrees on {pair}");
        }
    }
}

/// The code block of `language` under `heading` in `schemas/README.md`.
fn readme_snippet(heading: &str, language: &str) -> String {
    let readme = std::fs::read_to_string(root().join("schemas/README.md")).unwrap();
    let section = &readme[readme.find(heading).expect("the heading")..];
    let fence = format!("```{language}\n");
    let start = section.find(&fence).expect("a code block") + fence.len();
    let end = start + section[start..].find("```").unwrap();
    section[start..end].to_owned()
}

/// The schema README's JavaScript and Python programs run as written, on a report with a
/// planted error and one the schema rejects, and say what the Rust check says.
#[test]
fn the_schema_readme_programs_run_as_written() {
    let schema = schema_file("annual-report-2021.schema.json");
    let failing = temp_json(
        "readme-failing.json",
        &with("/applications/outcomes/granted/natural_persons", 7.into()),
    );
    let rejected = temp_json(
        "readme-rejected.json",
        &with(
            "/applications/outcomes/granted/natural_persons",
            (-1).into(),
        ),
    );
    for (heading, language, program, tool, file) in [
        // Next to node_modules, as a user's project has them; an ES module by its name.
        (
            "## From JavaScript",
            "js",
            "node",
            "node",
            root().join("tests/js/readme-check.mjs"),
        ),
        (
            "## From Python",
            "python",
            "python3",
            "python",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("readme-check.py"),
        ),
    ] {
        if !available(tool) {
            continue;
        }
        std::fs::write(&file, readme_snippet(heading, language)).unwrap();
        let run = |report: &Path| {
            let out = Command::new(program)
                .arg(&file)
                .arg(&schema)
                .arg(report)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{program}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).unwrap()
        };
        let said = run(&failing);
        let _ = if program == "node" {
            std::fs::remove_file(&file)
        } else {
            Ok(())
        };
        assert!(
            said.contains("T3-ROW-TOTAL fail /applications/outcomes/granted/total"),
            "{program}: {said}"
        );
        // The bundled report's one rule on a blank result is not assessable, as in the Rust check.
        assert!(said.contains("not_assessable"), "{program}: {said}");
        std::fs::write(&file, readme_snippet(heading, language)).unwrap();
        let said = run(&rejected);
        let _ = if program == "node" {
            std::fs::remove_file(&file)
        } else {
            Ok(())
        };
        assert!(
            said.contains("natural_persons"),
            "{program} says the schema rejects it: {said}"
        );
    }
}
