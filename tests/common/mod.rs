//! Helpers shared by the integration tests.
#![allow(dead_code)]

use baobiao::forms::annual_report_2021::AnnualReport;

pub mod media;
pub mod pdf;

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

/// The numbers of a consistent report, in the form's cell order (200 cells).
pub fn consistent_cells(
    outcomes: &[u64],
    carried_forward: &[u64],
    new_share: &[u64],
    table4: &[u64],
    table2: &[u64],
    fee_cents: u64,
) -> Vec<serde_json::Value> {
    let row = |six: &[u64]| {
        let mut r = six.to_vec();
        r.push(six.iter().sum());
        r
    };
    let outcome_rows: Vec<Vec<u64>> = outcomes.chunks(6).map(row).collect();
    let total_row: Vec<u64> = (0..7)
        .map(|c| outcome_rows.iter().map(|r| r[c]).sum())
        .collect();
    let forward = row(carried_forward);
    let available: Vec<u64> = (0..6).map(|c| total_row[c] + forward[c]).collect();
    let new: Vec<u64> = (0..6).map(|c| available[c] * new_share[c] / 100).collect();
    let carried: Vec<u64> = (0..6).map(|c| available[c] - new[c]).collect();

    let mut cells: Vec<serde_json::Value> = table2.iter().map(|&v| v.into()).collect();
    let fee = format!("{}.{:02}", fee_cents / 100, fee_cents % 100);
    cells.push(serde_json::from_str(&fee).unwrap());
    let rows = [row(&new), row(&carried)]
        .into_iter()
        .chain(outcome_rows)
        .chain([total_row, forward]);
    for r in rows {
        cells.extend(r.into_iter().map(serde_json::Value::from));
    }
    for group in table4.chunks(4) {
        cells.extend(group.iter().map(|&v| serde_json::Value::from(v)));
        cells.push(group.iter().sum::<u64>().into());
    }
    cells
}

pub fn report_json(cells: &[serde_json::Value]) -> serde_json::Value {
    use baobiao::Form;
    let mut json = bundled_json();
    let info = AnnualReport::info();
    assert_eq!(cells.len(), info.cells.len());
    for (cell, value) in info.cells.iter().zip(cells) {
        *json.pointer_mut(&cell.pointer).unwrap() = value.clone();
    }
    json
}

/// Per table of an HTML page, read back with an HTML5 parser: per row, each cell as
/// (text, rowspan, colspan).
pub fn html_tables(html: &str) -> Vec<Vec<Vec<(String, usize, usize)>>> {
    let page = scraper::Html::parse_document(html);
    let select = |s: &str| scraper::Selector::parse(s).unwrap();
    let (table, row, cell) = (select("table"), select("tr"), select("th, td"));
    let span = |e: &scraper::ElementRef<'_>, name: &str| {
        e.value().attr(name).map_or(1, |v| v.parse().unwrap())
    };
    page.select(&table)
        .map(|t| {
            t.select(&row)
                .map(|r| {
                    r.select(&cell)
                        .map(|c| {
                            (
                                c.text().collect::<String>(),
                                span(&c, "rowspan"),
                                span(&c, "colspan"),
                            )
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

pub mod sidecar;

/// A report read through the library's entry, whole or not: the form as JSON (blank cells
/// `null`), what could not be read, and where each cell came from.
pub struct Read {
    pub json: serde_json::Value,
    pub diagnostics: Vec<baobiao::read::Diagnostic>,
    pub positions: std::collections::BTreeMap<String, baobiao::Position>,
    /// False when the form refused the reading (a field it requires was not found).
    pub whole: bool,
}

/// Reads `bytes` (of `kind`) as the form `F` with `baobiao::read::report`.
pub fn read_as<F>(bytes: impl Into<Vec<u8>>, kind: baobiao::read::SourceKind) -> Read
where
    F: baobiao::Form + serde::de::DeserializeOwned + serde::Serialize,
{
    let options = baobiao::read::Options {
        kind: Some(kind),
        ..Default::default()
    };
    match baobiao::read::report::<F>(bytes, &options) {
        Ok(reading) => Read {
            json: serde_json::to_value(&reading.form).unwrap(),
            diagnostics: reading.diagnostics,
            positions: reading.positions,
            whole: true,
        },
        Err(baobiao::read::ReadError::Incomplete { reading, .. }) => Read {
            json: serde_json::from_str(&reading.form).unwrap(),
            diagnostics: reading.diagnostics,
            positions: reading.positions,
            whole: false,
        },
        Err(err) => panic!("{err}"),
    }
}

/// A reading's diagnostics as a person reads them, in Chinese: what tests look for in them.
pub fn said(diagnostics: &[baobiao::read::Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d.describe(baobiao::Lang::Zh))
        .collect()
}

/// The first of `names` that runs (`NAME --version` succeeds): a program a test drives.
pub fn program(names: &[&str]) -> Option<std::path::PathBuf> {
    names
        .iter()
        .find(|name| {
            std::process::Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .map(std::path::PathBuf::from)
}
