//! Render → read gives back the identical form, for every renderer that has a reader (HTML,
//! text, Markdown, CSV, XLSX, DOCX), on the bundled report and as a property over generated
//! reports with blanks, marks, decimal amounts and failing cells (which the renderers mark).

mod common;

use std::str::FromStr;

use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::read::{Options, SourceKind};
use baobiao::{Form, Lang, ValueKind, render};
use proptest::prelude::*;

#[derive(Clone, Copy, Debug)]
enum Format {
    Html,
    Text,
    Markdown,
    Csv,
    Xlsx,
    Docx,
}

const FORMATS: [Format; 6] = [
    Format::Html,
    Format::Text,
    Format::Markdown,
    Format::Csv,
    Format::Xlsx,
    Format::Docx,
];

/// The form rendered in `format`: the file's bytes, and its kind.
fn rendered<F: Form + serde::Serialize>(form: &F, format: Format) -> (Vec<u8>, SourceKind) {
    let checked = form.check();
    let document = render::document(form, Some(&checked), Lang::Zh);
    match format {
        Format::Html => (render::html::page(&document).into(), SourceKind::Html),
        Format::Text => (
            render::text::document(&document, false).into(),
            SourceKind::Text,
        ),
        Format::Markdown => (
            render::markdown::document(&document).into(),
            SourceKind::Text,
        ),
        Format::Csv => (render::csv::document(&document).into(), SourceKind::Csv),
        Format::Xlsx => (render::xlsx::document(&document).unwrap(), SourceKind::Xlsx),
        Format::Docx => (render::docx::document(&document).unwrap(), SourceKind::Docx),
    }
}

/// Every format, read back through `baobiao::read::report`, gives back `form`, with no
/// diagnostic.
fn survives<F>(form: &F) -> Result<(), TestCaseError>
where
    F: Form + serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    for format in FORMATS {
        let (bytes, kind) = rendered(form, format);
        let options = Options {
            kind: Some(kind),
            ..Options::default()
        };
        let read = baobiao::read::report::<F>(bytes, &options).unwrap();
        prop_assert_eq!(&read.diagnostics, &vec![], "{:?}", format);
        let back = read.form;
        prop_assert_eq!(&back, form, "{:?}", format);
        // Digit for digit: `96171.60` comes back as `96171.60`, not `96171.6`.
        prop_assert_eq!(
            serde_json::to_string(&back).unwrap(),
            serde_json::to_string(form).unwrap(),
            "{:?}",
            format
        );
    }
    Ok(())
}

fn round_trip(json: serde_json::Value) -> Result<(), TestCaseError> {
    let form: AnnualReport = serde_json::from_value(json).unwrap();
    survives(&form)
}

/// The 2019 form too: the Shanghai page as read (its procurement amount, published as
/// `251000元` in a column the template gives no unit, normalised to 元 and drawn under
/// `采购总金额（元）`).
#[test]
fn the_2019_shanghai_report_survives_every_format() {
    use baobiao::forms::annual_report_2019::AnnualReport2019;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/reports/shanghai-gov-office-2019.html"
    );
    let read =
        baobiao::read::report_at::<AnnualReport2019>(path.as_ref(), &Options::default()).unwrap();
    assert_eq!(read.diagnostics, vec![]);
    let form = read.form;
    assert_eq!(
        serde_json::to_value(&form).unwrap()["active_disclosure"]["article_20_9"]["central_procurement"]
            ["amount"],
        serde_json::json!(251000)
    );
    survives(&form).unwrap();
}

#[test]
fn the_bundled_report_survives_every_format() {
    round_trip(common::bundled_json()).unwrap();
}

