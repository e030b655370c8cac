//! The form defined from scratch in `examples/province_variant.rs` behaves as declared:
//! subtotals stand for their groups, so nothing is counted twice.

#[allow(dead_code)]
#[path = "../examples/province_variant.rs"]
mod province_variant;

use baobiao::Form;
use province_variant::Applications;

fn sample() -> serde_json::Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/reports/province-variant.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_sample_passes_and_the_rules_are_as_declared() {
    let report: Applications = serde_json::from_value(sample()).unwrap();
    assert!(report.check().violations().is_empty());
    let info = Applications::info();
    assert_eq!(info.cells.len(), 6 * 8);
    let row_total = info.rule("P3-ROW-TOTAL").unwrap();
    assert_eq!(
        row_total.expression,
        "total == natural_persons + organisations.subtotal"
    );
    // The row total reads 自然人 and the 小计 column, not the three organisation columns.
    let first = &info.instances[row_total.instances[0]];
    let read: Vec<&str> = first
        .cells()
        .iter()
        .map(|&c| info.cells[c].pointer.as_str())
        .collect();
    assert_eq!(
        read,
        [
            "/new_received/total",
            "/new_received/natural_persons",
            "/new_received/organisations/subtotal"
        ]
    );
    let result = info.rule("P3-RESULT-SUM").unwrap();
    assert_eq!(result.expression, "total == granted + withheld.subtotal");
}

#[test]
fn a_wrong_subtotal_is_named() {
    let mut json = sample();
    *json
        .pointer_mut("/outcomes/withheld/subtotal/organisations/business")
        .unwrap() = 5.into();
    let report: Applications = serde_json::from_value(json).unwrap();
    let checked = report.check();
    let rules: Vec<&str> = checked
        .violations()
        .into_iter()
        .filter(|v| {
            v.cells
                .iter()
                .any(|c| c.pointer == "/outcomes/withheld/subtotal/organisations/business")
        })
        .map(|v| v.id())
        .collect();
    assert_eq!(
        rules,
        ["P3-RESULT-SUM", "P3-WITHHELD-SUBTOTAL", "P3-ORG-SUBTOTAL"]
    );
}
