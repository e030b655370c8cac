//! Helpers shared by the integration tests.
#![allow(dead_code)]

use baobiao::forms::annual_report_2021::AnnualReport;

pub const BUNDLED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/reports/xiangtan-county-police-2024.json"
);

pub fn bundled_json() -> serde_json::Value {
    let text = std::fs::read_to_string(BUNDLED).expect("bundled report");
    serde_json::from_str(&text).expect("bundled report is JSON")
}

pub fn bundled() -> AnnualReport {
    serde_json::from_value(bundled_json()).expect("bundled report is a 2021 form")
}

/// Pointers of the numeric cells of tables 3 and 4.
pub fn table_3_and_4_pointers() -> Vec<String> {
    use baobiao::Form;
    AnnualReport::info()
        .cells
        .iter()
        .map(|c| c.pointer.clone())
        .filter(|p| p.starts_with("/applications/") || p.starts_with("/reviews_and_lawsuits/"))
        .collect()
}

/// The JSON with the cell at `pointer` raised by `delta` (a blank cell becomes `delta`).
pub fn bump(json: &serde_json::Value, pointer: &str, delta: u64) -> serde_json::Value {
    let mut json = json.clone();
    let cell = json.pointer_mut(pointer).expect("cell exists");
    let value = cell.as_u64().unwrap_or(0) + delta;
    *cell = serde_json::Value::from(value);
    json
}