/// Consistent reports, then some cells made blank, `—`, `/` or raised by one (so rules fail and
/// the renderers mark those cells), and the fee given cents.
fn messy() -> impl Strategy<Value = serde_json::Value> {
    (
        prop::collection::vec(0u64..500, 21 * 6),
        prop::collection::vec(0u64..50, 6),
        prop::collection::vec(0u64..=100, 6),
        prop::collection::vec(0u64..30, 12),
        prop::collection::vec(0u64..10_000_000, 9),
        0u64..10_000_000,
        0u64..100,
        prop::collection::vec((0usize..200, 0u8..4), 0..10),
    )
        .prop_map(|(outcomes, forward, share, t4, t2, fee, cents, edits)| {
            let mut json = common::report_json(&common::consistent_cells(
                &outcomes, &forward, &share, &t4, &t2, fee,
            ));
            let info = AnnualReport::info();
            for cell in info.cells.iter().filter(|c| c.kind == ValueKind::Amount) {
                *json.pointer_mut(&cell.pointer).unwrap() = serde_json::Value::Number(
                    serde_json::Number::from_str(&format!("{fee}.{cents:02}")).unwrap(),
                );
            }
            for (which, kind) in edits {
                let pointer = &info.cells[which].pointer;
                if kind == 3 {
                    json = common::bump(&json, pointer, 1);
                    continue;
                }
                *json.pointer_mut(pointer).unwrap() = match kind {
                    0 => serde_json::Value::Null,
                    1 => "—".into(),
                    _ => "/".into(),
                };
            }
            json
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_reports_survive_every_format(json in messy()) {
        round_trip(json)?;
    }
}

#[test]
fn the_cli_reads_every_format_it_renders() {
    let bundled = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/reports/xiangtan-county-police-2024.json"
    );
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_baobiao"))
            .args(args)
            .output()
            .unwrap()
    };
    let expected = common::bundled_json();
    for (to, extension) in [
        ("html", "html"),
        ("text", "txt"),
        ("md", "md"),
        ("csv", "csv"),
        ("xlsx", "xlsx"),
        ("docx", "docx"),
    ] {
        let file = dir.join(format!("round-trip.{extension}"));
        let file = file.to_str().unwrap();
        let rendered = run(&["render", bundled, "--to", to, "-o", file]);
        assert_eq!(rendered.status.code(), Some(0), "render {to}");
        let read = run(&["read", file]);
        assert_eq!(
            read.status.code(),
            Some(0),
            "read {to}: {}",
            String::from_utf8_lossy(&read.stderr)
        );
        let out: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
        assert_eq!(out["form"], "annual-report-2021", "{to}");
        assert_eq!(out["diagnostics"], serde_json::json!([]), "{to}");
        assert_eq!(out["report"], expected, "{to}");
        // Every cell says where it was read from (and the lines of metadata theirs).
        let sources = out["sources"].as_object().unwrap();
        for cell in &<AnnualReport as baobiao::Form>::info().cells {
            assert!(
                sources.contains_key(&cell.pointer),
                "{to}: {}",
                cell.pointer
            );
        }
        let checked = run(&["check", file]);
        assert_eq!(checked.status.code(), Some(0), "check {to}");
    }
}

/// A form of another shape than the annual report, declared here: sections not numbered, no
/// title, agency or year but a `label：value` line, `deny_unknown_fields`, a table of one row type with a unit and a
/// total, a table of rows whose totals are columns, and an optional text. It renders and reads
/// back identically in every format.
mod survey {
    use baobiao::{Amount, Count, Form};
    use serde::{Deserialize, Serialize};

    #[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
    #[serde(deny_unknown_fields)]
    #[form(label = "社区服务情况统计表")]
    pub struct Survey {
        #[form(label = "填报单位", meta)]
        pub filer: String,
        #[form(label = "基本情况", section)]
        pub summary: String,
        #[form(label = "经费收支", section)]
        pub money: Money,
        #[form(label = "服务人次")]
        pub visits: Visits,
        #[form(label = "备注")]
        pub remarks: Option<String>,
    }

    #[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
    #[serde(deny_unknown_fields)]
    #[form(corner = "项目")]
    pub struct Money {
        #[form(label = "上级拨款")]
        pub grants: Flow,
        #[form(label = "自筹")]
        pub own: Flow,
        #[form(label = "合计", total(id = "MONEY-TOTAL"))]
        pub total: Flow,
    }

    #[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
    #[serde(deny_unknown_fields)]
    #[form(columns)]
    pub struct Flow {
        #[form(label = "收入", unit = "万元")]
        pub income: Amount,
        #[form(label = "支出", unit = "万元")]
        pub spending: Amount,
    }

    #[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
    #[serde(deny_unknown_fields)]
    pub struct Visits {
        #[form(label = "上半年")]
        pub first_half: People,
        #[form(label = "下半年")]
        pub second_half: People,
    }

    #[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
    #[serde(deny_unknown_fields)]
    #[form(columns, label = "人次")]
    pub struct People {
        #[form(label = "老年人")]
        pub elderly: Count,
        #[form(label = "儿童")]
        pub children: Count,
        #[form(label = "小计", total(id = "PEOPLE-TOTAL"))]
        pub subtotal: Count,
    }
}

#[test]
fn a_form_of_another_shape_survives_every_format() {
    use survey::Survey;
    let mut json = serde_json::json!({
        "filer": "某街道社区服务中心",
        "summary": "本年度社区服务运行平稳。\n第二段说明。",
        "money": {
            "grants": {"income": 0.0, "spending": 0.0},
            "own": {"income": 3.25, "spending": null},
            "total": {"income": 0.0, "spending": 8.5}
        },
        "visits": {
            "first_half": {"elderly": 120, "children": 45, "subtotal": 165},
            "second_half": {"elderly": "—", "children": 30, "subtotal": 30}
        }
    });
    json["money"]["grants"]["income"] = serde_json::from_str("96171.60").unwrap();
    let exact = r#""grants":{"income":96171.60,"spending":8.50}"#;
    let text = json
        .to_string()
        .replace(r#""grants":{"income":96171.6,"spending":0.0}"#, exact);
    assert!(text.contains(exact), "{text}");
    let form: Survey = serde_json::from_str(&text).unwrap();
    assert!(
        !form.check().is_ok(),
        "the totals do not add up: the renderers mark them"
    );
    survives(&form).unwrap();
    let with_remarks = Survey {
        remarks: Some("无其他说明。".to_owned()),
        ..form
    };
    survives(&with_remarks).unwrap();
}
