//! `baobiao check` over many reports, as a supervisor runs it: a folder of mixed reports (good,
//! failing, unreadable, files of no report kind), its summary as CSV and JSON, JSON Lines, the
//! exit code as the worst verdict, and the rule between two years of one agency.

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

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh folder under the test's temporary directory.
fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy(from: &str, to: &Path) {
    std::fs::copy(root().join(from), to).unwrap();
}

/// A supervisor's folder: three good reports (a form's JSON, a published text, a published
/// page in a subfolder), two failing ones, two unreadable ones, and files of no report kind.
fn mixed_folder(name: &str) -> PathBuf {
    let dir = folder(name);
    copy(common::BUNDLED, &dir.join("good.json"));
    copy(
        "examples/reports/xiangtan-county-police-2024.txt",
        &dir.join("good.txt"),
    );
    std::fs::create_dir_all(dir.join("pingtan")).unwrap();
    copy(
        "tests/data/reports/pingtan-2024-page.html",
        &dir.join("pingtan/2024.html"),
    );
    let failing = common::bump(
        &common::bundled_json(),
        "/applications/outcomes/granted/natural_persons",
        1,
    );
    std::fs::write(dir.join("failing.json"), failing.to_string()).unwrap();
    copy(
        "examples/reports/website-planted-errors.json",
        &dir.join("website-failing.json"),
    );
    std::fs::write(dir.join("broken.json"), "{\"title\": ").unwrap();
    std::fs::write(dir.join("minutes.txt"), "会议纪要\n今天讨论了天气。\n").unwrap();
    std::fs::write(dir.join("notes.rtf"), "{\\rtf1 not a report}").unwrap();
    std::fs::write(dir.join(".hidden.json"), "{}").unwrap();
    dir
}

/// The summary rows by file name (relative to `dir`).
fn rows_by_file(summary: &serde_json::Value, dir: &Path) -> Vec<(String, serde_json::Value)> {
    let mut rows: Vec<(String, serde_json::Value)> = summary["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let file = Path::new(row["file"].as_str().unwrap());
            let name = file.strip_prefix(dir).unwrap().display().to_string();
            (name, row.clone())
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows
}

#[test]
fn a_folder_of_mixed_reports_gets_a_row_each_and_the_worst_exit_code() {
    let dir = mixed_folder("batch-mixed-a");
    let out_dir = folder("batch-mixed-out");
    let json_file = out_dir.join("summary.json");
    let out = baobiao(&[
        "check",
        dir.to_str().unwrap(),
        "--summary",
        "json",
        "-o",
        json_file.to_str().unwrap(),
    ]);
    let stdout = text(&out.stdout);
    // Unreadable reports make the batch exit 2, like one unreadable report.
    assert_eq!(out.status.code(), Some(2), "{stdout}{}", text(&out.stderr));
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json_file).unwrap()).unwrap();
    let rows = rows_by_file(&summary, &dir);
    let names: Vec<&str> = rows.iter().map(|(n, _)| n.as_str()).collect();
    // Every report once; the .rtf and the hidden file are no reports.
    assert_eq!(
        names,
        [
            "broken.json",
            "failing.json",
            "good.json",
            "good.txt",
            "minutes.txt",
            "pingtan/2024.html",
            "website-failing.json",
        ]
    );
    let row = |name: &str| &rows.iter().find(|(n, _)| n == name).unwrap().1;
    for (name, verdict) in [
        ("good.json", "passed"),
        ("good.txt", "passed"),
        ("pingtan/2024.html", "passed"),
        ("failing.json", "failed"),
        ("website-failing.json", "failed"),
        ("broken.json", "unreadable"),
        ("minutes.txt", "unreadable"),
    ] {
        assert_eq!(row(name)["verdict"], verdict, "{name}: {}", row(name));
    }
    // Form, agency and year of each report read; the rules each failing one breaks.
    assert_eq!(row("good.txt")["form"], "annual-report-2021");
    assert_eq!(row("good.txt")["agency"], "湘潭县公安局");
    assert_eq!(row("good.txt")["year"], "2024");
    assert_eq!(row("good.txt")["complete"], true);
    assert_eq!(row("good.txt")["reading"], "读取完整");
    assert_eq!(row("pingtan/2024.html")["agency"], "平潭综合实验区");
    assert_eq!(row("good.json")["complete"], serde_json::Value::Null);
    assert_eq!(
        row("failing.json")["failing_rules"],
        serde_json::json!(["T3-RESULT-SUM", "T3-ROW-TOTAL"])
    );
    assert_eq!(row("website-failing.json")["form"], "website");
    assert!(
        row("broken.json")["error"]
            .as_str()
            .unwrap()
            .starts_with("1:"),
        "{}",
        row("broken.json")
    );
    assert_eq!(row("good.json")["not_assessable"], 1);
    // The likely wrong cell of the failing one, with the value that makes every rule hold.
    let likely = &row("failing.json")["likely_wrong"];
    assert_eq!(likely.as_array().unwrap().len(), 1, "{likely}");
    assert_eq!(
        likely[0][0]["pointer"],
        "/applications/outcomes/granted/natural_persons"
    );
    assert_eq!(likely[0][0]["value"], "6");
    assert_eq!(likely[0][0]["fix"], "改为 5");
    // The counts add up to the rows.
    let counts = &summary["counts"];
    assert_eq!(counts["reports"], 7);
    assert_eq!(counts["passed"], 3);
    assert_eq!(counts["failed"], 2);
    assert_eq!(counts["unreadable"], 2);
    assert_eq!(summary["skipped_files"], 1);
    let frequent = summary["frequent_rules"].as_array().unwrap();
    assert!(frequent.iter().any(|f| f["rule"] == "T3-ROW-TOTAL"));

    // The text: a line a report, the verdict, the rules failed most often.
    assert!(stdout.contains("✗ 未通过"), "{stdout}");
    assert!(
        stdout.contains("汇总：共 7 份报告：通过 3，未通过 2，读取不完整 0，无法读取 2。"),
        "{stdout}"
    );
    assert!(stdout.contains("最常见的不符合规则"), "{stdout}");
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("✓ 通过")).count(),
        3
    );

    // Without the unreadable ones the worst is a failure: exit 1.
    let readable: Vec<String> = ["good.json", "good.txt", "failing.json"]
        .iter()
        .map(|n| dir.join(n).display().to_string())
        .collect();
    let args: Vec<&str> = std::iter::once("check")
        .chain(readable.iter().map(String::as_str))
        .collect();
    assert_eq!(baobiao(&args).status.code(), Some(1));
    // And a batch of good reports exits 0.
    let out = baobiao(&["check", &readable[0], &readable[1]]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}

