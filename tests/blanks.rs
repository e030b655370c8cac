//! Blank cells said by row, block and table, and counts that add up and say what they count:
//! a report that leaves one row of table 3 empty gets one line for it, not a note per cell; an
//! unfilled report is a few lines, not two hundred; the verdict's counts of rule instances add
//! up, in strict mode too, and `rules` says why it lists more instances than a check decides.

mod common;

use std::process::Command;

use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::{CellGroup, Extent};
use baobiao::{Form, Lang};

fn baobiao(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_baobiao"))
        .args(args)
        .output()
        .expect("run baobiao");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// The bundled report with every number blank.
fn all_blank() -> std::path::PathBuf {
    fn blank(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Number(_) => *v = serde_json::Value::Null,
            serde_json::Value::Object(map) => map.values_mut().for_each(blank),
            serde_json::Value::Array(items) => items.iter_mut().for_each(blank),
            _ => {}
        }
    }
    let mut json = common::bundled_json();
    let year = json["year"].clone();
    blank(&mut json);
    json["year"] = year;
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("blanks");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("all-blank.json");
    std::fs::write(&path, serde_json::to_vec(&json).unwrap()).unwrap();
    path
}

/// The verdict line's counts: instances, passed, violated, not assessable; and they add up.
fn tally(out: &str) -> [usize; 4] {
    let line = out
        .lines()
        .find(|l| l.starts_with("结论："))
        .expect("a verdict");
    // The counts follow the verdict (`结论：通过。规则实例 …`).
    let line = &line[line.find("规则实例").expect("counts")..];
    let after = |key: &str| -> usize {
        let rest = &line[line.find(key).unwrap_or_else(|| panic!("{key} in {line}")) + key.len()..];
        let digits: String = rest
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().unwrap()
    };
    let counts = [
        after("规则实例"),
        after("：通过"),
        after("不符合"),
        after("无法核验"),
    ];
    assert_eq!(counts[0], counts[1] + counts[2] + counts[3], "{line}");
    counts
}

#[test]
fn a_blank_row_is_one_line() {
    let report = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/reports/xiangtan-county-police-2024.txt"
    );
    let (code, out) = baobiao(&["check", report]);
    assert_eq!(code, Some(0), "{out}");
    // Seven blank cells in one row of table 3: one line, where it was read, and the rules
    // that read the blanks as 0 counted.
    let row = "（三）不予公开 › 8.属于行政查询事项：整行空白（第203行）";
    assert_eq!(out.matches("整行空白").count(), 1, "{out}");
    assert!(out.contains(row), "{out}");
    assert!(
        out.contains("按 0 计算的规则：T3-RESULT-SUM（7 处）"),
        "{out}"
    );
    assert!(out.lines().count() <= 15, "{out}");
    assert_eq!(tally(&out), [43, 42, 0, 1]);
    assert!(
        out.contains("（另有 199 条取值范围由单元格类型保证，不逐条核验）"),
        "{out}"
    );
    assert!(
        out.contains("通过 42（其中 7 条把空白单元格按 0 计算）"),
        "{out}"
    );

    // The JSON says the same by group, every cell listed.
    let (_, json) = baobiao(&["check", report, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    // The verdict line's counts, as numbers.
    assert_eq!(
        json["counts"],
        serde_json::json!({"instances": 43, "by_type": 199, "passed": 42, "passed_with_blanks": 7,
            "violated": 0, "unassessed": 1, "strict": 0, "blank": 7})
    );
    let blanks = json["blanks"].as_array().unwrap();
    assert_eq!(blanks.len(), 1, "{blanks:?}");
    assert_eq!(blanks[0]["extent"], "row");
    assert_eq!(blanks[0]["cells"].as_array().unwrap().len(), 7);
    assert!(
        blanks[0]["text"]
            .as_str()
            .unwrap()
            .ends_with("8.属于行政查询事项：整行空白")
    );
    assert_eq!(
        blanks[0]["cells"][0]["source"],
        serde_json::json!({"line": 203})
    );

    // Strict mode: the blanks are errors, said by row; the rules' counts do not change.
    let (code, out) = baobiao(&["check", "--strict", report]);
    assert_eq!(code, Some(1));
    assert_eq!(tally(&out), [43, 42, 0, 1]);
    assert!(
        out.contains("严格模式：7 个单元格未填数值，视为错误。"),
        "{out}"
    );
    assert!(out.contains("（7 个单元格）"), "{out}");
    assert!(out.contains("8.属于行政查询事项：整行未填数值"), "{out}");
    assert!(!out.contains("最可能有误"), "no rule fails: {out}");
}

#[test]
fn an_unfilled_report_is_a_few_lines() {
    let file = all_blank();
    let file = file.to_str().unwrap();
    let (code, out) = baobiao(&["check", file]);
    assert_eq!(code, Some(0), "{out}");
    for table in [
        "二、主动公开政府信息情况：整表空白",
        "三、收到和处理政府信息公开申请情况：整表空白",
        "四、政府信息公开行政复议、行政诉讼情况：整表空白",
    ] {
        assert!(out.contains(table), "{out}");
    }
    let [instances, _, _, unassessed] = tally(&out);
    assert_eq!(instances, 43);
    assert_eq!(unassessed, 42);
    assert!(out.contains("空白单元格 200 个。"), "{out}");
    // One entry per rule and reason, not one per instance.
    assert!(
        out.contains("? T3-ROW-TOTAL  总计等于自然人与法人或其他组织各项之和（25 处）"),
        "{out}"
    );
    assert!(
        out.lines().count() <= 30,
        "{} lines:\n{out}",
        out.lines().count()
    );

    let (code, out) = baobiao(&["check", "--strict", file]);
    assert_eq!(code, Some(1));
    let [instances, _, violated, _] = tally(&out);
    assert_eq!((instances, violated), (43, 0), "{out}");
    assert!(
        out.contains("严格模式：200 个单元格未填数值，视为错误。"),
        "{out}"
    );
    assert!(
        out.lines().count() <= 30,
        "{} lines:\n{out}",
        out.lines().count()
    );
}

#[test]
fn rules_say_why_a_check_decides_fewer_instances_than_they_list() {
    let (code, out) = baobiao(&["rules", "--form", "annual-report-2021"]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains("T3-NONNEG  [错误]  value >= 0  （175 处，均由单元格类型保证，不逐条核验）"),
        "{out}"
    );
    // 43 decided one by one (what `check` counts), 199 ranges the types guarantee, 7 between
    // periods: 249 in all.
    assert!(
        out.contains(
            "共 249 条规则实例：单份报告检查时逐条核验 43 条；199 条取值范围由单元格类型保证"
        ),
        "{out}"
    );
    assert!(
        out.contains("；7 条在批量检查中与同一填报单位上期报告比较。"),
        "{out}"
    );
    let (_, json) = baobiao(&["rules", "--form", "annual-report-2021", "--format", "json"]);
    let rules: serde_json::Value = serde_json::from_str(&json).unwrap();
    let by_type = rules
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["instances"].as_array().unwrap())
        .filter(|i| i["guaranteed_by_type"] == true)
        .count();
    assert_eq!(by_type, 199);
}

