//! Repeated rows (`Vec` of a `#[form(columns)]` struct): rules over their sums, the schema,
//! the export, every rendering and reading back.

mod common;

use baobiao::Form;
use common::media::{Account, MediaReport, random_reports};

fn report(json: serde_json::Value) -> MediaReport {
    serde_json::from_value(json).unwrap()
}

#[test]
fn rules_read_the_rows_sums() {
    let ok = report(serde_json::json!({"media": {
        "accounts": [
            {"name": "甲", "posts": 10, "followers": 100},
            {"name": "乙", "posts": 5, "followers": null},
        ],
        "totals": {"posts": 15, "followers": 100}
    }}));
    let checked = ok.check();
    assert!(
        checked.violations().is_empty(),
        "{:?}",
        checked.violations()
    );
    let info = MediaReport::info();
    let pointers: Vec<&str> = info.cells.iter().map(|c| c.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        [
            "/media/accounts/*/posts",
            "/media/accounts/*/followers",
            "/media/totals/posts",
            "/media/totals/followers"
        ]
    );
}

fn sample() -> MediaReport {
    report(serde_json::json!({"media": {
        "accounts": [
            {"name": "甲", "posts": 10, "followers": 100},
            {"name": "乙", "posts": 5, "followers": null},
            {"name": "丙", "posts": 0, "followers": "/"},
        ],
        "totals": {"posts": 16, "followers": 100}
    }}))
}

#[test]
fn a_failure_names_the_column_of_every_row() {
    let form = sample();
    let checked = form.check();
    let violations = checked.violations();
    assert_eq!(violations.len(), 1, "{violations:?}");
    let v = &violations[0];
    assert_eq!(v.id(), "NM-TOTALS");
    let cells: Vec<(&str, String)> = v
        .cells
        .iter()
        .map(|c| (c.pointer, c.labels.join(" › ")))
        .collect();
    assert_eq!(
        cells,
        [
            (
                "/media/totals/posts",
                "一、新媒体 › 合计 › 发布信息数".to_owned()
            ),
            (
                "/media/accounts/*/posts",
                "一、新媒体 › 其他账号 › 各项合计 › 发布信息数".to_owned()
            ),
        ]
    );
    assert_eq!(v.actual(baobiao::Lang::Zh), "16");
    assert_eq!(v.expected(baobiao::Lang::Zh), "15");
    // Drawn: the failure marks the total and the column in every row.
    let document = baobiao::render::document(&form, Some(&checked), baobiao::Lang::Zh);
    let html = baobiao::render::html::page(&document);
    for row in 0..3 {
        let cell = format!("data-pointer=\"/media/accounts/{row}/posts\"");
        let at = html
            .find(&cell)
            .unwrap_or_else(|| panic!("{cell} not drawn"));
        let tag = &html[html[..at].rfind('<').unwrap()..at];
        assert!(tag.contains("fail"), "{tag}");
    }
}

#[test]
fn rows_count_as_one_cell_blank_only_when_every_row_is() {
    use baobiao::{Reason, Side, Status};
    let status = |accounts: serde_json::Value, followers: serde_json::Value| {
        let form = report(serde_json::json!({"media": {
            "accounts": accounts,
            "totals": {"posts": 0, "followers": followers}
        }}));
        let checked = form.check();
        let info = MediaReport::info();
        checked
            .outcomes()
            .iter()
            .find(|o| {
                let i = &info.instances[o.instance];
                info.rules[i.rule].id == "NM-TOTALS" && i.cells().contains(&1)
            })
            .map(|o| o.status)
            .unwrap()
    };
    let row = |followers: serde_json::Value| serde_json::json!({"name": "甲", "posts": 0, "followers": followers});
    // No rows sum to 0.
    assert_eq!(status(serde_json::json!([]), 0.into()), Status::Pass);
    assert!(matches!(
        status(serde_json::json!([]), 1.into()),
        Status::Fail { .. }
    ));
    // Blank rows count as 0 beside a number.
    assert_eq!(
        status(
            serde_json::json!([row(5.into()), row(serde_json::Value::Null)]),
            5.into()
        ),
        Status::Pass
    );
    // Every row blank or not applicable: the column is blank, nothing to compare.
    assert_eq!(
        status(
            serde_json::json!([row(serde_json::Value::Null), row("/".into())]),
            5.into()
        ),
        Status::NotAssessable(Reason::SideBlank(Side::Rhs))
    );
}

/// Reports with 0 to 5 rows of blanks, marks and numbers: the check, the table of instances
/// over the form's cells, and the exported JSON Logic (baobiao's exact engine) decide alike.
#[test]
fn the_check_the_table_and_the_export_agree() {
    use baobiao::schema::exported::{Verdict, decide};
    let schema = baobiao::schema::root::<MediaReport>();
    // How many instances ended each way: every way is met.
    let mut seen = [0; 3];
    for json in random_reports(300, 7) {
        let form = report(json.clone());
        let checked = form.check();
        let info = MediaReport::info();
        let from_slots = baobiao::Report::from_slots(info, form.slots(), Default::default());
        assert_eq!(checked.outcomes(), from_slots.outcomes(), "{json}");
        let document = baobiao::schema::exact::Exact::parse(&json.to_string()).unwrap();
        let exported = decide(&schema, &document).unwrap();
        for outcome in checked.outcomes() {
            let instance = &info.instances[outcome.instance];
            assert_eq!(
                instance.decide(|c| checked.cell(c)),
                (outcome.status, outcome.blanks)
            );
            let expected = match outcome.status {
                baobiao::Status::Pass => Verdict::Pass,
                baobiao::Status::Fail { .. } => Verdict::Fail,
                baobiao::Status::NotAssessable(_) => Verdict::NotAssessable,
            };
            assert_eq!(exported[outcome.instance].verdict, expected, "{json}");
            seen[expected as usize] += 1;
        }
    }
    assert!(seen.iter().all(|&n| n > 30), "{seen:?}");
}

