//! Repeated rows (`Vec` of a `#[form(columns)]` struct): rules over their sums, the schema,
//! the export, every rendering and reading back.

use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

/// One new-media account.
#[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[form(columns)]
struct Account {
    #[form(label = "账号名称")]
    name: String,
    #[form(label = "发布信息数")]
    posts: Count,
    #[form(label = "关注量")]
    followers: Count,
}

/// The accounts' totals.
#[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[form(columns)]
struct Totals {
    #[form(label = "发布信息数")]
    posts: Count,
    #[form(label = "关注量")]
    followers: Count,
}

/// 新媒体账号情况.
#[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[form(label = "新媒体账号情况")]
#[form(check(totals == sum(accounts[..]), id = "NM-TOTALS", message = "合计等于各账号之和"))]
#[form(check(sum(accounts[..].posts) <= 1000, id = "NM-CAP", message = "发布信息数不超过1000"))]
struct Media {
    #[form(label = "其他账号")]
    accounts: Vec<Account>,
    #[form(label = "合计")]
    totals: Totals,
}

#[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[form(label = "新媒体年度报表")]
struct MediaReport {
    #[form(label = "一、新媒体")]
    media: Media,
}

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
fn draws_one_row_per_element() {
    let form = sample();
    let checked = form.check();
    let document = baobiao::render::document(&form, Some(&checked), baobiao::Lang::Zh);
    let text = baobiao::render::text::document(&document, false);
    println!("{text}");
    println!("{}", baobiao::render::markdown::document(&document));
    println!("{}", baobiao::render::csv::document(&document));
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
