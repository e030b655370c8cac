//! The sidecars of the published reports (`tests/data/reports/*.meta.json`): their transcribed
//! values and recorded sums, read with baobiao's blank-cell semantics.

use baobiao::{FormInfo, Status};
use serde_json::Value;

pub fn data(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/reports")
        .join(name)
}

pub fn meta(name: &str) -> Value {
    let path = data(&format!("{name}.meta.json"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// What a recorded sum says under baobiao's semantics: `"na"` when the stated result is blank
/// or a side is blank in every cell, else its pass or fail.
pub fn expected(meta: &Value, check: &Value) -> &'static str {
    let blank = |v: &Value| v.is_null() || v.is_string();
    let all_blank = |v: &Value| v.as_array().is_some_and(|a| a.iter().all(blank));
    let result_blank = check.get("stated_total").is_some_and(blank);
    // The sidecar records no cells for the outcome sums: read the column's outcome rows (all
    // rows but the first two and the last two).
    let outcome_column_blank = check["rule"] == "t3.outcome_sum" && {
        let columns = meta["values"]["table3"]["columns"].as_array().unwrap();
        let c = columns.iter().position(|x| x == &check["column"]).unwrap();
        let data = meta["values"]["table3"]["data"].as_array().unwrap();
        data[2..data.len() - 2].iter().all(|row| blank(&row[c]))
    };
    let side_blank = outcome_column_blank
        || check
            .get("cells")
            .is_some_and(|cells| match check["rule"].as_str() {
                Some("t3.balance") => {
                    let c = cells.as_array().unwrap();
                    (blank(&c[0]) && blank(&c[1])) || (blank(&c[2]) && blank(&c[3]))
                }
                _ => all_blank(cells),
            });
    if result_blank || side_blank {
        "na"
    } else if check["status"].as_str().unwrap().starts_with("pass") {
        "pass"
    } else {
        "fail"
    }
}

pub fn status_name(status: &Status) -> &'static str {
    match status {
        Status::Pass => "pass",
        Status::Fail { .. } => "fail",
        Status::NotAssessable(_) => "na",
    }
}

/// Our outcome of every rule the sidecar recorded, next to what the sidecar says, in the
/// sidecar's order: (rule id, ours, the sidecar's).
pub fn outcomes_against_sidecar(
    meta: &Value,
    info: &FormInfo,
    outcomes: &[baobiao::Outcome],
) -> Vec<(&'static str, &'static str, &'static str)> {
    let mut out = Vec::new();
    for (sidecar_rule, rule) in [
        ("t3.row_total", "T3-ROW-TOTAL"),
        ("t3.outcome_sum", "T3-RESULT-SUM"),
        ("t3.balance", "T3-IDENT"),
        ("t4.group_total", "T4-GROUP-TOTAL"),
    ] {
        let recorded: Vec<&Value> = meta["checks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["rule"] == sidecar_rule)
            .collect();
        let ours: Vec<&'static str> = outcomes
            .iter()
            .filter(|o| info.rules[info.instances[o.instance].rule].id == rule)
            .map(|o| status_name(&o.status))
            .collect();
        assert_eq!(
            ours.len(),
            recorded.len(),
            "{rule}: one outcome per recorded sum"
        );
        for (ours, check) in ours.into_iter().zip(recorded) {
            out.push((rule, ours, expected(meta, check)));
        }
    }
    out
}

/// The cells of tables 3 and 4 in the order of a sidecar's `values` (rows × 7, groups × 5).
pub fn table_3_and_4(meta: &Value) -> Vec<Value> {
    let t3 = meta["values"]["table3"]["data"].as_array().unwrap();
    let t4 = meta["values"]["table4"]["data"].as_array().unwrap();
    t3.iter()
        .chain(t4)
        .flat_map(|row| row.as_array().unwrap().clone())
        .collect()
}

/// A form's read values of tables 3 and 4, in its cell order (the sidecar's order).
pub fn read_table_3_and_4(info: &FormInfo, json: &Value) -> Vec<Value> {
    cells_3_and_4(info)
        .map(|c| json.pointer(&c.pointer).cloned().unwrap())
        .collect()
}

/// A form's cells of tables 3 and 4, in its cell order (the sidecar's order).
pub fn cells_3_and_4(info: &FormInfo) -> impl Iterator<Item = &baobiao::CellInfo> {
    info.cells.iter().filter(|c| {
        c.pointer.starts_with("/applications/") || c.pointer.starts_with("/reviews_and_lawsuits/")
    })
}
