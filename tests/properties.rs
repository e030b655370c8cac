//! Property tests over generated 2021 reports: consistent ones pass, and any single-cell change
//! in tables 3 or 4 is caught by a violation naming that cell.

mod common;

#[path = "../benches/handwritten.rs"]
mod handwritten;

use baobiao::Form;
use baobiao::forms::annual_report_2021::AnnualReport;
use proptest::prelude::*;

fn consistent() -> impl Strategy<Value = serde_json::Value> {
    (
        prop::collection::vec(0u64..200, 21 * 6),
        prop::collection::vec(0u64..50, 6),
        prop::collection::vec(0u64..=100, 6),
        prop::collection::vec(0u64..30, 12),
        prop::collection::vec(0u64..1_000_000, 9),
        0u64..10_000_000,
    )
        .prop_map(|(outcomes, forward, share, t4, t2, fee)| {
            common::report_json(&common::consistent_cells(
                &outcomes, &forward, &share, &t4, &t2, fee,
            ))
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn consistent_reports_pass_every_rule(json in consistent()) {
        let report: AnnualReport = serde_json::from_value(json).unwrap();
        let checked = report.check();
        let summary = checked.summary();
        prop_assert!(summary.ok);
        prop_assert!(summary.violations.is_empty(), "{:?}", summary.violations);
        prop_assert!(summary.not_assessable.is_empty());
        prop_assert!(summary.notes.is_empty());
    }

    #[test]
    fn any_single_cell_change_in_tables_3_and_4_is_caught(
        json in consistent(),
        which in 0usize..190,
        delta in 1u64..500,
        down in any::<bool>(),
    ) {
        let pointer = &common::table_3_and_4_pointers()[which];
        let mut json = json;
        let cell = json.pointer_mut(pointer).unwrap();
        let old = cell.as_u64().unwrap();
        let new = if down && old >= delta { old - delta } else { old + delta };
        *cell = new.into();
        let report: AnnualReport = serde_json::from_value(json).unwrap();
        let checked = report.check();
        let summary = checked.summary();
        prop_assert!(!summary.ok, "changing {} from {} to {} went unnoticed", pointer, old, new);
        prop_assert!(
            summary.violations.iter().any(|v| v.cells.iter().any(|c| c.pointer == pointer)),
            "no violation names {}", pointer
        );
    }
}

/// A report with some cells blanked or marked not applicable, and some raised.
fn messy() -> impl Strategy<Value = serde_json::Value> {
    (
        consistent(),
        prop::collection::vec((0usize..200, 0u8..4, 1u64..50), 0..12),
    )
        .prop_map(|(mut json, edits)| {
            let info = AnnualReport::info();
            for (which, kind, delta) in edits {
                let pointer = &info.cells[which].pointer;
                let cell = json.pointer_mut(pointer).unwrap();
                *cell = match kind {
                    0 => serde_json::Value::Null,
                    1 => "—".into(),
                    2 => (cell.as_u64().unwrap_or(0) + delta).into(),
                    _ => cell.clone(),
                };
            }
            json
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    /// The check decides every instance as the hand-written check of the same rules does, and
    /// its fast path as the evaluator's exact definition (`decide`) does.
    #[test]
    fn check_agrees_with_the_hand_written_check_and_the_exact_evaluator(json in messy()) {
        let report: AnnualReport = serde_json::from_value(json).unwrap();
        let checked = report.check();
        let info = AnnualReport::info();
        let decided: Vec<handwritten::HandOutcome> = checked
            .outcomes()
            .iter()
            .map(|o| {
                let (status, blanks) =
                    info.instances[o.instance].decide(|c| checked.cell(c));
                prop_assert_eq!((status, blanks), (o.status, o.blanks));
                Ok(handwritten::HandOutcome {
                    rule: handwritten::rule_id(&info.rules[info.instances[o.instance].rule].id),
                    status: o.status,
                    blanks: o.blanks as usize,
                })
            })
            .collect::<Result<_, TestCaseError>>()?;
        prop_assert_eq!(decided, handwritten::check(&report));
        // Checked from its cells alone, the form is decided alike.
        let from_slots = baobiao::Report::from_slots(info, report.slots(), baobiao::CheckOptions::default());
        prop_assert_eq!(checked.outcomes(), from_slots.outcomes());
        prop_assert_eq!(checked.summary(), from_slots.summary());
    }
}