#[test]
fn the_csv_summary_opens_in_excel_and_lists_the_failing_rules() {
    let dir = mixed_folder("batch-mixed-b");
    let out = baobiao(&["check", dir.to_str().unwrap(), "--summary", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    // A byte-order mark first: Excel on Chinese Windows reads UTF-8 only with one.
    assert!(out.stdout.starts_with("\u{FEFF}".as_bytes()));
    let csv = text(&out.stdout[3..]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "file,form,agency,year,verdict,failing_rules,warnings,not_assessable,likely_wrong,complete,reading,error,page"
    );
    assert_eq!(lines.len(), 1 + 7, "{csv}");
    let failing = lines.iter().find(|l| l.contains("/failing.json,")).unwrap();
    assert!(
        failing
            .contains(",annual-report-2021,湘潭县公安局,2024,failed,T3-RESULT-SUM T3-ROW-TOTAL,,"),
        "{failing}"
    );
    // The summary alone goes to standard output; the verdict to standard error.
    assert!(text(&out.stderr).contains("汇总：共 7 份报告"));
}

#[test]
fn json_lines_stream_one_object_per_report_naming_its_file_form_and_agency() {
    let dir = mixed_folder("batch-mixed-c");
    let out = baobiao(&["check", dir.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    let objects: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
        .collect();
    assert_eq!(objects.len(), 7);
    let good = objects
        .iter()
        .find(|o| o["file"].as_str().unwrap().ends_with("good.txt"))
        .unwrap();
    assert_eq!(good["form"], "annual-report-2021");
    assert_eq!(good["agency"], "湘潭县公安局");
    assert_eq!(good["verdict"], "passed");
    assert_eq!(good["reading"]["complete"], true);
    let broken = objects
        .iter()
        .find(|o| o["file"].as_str().unwrap().ends_with("broken.json"))
        .unwrap();
    assert_eq!(broken["verdict"], "unreadable");
    assert!(broken["error"]["message"].is_string());
}

#[test]
fn globs_folders_and_repeated_paths_name_each_report_once() {
    let dir = mixed_folder("batch-mixed-d");
    let pattern = format!("{}/good.*", dir.display());
    let good = dir.join("good.json").display().to_string();
    let out = baobiao(&["check", &pattern, &good, "--summary", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<String> = rows_by_file(&summary, &dir)
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names, ["good.json", "good.txt"]);
    assert_eq!(summary["repeated_reports"], 1);
    // A pattern that matches nothing is said, as an unreadable entry.
    let nothing = format!("{}/*.nothing", dir.display());
    let out = baobiao(&["check", &nothing, &good]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).contains("没有文件与该通配符匹配"));
}

/// Two years of one agency where this year's `二、上年结转` is not last year's
/// `四、结转下年度继续办理`: the rule between the years fails and names both cells in both
/// files, with their sources; other pairs are said compared.
#[test]
fn two_years_of_one_agency_are_compared_cell_by_cell() {
    let dir = folder("batch-years");
    // 2023: two more applications received and carried forward (its own sums hold).
    let mut last_year = common::bundled_json();
    for pointer in [
        "/applications/new_received/natural_persons",
        "/applications/new_received/total",
        "/applications/carried_forward/natural_persons",
        "/applications/carried_forward/total",
    ] {
        last_year = common::bump(&last_year, pointer, 2);
    }
    last_year["year"] = 2023.into();
    // The agency's name written with a space and full-width letters elsewhere: one agency.
    last_year["agency"] = "湘潭县 公安局".into();
    last_year["title"] = "湘潭县公安局2023年政府信息公开工作年度报告".into();
    std::fs::write(dir.join("2023.json"), last_year.to_string()).unwrap();
    // 2024 as published: carried over 0.
    copy(
        "examples/reports/xiangtan-county-police-2024.txt",
        &dir.join("2024.txt"),
    );
    let summary_file = dir.join("summary.json");
    let out = baobiao(&[
        "check",
        dir.join("2023.json").to_str().unwrap(),
        dir.join("2024.txt").to_str().unwrap(),
        "--summary",
        "json",
        "-o",
        summary_file.to_str().unwrap(),
    ]);
    let stdout = text(&out.stdout);
    // T3-CARRY is a warning: the reports still pass.
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&summary_file).unwrap()).unwrap();
    let compared = summary["periods"]["compared"].as_array().unwrap();
    assert_eq!(compared.len(), 1, "{summary}");
    let pair = &compared[0];
    assert_eq!(pair["agency"], "湘潭县公安局");
    assert_eq!(
        (
            pair["current_year"].as_i64(),
            pair["previous_year"].as_i64()
        ),
        (Some(2024), Some(2023))
    );
    // Seven columns compared; two differ (自然人 and 总计).
    assert_eq!(pair["decided"], 7);
    let violations = pair["violations"].as_array().unwrap();
    assert_eq!(violations.len(), 2, "{pair}");
    let natural = &violations[0];
    assert_eq!(natural["rule"], "T3-CARRY");
    assert_eq!(natural["severity"], "warning");
    let [this, last] = [&natural["cells"][0], &natural["cells"][1]];
    assert!(this["file"].as_str().unwrap().ends_with("2024.txt"));
    assert_eq!(
        this["pointer"],
        "/applications/carried_over/natural_persons"
    );
    assert_eq!(this["value"], 0);
    assert_eq!(
        this["labels"],
        serde_json::json!([
            "三、收到和处理政府信息公开申请情况",
            "二、上年结转政府信息公开申请数量",
            "自然人"
        ])
    );
    // Where it was read in the published text.
    assert!(this["source"]["line"].is_u64(), "{this}");
    assert!(last["file"].as_str().unwrap().ends_with("2023.json"));
    assert_eq!(
        last["pointer"],
        "/applications/carried_forward/natural_persons"
    );
    assert_eq!(last["value"], 2);
    assert_eq!(last["labels"][1], "四、结转下年度继续办理");
    // The 2024 report's row names the rule; the text says both cells in both files.
    let rows = rows_by_file(&summary, &dir);
    assert_eq!(rows[1].1["warnings"], serde_json::json!(["T3-CARRY"]));
    assert!(
        stdout.contains("跨期核验：比较了同一填报单位相邻两期的报告 1 对，不符合 2 处。"),
        "{stdout}"
    );
    assert!(
        stdout.contains("二、上年结转政府信息公开申请数量 › 自然人 = 0"),
        "{stdout}"
    );
    assert!(
        stdout.contains("四、结转下年度继续办理 › 自然人 = 2"),
        "{stdout}"
    );
}

/// A folder with no report in it is no passing batch; a file named two ways is one report.
#[test]
fn an_empty_folder_is_said_and_a_file_named_two_ways_is_checked_once() {
    let empty = folder("batch-empty");
    std::fs::write(empty.join("notes.rtf"), "{\\rtf1}").unwrap();
    let out = baobiao(&["check", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("没有找到任何报告"),
        "{}",
        text(&out.stderr)
    );
    let dir = mixed_folder("batch-mixed-e");
    let plain = dir.join("good.json").display().to_string();
    let dotted = format!("{}/./good.json", dir.display());
    let out = baobiao(&["check", &plain, &dotted, "--summary", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["counts"]["reports"], 1);
    assert_eq!(summary["repeated_reports"], 1);
}
