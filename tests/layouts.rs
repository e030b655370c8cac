//! Kinds and layouts beyond the official forms': `#[form(unit_column)]` (label–value blocks with a
//! column of units, read back in the units it states), text on several lines in a cell, and a
//! number a report may leave out (`Option<Count>`, absent unlike blank).

use baobiao::{Amount, Count, Form, Lang, render};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize, Debug, PartialEq)]
#[form(label = "网站运行情况", unit_column)]
struct Site {
    #[form(label = "访问情况")]
    visits: Visits,
}

#[derive(Form, Serialize, Deserialize, Debug, PartialEq)]
struct Visits {
    #[form(label = "独立用户访问总量", unit = "个")]
    users: Count,
    #[form(label = "网站总访问量", unit = "次")]
    views: Count,
    #[form(label = "运维经费", unit = "万元")]
    funds: Amount,
    #[form(label = "网站名称")]
    name: String,
}

fn site() -> Site {
    serde_json::from_str(
        r#"{"visits": {"users": 6423, "views": 18200, "funds": 12.50, "name": "示例县人民政府门户网站"}}"#,
    )
    .unwrap()
}

#[test]
fn units_stand_in_their_own_column() {
    let form = site();
    let document = render::document(&form, None, Lang::Zh);
    let markdown = render::markdown::document(&document);
    assert!(
        markdown.contains("| 独立用户访问总量 | 个 | 6423 |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| 运维经费 | 万元 | 12.50 |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| 网站名称 |  | 示例县人民政府门户网站 |"),
        "{markdown}"
    );
    // The labels no longer carry the unit.
    assert!(!markdown.contains("（单位：个）"), "{markdown}");
}

#[test]
fn a_published_unit_column_says_what_a_value_is_in() {
    let html = "<h1>网站运行情况</h1><h2>访问情况</h2><table>\
        <tr><th>独立用户访问总量</th><td>个</td><td>6423</td></tr>\
        <tr><th>网站总访问量</th><td>次</td><td>18200</td></tr>\
        <tr><th>运维经费</th><td>元</td><td>125000</td></tr>\
        <tr><th>网站名称</th><td></td><td>示例县人民政府门户网站</td></tr></table>";
    let options = baobiao::read::Options {
        kind: Some(baobiao::read::SourceKind::Html),
        ..Default::default()
    };
    let read = baobiao::read::report::<Site>(html.as_bytes().to_vec(), &options).unwrap();
    assert_eq!(read.diagnostics, vec![]);
    // 125000 元 is 12.5 万元, the form's unit.
    assert_eq!(
        read.form.visits.funds,
        baobiao::Cell::Value("12.5".parse().unwrap())
    );
    assert_eq!(read.form.visits.users, baobiao::Cell::Value(6423));
}

/// Text with line breaks in a table cell comes back with them, in every format.
#[test]
fn line_breaks_in_a_cell_survive_every_format() {
    use baobiao::read::SourceKind;
    let mut form = site();
    form.visits.name = "第一行\n第二行\n\n第四行".to_owned();
    let document = render::document(&form, None, Lang::Zh);
    let files: Vec<(&str, Vec<u8>, SourceKind)> = vec![
        (
            "html",
            render::html::page(&document).into(),
            SourceKind::Html,
        ),
        (
            "text",
            render::text::document(&document, false).into(),
            SourceKind::Text,
        ),
        (
            "markdown",
            render::markdown::document(&document).into(),
            SourceKind::Text,
        ),
        (
            "csv",
            render::csv::document(&document).into(),
            SourceKind::Csv,
        ),
        (
            "xlsx",
            render::xlsx::document(&document).unwrap(),
            SourceKind::Xlsx,
        ),
        (
            "docx",
            render::docx::document(&document).unwrap(),
            SourceKind::Docx,
        ),
    ];
    for (format, bytes, kind) in files {
        let options = baobiao::read::Options {
            kind: Some(kind),
            ..Default::default()
        };
        let read = baobiao::read::report::<Site>(bytes, &options).unwrap();
        assert_eq!(read.diagnostics, vec![], "{format}");
        assert_eq!(read.form.visits.name, form.visits.name, "{format}");
    }
}

/// 新媒体: a figure a report may leave out (`Option<Count>`), absent unlike blank.
#[derive(Form, Serialize, Deserialize, Debug, PartialEq)]
#[form(label = "新媒体情况", check(figures.weibo <= figures.posts, id = "M-WEIBO"))]
struct Media {
    #[form(label = "信息发布")]
    figures: Figures,
}

#[derive(Form, Serialize, Deserialize, Debug, PartialEq)]
struct Figures {
    #[form(label = "发布总数", unit = "条")]
    posts: Count,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "baobiao::present"
    )]
    #[form(label = "其中微博", unit = "条")]
    weibo: Option<Count>,
}

