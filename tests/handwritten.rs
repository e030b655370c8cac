//! The generated check and a hand-written check of the same rules decide every instance alike,
//! on the bundled report and on every single-cell change of it. (The hand-written check is the
//! benchmark's baseline.)

mod common;

#[path = "../benches/handwritten.rs"]
mod handwritten;

use baobiao::Form;
use baobiao::forms::annual_report_2021::AnnualReport;

fn generated(report: &AnnualReport) -> Vec<handwritten::HandOutcome> {
    let info = AnnualReport::info();
    report
        .check()
        .outcomes()
        .iter()
        .map(|o| handwritten::HandOutcome {
            rule: handwritten::rule_id(&info.rules[info.instances[o.instance].rule].id),
            status: o.status,
            blanks: o.blanks as usize,
        })
        .collect()
}

#[test]
fn both_checks_decide_alike() {
    let json = common::bundled_json();
    let mut cases = vec![json.clone()];
    for pointer in common::table_3_and_4_pointers() {
        cases.push(common::bump(&json, &pointer, 3));
        let mut blank = json.clone();
        *blank.pointer_mut(&pointer).unwrap() = serde_json::Value::Null;
        cases.push(blank);
    }
    for case in cases {
        let report: AnnualReport = serde_json::from_value(case).unwrap();
        assert_eq!(generated(&report), handwritten::check(&report));
    }
}