/// The grouping itself, on the form's cells: partial rows list their columns, a whole row,
/// block or table is one group.
#[test]
fn groups_follow_the_forms_rows_blocks_and_tables() {
    let info = AnnualReport::info();
    let index = |pointer: &str| info.cell_index(pointer).unwrap();
    let mut blank = vec![false; info.cells.len()];
    // Two cells of one row.
    blank[index("/applications/new_received/natural_persons")] = true;
    blank[index("/applications/new_received/organisations/research")] = true;
    // A whole block: every row of （四）无法提供.
    for cell in &info.cells {
        if cell
            .pointer
            .starts_with("/applications/outcomes/unable_to_provide/")
        {
            blank[index(&cell.pointer)] = true;
        }
    }
    // All of table 4.
    for cell in &info.cells {
        if cell.pointer.starts_with("/reviews_and_lawsuits/") {
            blank[index(&cell.pointer)] = true;
        }
    }
    let groups = baobiao::group_cells(info, &blank);
    // A column group wholly blank is said once, by its label.
    let mut organisations = vec![false; info.cells.len()];
    for cell in &info.cells {
        if cell.pointer.starts_with("/applications/carried_over/")
            && !cell.pointer.ends_with("/natural_persons")
        {
            organisations[index(&cell.pointer)] = true;
        }
    }
    let said: Vec<String> = baobiao::group_cells(info, &organisations)
        .iter()
        .map(|g| g.describe("空白", Lang::Zh))
        .collect();
    assert_eq!(
        said,
        [
            "三、收到和处理政府信息公开申请情况 › 二、上年结转政府信息公开申请数量 › 法人或其他组织、总计：空白"
        ]
    );
    let said: Vec<String> = groups
        .iter()
        .map(|g| g.describe("空白", Lang::Zh))
        .collect();
    assert_eq!(
        said,
        [
            "三、收到和处理政府信息公开申请情况 › 一、本年新收政府信息公开申请数量 › 自然人、法人或其他组织 › 科研机构：空白",
            "三、收到和处理政府信息公开申请情况 › 三、本年度办理结果 › （四）无法提供：全部空白",
            "四、政府信息公开行政复议、行政诉讼情况：整表空白",
        ]
    );
    let cells: usize = groups.iter().map(|g: &CellGroup| g.cells.len()).sum();
    assert_eq!(cells, blank.iter().filter(|&&b| b).count());
    assert!(matches!(groups[0].extent, Extent::Cells(ref c) if c.len() == 2));
    assert_eq!(groups[1].extent, Extent::Block);
    assert_eq!(groups[2].extent, Extent::Table);
    assert_eq!(
        groups[2].describe("blank", Lang::En),
        "四、政府信息公开行政复议、行政诉讼情况: the whole table blank"
    );
}
