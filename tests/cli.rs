//! The `baobiao` command line, run as a user runs it.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn baobiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baobiao"))
        .args(args)
        .output()
        .expect("run baobiao")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn the_bundled_report_checks_clean() {
    let out = baobiao(&["check", common::BUNDLED]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("结论：通过"), "{stdout}");
    assert!(stdout.contains("无法核验 1"), "{stdout}");
}

#[test]
fn json_output_has_the_documented_shape() {
    let out = baobiao(&["check", common::BUNDLED, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["ok"], true);
    assert_eq!(json["violations"].as_array().unwrap().len(), 0);
    assert_eq!(json["not_assessable"].as_array().unwrap().len(), 1);
    assert_eq!(json["notes"].as_array().unwrap().len(), 7);
    let na = &json["not_assessable"][0];
    for key in ["rule", "severity", "message", "reason", "why", "cells"] {
        assert!(!na[key].is_null(), "{key} missing in {na}");
    }
    // Typed for machines, worded for people (in Chinese unless asked otherwise).
    assert_eq!(na["reason"]["kind"], "result_blank");
    assert_eq!(na["why"], "结果单元格为空，无法核验");
    let cell = &json["notes"][0]["cells"][0];
    assert_eq!(cell["value"], serde_json::Value::Null);
    assert!(cell["index"].is_u64(), "{cell}");
}

#[test]
fn every_raised_cell_makes_check_exit_1_naming_the_cell() {
    let json = common::bundled_json();
    for (i, pointer) in common::table_3_and_4_pointers().iter().enumerate() {
        let changed = common::bump(&json, pointer, 1);
        let path = temp_file(&format!("raised-{i}.json"), changed.to_string().as_bytes());
        let out = baobiao(&["check", path.to_str().unwrap(), "--format", "json"]);
        assert_eq!(out.status.code(), Some(1), "raising {pointer}");
        let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(result["ok"], false);
        let named = result["violations"].as_array().unwrap().iter().any(|v| {
            v["cells"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["pointer"] == pointer.as_str())
        });
        assert!(named, "no violation names {pointer}: {result}");
        for v in result["violations"].as_array().unwrap() {
            for key in ["rule", "severity", "message", "expected", "actual", "cells"] {
                assert!(!v[key].is_null(), "{key} missing in {v}");
            }
        }
    }
}

#[test]
fn human_output_names_the_rule_cells_and_values() {
    let changed = common::bump(
        &common::bundled_json(),
        "/reviews_and_lawsuits/litigation/direct/upheld",
        2,
    );
    let path = temp_file("t4.json", changed.to_string().as_bytes());
    let out = baobiao(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("T4-GROUP-TOTAL"), "{stdout}");
    assert!(
        stdout.contains("总计等于结果维持、结果纠正、其他结果、尚未审结之和"),
        "{stdout}"
    );
    assert!(stdout.contains("期望 2，实际 0"), "{stdout}");
    assert!(
        stdout.contains(
            "四、政府信息公开行政复议、行政诉讼情况 › 行政诉讼 › 未经复议直接起诉 › 结果维持 = 2"
        ),
        "{stdout}"
    );
    let english = text(&baobiao(&["check", path.to_str().unwrap(), "--lang", "en"]).stdout);
    assert!(english.contains("Result: failed"), "{english}");
    assert!(english.contains("expected 2, found 0"), "{english}");
}

#[test]
fn strict_mode_fails_on_the_blank_row() {
    let out = baobiao(&["check", common::BUNDLED, "--strict", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> = json["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, vec!["BLANK-CELL"; 7]);
}

/// Malformed input: exit 2, a message naming the place, never a panic (asked in English, whose
/// words the assertions name; the default is Chinese).
fn assert_unreadable(name: &str, contents: &[u8], wanted: &[&str]) {
    let path = temp_file(name, contents);
    let out = baobiao(&["check", path.to_str().unwrap(), "--lang", "en"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    for want in wanted {
        assert!(
            stderr.contains(want),
            "{name}: expected {want:?} in {stderr}"
        );
    }
}

/// The bundled report with the cell at `pointer` written as `raw` (JSON text, as is: a
/// number beyond what a `serde_json::Value` holds stays as written).
fn with(pointer: &str, raw: &str) -> Vec<u8> {
    let mut json = common::bundled_json();
    *json.pointer_mut(pointer).unwrap() = "@@VALUE@@".into();
    serde_json::to_string_pretty(&json)
        .unwrap()
        .replace("\"@@VALUE@@\"", raw)
        .into_bytes()
}

#[test]
fn malformed_input_exits_2_and_says_where() {
    let full = std::fs::read(common::BUNDLED).unwrap();
    assert_unreadable(
        "truncated.json",
        &full[..full.len() / 2],
        &["truncated.json:", "ends too early"],
    );
    assert_unreadable(
        "negative.json",
        &with("/applications/new_received/natural_persons", "-3"),
        &[
            "at /applications/new_received/natural_persons",
            "-3 is negative",
            ":",
        ],
    );
    assert_unreadable(
        "string.json",
        &with(
            "/applications/carried_over/organisations/business",
            "\"abc\"",
        ),
        &[
            "at /applications/carried_over/organisations/business",
            "\"abc\"",
            "non-negative integer",
        ],
    );
    assert_unreadable(
        "huge.json",
        &with(
            "/reviews_and_lawsuits/reconsideration/total",
            "18446744073709551616",
        ),
        &[
            "at /reviews_and_lawsuits/reconsideration/total",
            "larger than the largest count",
        ],
    );
    assert_unreadable(
        "fraction.json",
        &with("/active_disclosure/article_20_5/licensing/decisions", "1.5"),
        &[
            "at /active_disclosure/article_20_5/licensing/decisions",
            "not a whole number",
        ],
    );
    let mut unknown = common::bundled_json();
    unknown["applications"]["new_received"]["subtotal"] = 1.into();
    assert_unreadable(
        "unknown.json",
        unknown.to_string().as_bytes(),
        &["unknown field `subtotal`", "/applications/new_received"],
    );
    let mut missing = common::bundled_json();
    missing
        .as_object_mut()
        .unwrap()
        .remove("reviews_and_lawsuits");
    assert_unreadable(
        "missing.json",
        missing.to_string().as_bytes(),
        &["missing field `reviews_and_lawsuits`"],
    );
    assert_unreadable(
        "syntax.json",
        b"{\n  \"title\": \"x\",\n  oops\n}",
        &["syntax.json:3:3", "JSON syntax error"],
    );
    assert_unreadable(
        "trailing.json",
        &[full.as_slice(), b" x"].concat(),
        &["trailing.json:", "trailing characters"],
    );
    assert_unreadable(
        "binary.json",
        &[0xff, 0xfe, 0x00, 0x41],
        &["binary.json:1:1", "not valid UTF-8"],
    );
    assert_unreadable("empty.json", b"", &["empty.json", "ends too early"]);
    // In Chinese by default: where, and what.
    let path = temp_file("truncated-zh.json", &full[..full.len() / 2]);
    let out = baobiao(&["check", path.to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("无法读取输入"), "{stderr}");
    assert!(stderr.contains("文件提前结束"), "{stderr}");
    assert!(stderr.contains("truncated-zh.json:"), "{stderr}");
}

#[test]
fn a_missing_file_or_unknown_form_exits_2() {
    let out = baobiao(&["check", "no/such/report.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no/such/report.json"));
    let out = baobiao(&["check", common::BUNDLED, "--form", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("annual-report-2021"));
}

#[test]
fn json_errors_are_machine_readable_too() {
    let path = temp_file(
        "neg-json.json",
        &with("/applications/new_received/total", "-1"),
    );
    let out = baobiao(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["ok"], false);
    assert_eq!(json["error"]["pointer"], "/applications/new_received/total");
    assert!(json["error"]["line"].as_u64().unwrap() > 1);
}

#[test]
fn rules_are_listed_without_a_report() {
    let out = baobiao(&["rules", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ident = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "T3-IDENT")
        .unwrap();
    assert_eq!(ident["instances"].as_array().unwrap().len(), 7);
    assert_eq!(
        ident["instances"][0]["cells"][2],
        "/applications/outcomes/total/natural_persons"
    );
}

/// What `read -o` writes is checked, rendered or read again as the report it holds, digit for
/// digit, as the form it names.
#[test]
fn what_read_writes_is_taken_back_as_its_report() {
    let out = temp_file("reading.json", b"");
    let read = baobiao(&[
        "read",
        "examples/reports/xiangtan-county-police-2024.txt",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(read.status.success(), "{}", text(&read.stderr));
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(written["form"], "annual-report-2021");

    let check = baobiao(&["check", out.to_str().unwrap(), "--format", "json"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    let again = baobiao(&["read", out.to_str().unwrap()]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    let again: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(again["report"], written["report"]);
    assert_eq!(again["form"], "annual-report-2021");
    // Named as another form, it is refused as that form's JSON would be.
    let other = baobiao(&["check", out.to_str().unwrap(), "--form", "website"]);
    assert_eq!(other.status.code(), Some(2));

    // A reading with diagnostics comes with them: what they left unread is not assessed, and
    // the verdict says so, as the check of the report itself would.
    let mut flagged = written.clone();
    flagged["diagnostics"] = serde_json::json!([{
        "pointer": "/applications/outcomes/total",
        "kind": "missing",
        "unread": "row",
        "message": "未找到行“三、本年度办理结果 / （七）总计”",
        "position": null,
    }]);
    let flagged = temp_file("flagged-reading.json", flagged.to_string().as_bytes());
    let check = baobiao(&["check", flagged.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert!(
        text(&check.stdout).contains("结论：读取不完整：未找到 1 行；已读取的部分通过。"),
        "{}",
        text(&check.stdout)
    );
    let strict = baobiao(&["check", flagged.to_str().unwrap(), "--require-complete"]);
    assert_eq!(strict.status.code(), Some(2));
    // A diagnostic that does not say what it left unread is taken at its worst.
    let mut vague = written.clone();
    vague["diagnostics"] = serde_json::json!([{"message": "第3行：未找到“（七）总计”"}]);
    let vague = temp_file("vague-reading.json", vague.to_string().as_bytes());
    let check = baobiao(&["check", vague.to_str().unwrap()]);
    assert!(
        text(&check.stdout).contains("读取不完整"),
        "{}",
        text(&check.stdout)
    );

    // A report cut off before its title's year (not read into a whole form): what `read`
    // wrote is checked as the report itself is, to the same verdict.
    let excerpt = "tests/data/reports/partial/P01-shenzhen-longgang-dept-2024.txt";
    let partial = temp_file("partial-reading.json", b"");
    let read = baobiao(&["read", excerpt, "-o", partial.to_str().unwrap()]);
    assert_eq!(read.status.code(), Some(2));
    let verdict = |out: &std::process::Output| {
        text(&out.stdout)
            .lines()
            .find(|l| l.starts_with("结论："))
            .map(str::to_owned)
    };
    let direct = baobiao(&["check", excerpt]);
    let via_read = baobiao(&["check", partial.to_str().unwrap()]);
    assert_eq!(direct.status.code(), Some(0));
    assert_eq!(via_read.status.code(), Some(0));
    assert!(verdict(&direct).is_some());
    assert_eq!(verdict(&via_read), verdict(&direct));
}

/// `check --schema`: a filled form checked against a form known only by its exported schema
/// decides as the compiled check does; a published report or a schema without rules is refused.
#[test]
fn a_form_known_only_by_its_schema_is_checked_from_it() {
    let planted = "examples/reports/website-planted-errors.json";
    let by_schema = baobiao(&[
        "check",
        planted,
        "--schema",
        "schemas/website.schema.json",
        "--format",
        "json",
    ]);
    assert_eq!(
        by_schema.status.code(),
        Some(1),
        "{}",
        text(&by_schema.stderr)
    );
    let by_schema: serde_json::Value = serde_json::from_slice(&by_schema.stdout).unwrap();
    let compiled = baobiao(&["check", planted, "--format", "json"]);
    let compiled: serde_json::Value = serde_json::from_slice(&compiled.stdout).unwrap();
    let ids = |json: &serde_json::Value| -> Vec<String> {
        json["violations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["rule"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids(&by_schema), ids(&compiled));
    assert_eq!(by_schema["violations"][0]["cells"][0]["value"], "6012345");

    let clean = baobiao(&[
        "check",
        "examples/reports/xiangtan-county-police-2024.json",
        "--schema",
        "schemas/annual-report-2021.schema.json",
    ]);
    assert_eq!(clean.status.code(), Some(0), "{}", text(&clean.stderr));
    assert!(text(&clean.stdout).contains("结论：通过"));

    let published = baobiao(&[
        "check",
        "examples/reports/xiangtan-county-police-2024.txt",
        "--schema",
        "schemas/annual-report-2021.schema.json",
    ]);
    assert_eq!(published.status.code(), Some(2));
    assert!(
        text(&published.stderr).contains("已填报表单的 JSON"),
        "{}",
        text(&published.stderr)
    );

    let no_rules = temp_file("no-rules.schema.json", br#"{"type": "object"}"#);
    let refused = baobiao(&["check", planted, "--schema", no_rules.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains("x-baobiao-rules"),
        "{}",
        text(&refused.stderr)
    );
}

/// Output that cannot be written (a full disk, a reader that went away) is said, with exit 2;
/// nothing panics.
#[test]
fn an_unwritable_output_is_said_not_a_panic() {
    use std::process::Stdio;
    let bundled = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/reports/xiangtan-county-police-2024.json"
    );
    let runs: [&[&str]; 5] = [
        &["check", bundled],
        &["check", bundled, "--format", "json"],
        &["rules"],
        &["rules", "--list"],
        &["rules", "--format", "json"],
    ];
    for args in runs {
        // A full device.
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_baobiao"))
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        // Said in the language of the messages (Chinese by default).
        assert!(stderr.contains("无法写出"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        // A reader that closed the pipe before anything was written (`| head -0`).
        let mut child = Command::new(env!("CARGO_BIN_EXE_baobiao"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// A value that is not one of its cell (`12条` where money is) is said at its cell; the rest
/// of the report is checked, the rules on that cell are not assessable (never decided on a
/// blank read in its place), and the verdict says first that the reading is incomplete.
/// `--require-complete` makes such a reading exit 2.
#[test]
fn a_value_not_read_is_said_first_and_its_rules_are_not_assessable() {
    let bundled = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/reports/xiangtan-county-police-2024.json"
    );
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-unread");
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("report.csv");
    let render = baobiao(&[
        "render",
        bundled,
        "--to",
        "csv",
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert!(render.status.success());
    let text = std::fs::read_to_string(&csv).unwrap();
    let (before, after) = text.split_once("行政事业性收费,0").unwrap();
    std::fs::write(&csv, format!("{before}行政事业性收费,12条{after}")).unwrap();
    let out = baobiao(&["check", csv.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("“12条”不是数字"), "{stdout}");
    assert!(stdout.contains("/active_disclosure/article_20_8/administrative_fees/amount"));
    assert!(
        stdout.contains("结论：读取不完整：1 处数值未能读取；已读取的部分通过。"),
        "{stdout}"
    );
    let strict = baobiao(&["check", csv.to_str().unwrap(), "--require-complete"]);
    assert_eq!(strict.status.code(), Some(2));
    let json = baobiao(&["check", csv.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["reading"]["complete"], false);
    assert_eq!(json["reading"]["completeness"]["values_unread"], 1);
    assert_eq!(json["reading"]["summary"], "读取不完整：1 处数值未能读取");
    let fee = json["not_assessable"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| {
            n["cells"][0]["pointer"] == "/active_disclosure/article_20_8/administrative_fees/amount"
        })
        .expect("the fee's rule is not assessable");
    assert_eq!(fee["reason"]["kind"], "unread");
    assert_eq!(fee["rule"], "T2-NONNEG");
}