#[test]
fn the_schema_takes_any_number_of_rows_and_names_them() {
    let schema = baobiao::schema::root::<MediaReport>();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let form = sample();
    assert!(validator.is_valid(&serde_json::to_value(&form).unwrap()));
    let mut no_rows = serde_json::to_value(&form).unwrap();
    no_rows["media"]["accounts"] = serde_json::json!([]);
    assert!(validator.is_valid(&no_rows));
    let mut not_a_row = no_rows.clone();
    not_a_row["media"]["accounts"] =
        serde_json::json!([{"name": "甲", "posts": -1, "followers": 0}]);
    assert!(!validator.is_valid(&not_a_row));
    assert!(serde_json::from_value::<MediaReport>(not_a_row).is_err());
    // The layout tells other tools which rows repeat, and their cells by template.
    let layout = &schema["x-baobiao-layout"]["tables"][0]["blocks"][0]["rows"][0];
    assert_eq!(layout["repeated"], true, "{layout}");
    assert_eq!(layout["pointer"], "/media/accounts");
    assert_eq!(layout["cells"][1]["pointer"], "/media/accounts/*/posts");
}

#[test]
fn rows_out_of_order_or_unnumbered_are_said_not_guessed() {
    let form = sample();
    let (html, kind) = rendered(&form, "html");
    let html = String::from_utf8(html).unwrap();
    let options = baobiao::read::Options {
        kind: Some(kind),
        ..Default::default()
    };
    // The second element numbered as the third: read up to it, the rest said.
    let skipped = html.replacen("第2项", "第3项", 1);
    let read = baobiao::read::report::<MediaReport>(skipped.into_bytes(), &options).unwrap();
    let said = common::said(&read.diagnostics);
    assert!(
        said.iter().any(|d| d.contains("此处应为第2项，却是第3项")),
        "{said:?}"
    );
    assert_eq!(read.form.media.accounts.len(), 1);
    // A row not read leaves the rows' sums unknown: the reading is incomplete, so a check of
    // it cannot pass.
    assert!(!read.is_complete());
}

fn rendered(form: &MediaReport, format: &str) -> (Vec<u8>, baobiao::read::SourceKind) {
    use baobiao::read::SourceKind;
    use baobiao::render;
    let checked = form.check();
    let document = render::document(form, Some(&checked), baobiao::Lang::Zh);
    match format {
        "html" => (render::html::page(&document).into(), SourceKind::Html),
        "text" => (
            render::text::document(&document, false).into(),
            SourceKind::Text,
        ),
        "markdown" => (
            render::markdown::document(&document).into(),
            SourceKind::Text,
        ),
        "csv" => (render::csv::document(&document).into(), SourceKind::Csv),
        "xlsx" => (render::xlsx::document(&document).unwrap(), SourceKind::Xlsx),
        _ => (render::docx::document(&document).unwrap(), SourceKind::Docx),
    }
}

#[test]
fn reads_back_any_number_of_rows() {
    let mut form = sample();
    for rows in [3, 0, 1, 12] {
        form.media.accounts = (0..rows)
            .map(|i| Account {
                name: format!("账号{i}"),
                posts: baobiao::Cell::Value(i as u64 * 7),
                followers: if i % 3 == 1 {
                    baobiao::Cell::Blank
                } else {
                    baobiao::Cell::Value(i as u64)
                },
            })
            .collect();
        for format in ["html", "text", "markdown", "csv", "xlsx", "docx"] {
            let (bytes, kind) = rendered(&form, format);
            let options = baobiao::read::Options {
                kind: Some(kind),
                ..Default::default()
            };
            let read = baobiao::read::report::<MediaReport>(bytes, &options);
            let read = read.unwrap_or_else(|e| panic!("{format} with {rows} rows: {e}"));
            assert_eq!(read.diagnostics, vec![], "{format} with {rows} rows");
            assert_eq!(read.form, form, "{format} with {rows} rows");
        }
    }
}

#[test]
fn rows_beyond_the_limit_are_said_not_read() {
    let mut form = sample();
    let limit = baobiao::read::MAX_ROWS;
    form.media.accounts = (0..=limit)
        .map(|i| Account {
            name: format!("账号{i}"),
            posts: baobiao::Cell::Value(1),
            followers: baobiao::Cell::Blank,
        })
        .collect();
    let (csv, kind) = rendered(&form, "csv");
    let options = baobiao::read::Options {
        kind: Some(kind),
        ..Default::default()
    };
    let read = baobiao::read::report::<MediaReport>(csv, &options).unwrap();
    let said: Vec<String> = read
        .diagnostics
        .iter()
        .map(|d| d.describe(baobiao::Lang::En))
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("more than 10000 repeated rows"),
        "{said:?}"
    );
    assert_eq!(read.form.media.accounts.len(), limit);
}
