//! The likely wrong cell: for the failing rules of a report, the fewest cells whose change
//! makes every rule hold, with the values that would.

mod common;

use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::{Form, Num, Slot};
use proptest::prelude::*;

/// The report of `json`, its localisation, and whether every candidate, applied, makes every
/// error-severity rule hold (checked again by the form's own check).
fn localised(json: &serde_json::Value) -> (baobiao::Localisation, bool) {
    let report: AnnualReport = serde_json::from_value(json.clone()).unwrap();
    let found = report.check().likely_wrong();
    let info = AnnualReport::info();
    let every_candidate_holds = found.candidates.iter().all(|set| {
        let mut fixed = json.clone();
        for change in set {
            let text = change.value.to_string();
            *fixed.pointer_mut(&info.cells[change.cell].pointer).unwrap() =
                serde_json::from_str(&text).unwrap();
        }
        let fixed: AnnualReport = serde_json::from_value(fixed).unwrap();
        fixed.check().is_ok()
    });
    (found, every_candidate_holds)
}

/// Every cell of tables 3 and 4 raised by one, in turn: the raised cell is named, with its
/// value before. In table 3 it is the only candidate (a row and a column cross there); in
/// table 4 a group's one rule is broken, and any of its cells could be the wrong one.
#[test]
fn every_one_of_the_190_cells_raised_is_named_as_the_likely_wrong_one() {
    let json = common::bundled_json();
    let info = AnnualReport::info();
    let pointers = common::table_3_and_4_pointers();
    assert_eq!(pointers.len(), 190);
    for pointer in &pointers {
        let cell = info.cell_index(pointer).unwrap();
        let before = json.pointer(pointer).unwrap().as_u64().unwrap_or(0);
        let raised = common::bump(&json, pointer, 1);
        let (found, holds) = localised(&raised);
        assert!(
            holds,
            "{pointer}: a candidate that does not make the rules hold"
        );
        assert_eq!(found.size(), 1, "{pointer}: {found:?}");
        let named = found
            .candidates
            .iter()
            .find(|set| set[0].cell == cell)
            .unwrap_or_else(|| panic!("{pointer} is not named: {found:?}"));
        assert_eq!(named[0].value, Num::Int(i128::from(before)), "{pointer}");
        assert_eq!(named[0].was, Slot::Num(Num::Int(i128::from(before) + 1)));
        if pointer.starts_with("/applications/") {
            assert!(found.is_unique(), "{pointer}: {found:?}");
        } else {
            // A group of table 4: its five cells, less those that cannot go down by one.
            assert!(found.candidates.len() <= 5, "{pointer}: {found:?}");
        }
    }
}

#[test]
fn a_consistent_report_has_no_likely_wrong_cell() {
    let (found, _) = localised(&common::bundled_json());
    assert!(found.candidates.is_empty());
    assert!(!found.bounded);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    /// One to three wrong cells planted in a consistent report of table 3: what is found is
    /// never larger than what was planted, every candidate makes every rule hold, and where
    /// the planted cells are the one smallest explanation they are what is found.
    #[test]
    fn planted_errors_are_found_or_explained_as_simply(
        outcomes in prop::collection::vec(0u64..40, 126),
        forward in prop::collection::vec(0u64..10, 6),
        share in prop::collection::vec(0u64..101, 6),
        plants in prop::collection::vec((0usize..175, 1u64..9, any::<bool>()), 1..=3),
    ) {
        let cells = common::consistent_cells(
            &outcomes, &forward, &share, &[1; 12], &[0; 9], 0,
        );
        let consistent = common::report_json(&cells);
        let info = AnnualReport::info();
        let table3: Vec<&str> = info
            .cells
            .iter()
            .map(|c| c.pointer.as_str())
            .filter(|p| p.starts_with("/applications/"))
            .collect();
        let mut planted = consistent.clone();
        let mut changed = Vec::new();
        for (at, delta, up) in plants {
            let pointer = table3[at];
            let cell = planted.pointer_mut(pointer).unwrap();
            let value = cell.as_u64().unwrap();
            let new = if up || value < delta { value + delta } else { value - delta };
            *cell = new.into();
            if !changed.contains(&pointer) {
                changed.push(pointer);
            }
        }
        let report: AnnualReport = serde_json::from_value(planted.clone()).unwrap();
        prop_assume!(!report.check().is_ok());
        let (found, holds) = localised(&planted);
        prop_assert!(holds, "{found:?}");
        if !found.candidates.is_empty() {
            prop_assert!(found.size() <= changed.len(), "{found:?} for {changed:?}");
        }
        if changed.len() == 1 {
            // One wrong cell of table 3 is always found, and alone.
            prop_assert!(found.is_unique(), "{found:?} for {changed:?}");
            let cell = info.cell_index(changed[0]).unwrap();
            prop_assert_eq!(found.candidates[0][0].cell, cell);
        }
        if found.size() == changed.len() && found.is_unique() {
            let mut named: Vec<&str> = found.candidates[0]
                .iter()
                .map(|c| info.cells[c.cell].pointer.as_str())
                .collect();
            named.sort_unstable();
            let mut planted_cells = changed.clone();
            planted_cells.sort_unstable();
            prop_assert_eq!(named, planted_cells);
        }
    }
}

/// `check` says the likely wrong cell first, and its JSON gives it with the value that fixes.
#[test]
fn check_names_the_likely_wrong_cell_first() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("localise-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("failing.json");
    let json = common::bump(
        &common::bundled_json(),
        "/applications/outcomes/granted/natural_persons",
        1,
    );
    std::fs::write(&file, json.to_string()).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_baobiao"))
            .arg("check")
            .arg(&file)
            .args(args)
            .output()
            .unwrap()
    };
    let text = String::from_utf8(run(&[]).stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].starts_with("结论：未通过"), "{text}");
    assert_eq!(
        lines[2],
        "最可能有误：三、收到和处理政府信息公开申请情况 › 三、本年度办理结果 › （一）予以公开 › 自然人 = 6，改为 5，则不符合的规则全部成立。"
    );
    let english = String::from_utf8(run(&["--lang", "en"]).stdout).unwrap();
    assert!(english.contains("Likely wrong: "), "{english}");
    assert!(
        english.contains("= 6, to 5, and every failing rule holds."),
        "{english}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["--format", "json"]).stdout).unwrap();
    let likely = &json["likely_wrong"];
    assert_eq!(likely.as_array().unwrap().len(), 1);
    assert_eq!(
        likely[0][0]["pointer"],
        "/applications/outcomes/granted/natural_persons"
    );
    assert_eq!(likely[0][0]["value"], 6);
    assert_eq!(likely[0][0]["fix"], 5);
}