#[test]
fn a_figure_left_out_is_absent_not_blank() {
    use baobiao::{Cell, Status};
    let read = |json: &str| -> Media { serde_json::from_str(json).unwrap() };
    let absent = read(r#"{"figures": {"posts": 10}}"#);
    let blank = read(r#"{"figures": {"posts": 10, "weibo": null}}"#);
    let five = read(r#"{"figures": {"posts": 10, "weibo": 5}}"#);
    assert_eq!(absent.figures.weibo, None);
    assert_eq!(blank.figures.weibo, Some(Cell::Blank));
    assert_eq!(five.figures.weibo, Some(Cell::Value(5)));
    // Written back as read: absent left out, blank `null`.
    assert_eq!(
        serde_json::to_string(&absent).unwrap(),
        r#"{"figures":{"posts":10}}"#
    );
    assert_eq!(
        serde_json::to_string(&blank).unwrap(),
        r#"{"figures":{"posts":10,"weibo":null}}"#
    );
    // To the rules, absent is as blank: nothing is known of it.
    for (form, status) in [(&absent, "na"), (&blank, "na"), (&five, "pass")] {
        let checked = form.check();
        let outcome = checked.outcomes()[0].status;
        assert_eq!(
            matches!(outcome, Status::NotAssessable(_)),
            status == "na",
            "{outcome:?}"
        );
    }
    // The schema takes all three, and not a text.
    let schema = baobiao::schema::root::<Media>();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    for form in [&absent, &blank, &five] {
        assert!(validator.is_valid(&serde_json::to_value(form).unwrap()));
    }
    assert!(!validator.is_valid(&serde_json::json!({"figures": {"posts": 10, "weibo": "x"}})));
    // Drawn: no row for an absent figure, an empty one for a blank; read back as they were.
    for form in [&absent, &blank, &five] {
        let document = render::document(form, None, Lang::Zh);
        let html = render::html::page(&document);
        assert_eq!(
            html.contains("其中微博"),
            form.figures.weibo.is_some(),
            "{html}"
        );
        let options = baobiao::read::Options {
            kind: Some(baobiao::read::SourceKind::Html),
            ..Default::default()
        };
        let back = baobiao::read::report::<Media>(html.into_bytes(), &options).unwrap();
        assert_eq!(back.diagnostics, vec![]);
        assert_eq!(&back.form, form);
    }
}

/// A `label：value` line is written as it is in Markdown (only table cells are escaped), and read
/// back so.
#[test]
fn a_line_outside_tables_keeps_its_pipes_and_backslashes() {
    #[derive(Form, Serialize, Deserialize, Debug, PartialEq)]
    #[form(label = "年度报表")]
    struct Filed {
        #[form(label = "填报单位", meta)]
        filer: String,
        #[form(label = "访问情况")]
        visits: Visits,
    }
    let form = Filed {
        filer: r#"某县融媒体中心, "测试" | 管道 \ 斜杠"#.to_owned(),
        visits: site().visits,
    };
    let document = render::document(&form, None, Lang::Zh);
    let markdown = render::markdown::document(&document);
    assert!(
        markdown.contains(r#"填报单位：某县融媒体中心, "测试" | 管道 \ 斜杠"#),
        "{markdown}"
    );
    let options = baobiao::read::Options {
        kind: Some(baobiao::read::SourceKind::Text),
        ..Default::default()
    };
    let read = baobiao::read::report::<Filed>(markdown.into_bytes(), &options).unwrap();
    assert_eq!(read.diagnostics, vec![]);
    assert_eq!(read.form, form);
}

/// A row found again after it was read is said; the first reading is kept.
#[test]
fn a_repeated_row_is_said_and_the_first_kept() {
    let html = "<h1>网站运行情况</h1><h2>访问情况</h2><table>\
        <tr><th>独立用户访问总量</th><td>个</td><td>6423</td></tr>\
        <tr><th>网站总访问量</th><td>次</td><td>18200</td></tr>\
        <tr><th>运维经费</th><td>万元</td><td>12.5</td></tr>\
        <tr><th>独立用户访问总量</th><td>个</td><td>7000</td></tr>\
        <tr><th>网站名称</th><td></td><td>示例</td></tr></table>";
    let options = baobiao::read::Options {
        kind: Some(baobiao::read::SourceKind::Html),
        ..Default::default()
    };
    let read = baobiao::read::report::<Site>(html.as_bytes().to_vec(), &options).unwrap();
    let said: Vec<String> = read
        .diagnostics
        .iter()
        .map(|d| d.describe(Lang::En))
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("row \"独立用户访问总量\" appears again"),
        "{said:?}"
    );
    assert!(said[0].contains("row 4"), "{said:?}");
    assert_eq!(read.form.visits.users, baobiao::Cell::Value(6423));
}
