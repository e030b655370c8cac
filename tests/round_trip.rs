//! Render → read gives back the identical form, for the renderers that have a reader so far
//! (HTML), on the bundled report and as a property over generated reports with blanks and
//! marks.

mod common;

use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::read::matching::read_form;
use baobiao::{Form, Lang, render};
use proptest::prelude::*;

fn html_round_trip(json: serde_json::Value) -> Result<(), TestCaseError> {
    let form: AnnualReport = serde_json::from_value(json).unwrap();
    let checked = form.check();
    let page = render::html::page(&render::document(&form, Some(&checked), Lang::Zh));
    let read = read_form(AnnualReport::info(), &baobiao::read::html::read(&page));
    prop_assert_eq!(&read.diagnostics, &vec![]);
    let back: AnnualReport = serde_json::from_value(read.json).unwrap();
    prop_assert_eq!(back, form);
    Ok(())
}

#[test]
fn the_bundled_report_survives_html() {
    html_round_trip(common::bundled_json()).unwrap();
}

fn messy() -> impl Strategy<Value = serde_json::Value> {
    (
        prop::collection::vec(0u64..500, 21 * 6),
        prop::collection::vec(0u64..50, 6),
        prop::collection::vec(0u64..=100, 6),
        prop::collection::vec(0u64..30, 12),
        prop::collection::vec(0u64..10_000_000, 9),
        0u64..10_000_000,
        prop::collection::vec((0usize..200, 0u8..3), 0..10),
    )
        .prop_map(|(outcomes, forward, share, t4, t2, fee, edits)| {
            use baobiao::Form;
            let mut json = common::report_json(&common::consistent_cells(
                &outcomes, &forward, &share, &t4, &t2, fee,
            ));
            let info = AnnualReport::info();
            for (which, kind) in edits {
                let cell = json.pointer_mut(&info.cells[which].pointer).unwrap();
                *cell = match kind {
                    0 => serde_json::Value::Null,
                    1 => "—".into(),
                    _ => "/".into(),
                };
            }
            json
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_reports_survive_html(json in messy()) {
        html_round_trip(json)?;
    }
}
