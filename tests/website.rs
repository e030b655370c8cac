//! The 政府网站工作年度报表 (`baobiao::forms::website`): a key–value form of one table, declared
//! as the template lists it, with yes/no, a choice, check boxes, a date and units in labels.

use baobiao::Form;
use baobiao::forms::website::WebsiteReport;

fn example(name: &str) -> WebsiteReport {
    let path = format!("{}/examples/reports/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_example_adds_up_and_the_planted_errors_are_each_found() {
    let good = example("website-example.json");
    let report = good.check();
    assert!(report.violations().is_empty(), "{:#?}", report.violations());
    assert!(report.is_ok());
    let bad = example("website-planted-errors.json");
    let report = bad.check();
    let found: Vec<(&str, baobiao::Severity)> = report
        .violations()
        .iter()
        .map(|v| (v.id(), v.rule.severity))
        .collect();
    use baobiao::Severity::{Error, Warning};
    assert_eq!(
        found,
        [
            ("W-UV", Error),
            ("W-POSTS", Warning),
            ("W-POSTS-PART", Error),
            ("W-ONLINE", Error),
            ("W-CASES", Warning),
            ("W-SEC", Warning),
        ]
    );
    assert!(!report.is_ok());
}

#[test]
fn its_json_is_what_a_person_would_write() {
    let json = serde_json::to_value(example("website-example.json")).unwrap();
    assert_eq!(json["unique_visitors"], 1283456);
    assert_eq!(json["posts"]["total"], 6423);
    assert_eq!(json["security"]["drills"], true);
    assert_eq!(json["site_type"], "portal");
    assert_eq!(
        json["innovation"],
        serde_json::json!(["search_as_service", "accessible"])
    );
    assert_eq!(json["date"], "2025-01-15");
}

/// The declaration, structs and attributes (doc comments, blank lines and imports aside), is
/// under 200 lines, with no wrapper struct the template does not have.
#[test]
fn the_declaration_is_short() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/forms/website");
    let mut lines = 0;
    for file in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
        lines += text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("//") && !l.starts_with("use "))
            .filter(|l| !l.starts_with("mod ") && !l.starts_with("pub use "))
            .filter(|l| !l.starts_with("#[rustfmt::skip]"))
            .count();
    }
    assert!(lines < 200, "{lines} lines");
    assert!(
        lines > 100,
        "{lines} lines: the count reads the declaration"
    );
    // Every struct is a section or group the template prints.
    let info = WebsiteReport::info();
    fn structs(node: &baobiao::Node, out: &mut Vec<&'static str>) {
        if let Some(decl) = node.as_struct() {
            out.push(node.display_label());
            for field in &decl.fields {
                structs(field, out);
            }
        }
    }
    let mut labels = Vec::new();
    structs(&info.root, &mut labels);
    assert_eq!(
        labels,
        [
            "政府网站工作年度报表",
            "信息发布",
            "专栏专题",
            "解读回应",
            "解读信息发布",
            "办事服务",
            "办件量",
            "互动交流",
            "留言办理",
            "征集调查",
            "在线访谈",
            "安全防护",
            "移动新媒体",
            "微博",
            "微信",
        ]
    );
}

#[test]
fn it_is_read_back_from_every_format_it_is_drawn_in_and_recognised() {
    use baobiao::read::{Options, SourceKind};
    use baobiao::{Lang, render};
    let form = example("website-planted-errors.json");
    let checked = form.check();
    let document = render::document(&form, Some(&checked), Lang::Zh);
    let files: [(Vec<u8>, SourceKind); 6] = [
        (render::html::page(&document).into(), SourceKind::Html),
        (
            render::text::document(&document, false).into(),
            SourceKind::Text,
        ),
        (
            render::markdown::document(&document).into(),
            SourceKind::Text,
        ),
        (render::csv::document(&document).into(), SourceKind::Csv),
        (render::xlsx::document(&document).unwrap(), SourceKind::Xlsx),
        (render::docx::document(&document).unwrap(), SourceKind::Docx),
    ];
    let forms = baobiao::forms::all();
    for (bytes, kind) in files {
        let options = Options {
            kind: Some(kind),
            ..Options::default()
        };
        let (entry, reading) = forms.read(bytes, &options, None).unwrap();
        assert_eq!(entry.name(), "website", "{kind:?}");
        assert_eq!(reading.diagnostics, vec![], "{kind:?}");
        assert_eq!(
            serde_json::to_string(&*reading.form).unwrap(),
            serde_json::to_string(&form).unwrap(),
            "{kind:?}"
        );
    }
}

/// `W-MEDIA` applies only when 是否有移动新媒体 is 否: then every 微博 and 微信 figure must be
/// blank or 0. With 是 it holds whatever the figures; left blank, whether it applies cannot be
/// told. The rule's listing and export say so (`tests/other_tools.rs` runs the exported logic
/// in JavaScript and Python).
#[test]
fn a_rule_with_a_condition_applies_only_when_the_field_says_so() {
    let media = |has: serde_json::Value, posts: serde_json::Value| {
        let mut json = serde_json::to_value(example("website-example.json")).unwrap();
        json["new_media"]["has_new_media"] = has;
        json["new_media"]["weibo"]["posts"] = posts;
        json["new_media"]["wechat"]["posts"] = serde_json::Value::Null;
        json["new_media"]["wechat"]["subscribers"] = 0.into();
        json["new_media"]["weibo"]["followers"] = serde_json::Value::Null;
        json
    };
    let outcome = |json: &serde_json::Value| {
        let form: WebsiteReport = serde_json::from_value(json.clone()).unwrap();
        let report = form.check();
        let rule = WebsiteReport::info().rule("W-MEDIA").unwrap();
        let failed: Vec<String> = report
            .violations()
            .iter()
            .filter(|v| v.id() == "W-MEDIA")
            .map(|v| v.cells[0].pointer.to_string())
            .collect();
        let unknown = report
            .not_assessable()
            .iter()
            .filter(|n| n.rule.id == rule.id)
            .count();
        (failed, unknown)
    };
    // 否, with 1864 posts on 微博: that figure breaks the rule; blanks and 0 do not.
    let no = media(false.into(), 1864.into());
    assert_eq!(outcome(&no), (vec!["/new_media/weibo/posts".to_owned()], 0));
    // The finding names the field that made the rule apply, in words and in its JSON.
    let form: WebsiteReport = serde_json::from_value(no.clone()).unwrap();
    let report = form.check();
    let violation = report
        .violations()
        .into_iter()
        .find(|v| v.id() == "W-MEDIA")
        .unwrap();
    assert_eq!(
        violation.condition().unwrap().describe(),
        "移动新媒体 › 是否有移动新媒体 = 否（/new_media/has_new_media）"
    );
    let json = serde_json::to_value(report.summary().json(baobiao::Lang::Zh)).unwrap();
    let finding = json["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["rule"] == "W-MEDIA")
        .unwrap();
    assert_eq!(finding["when"]["pointer"], "/new_media/has_new_media");
    assert_eq!(finding["when"]["value"], false);
    // 否 with nothing filled in: holds.
    assert_eq!(
        outcome(&media(false.into(), serde_json::Value::Null)),
        (vec![], 0)
    );
    // 是: the rule does not apply.
    assert_eq!(outcome(&media(true.into(), 1864.into())), (vec![], 0));
    // Blank: cannot be told, for each of its four cells.
    assert_eq!(
        outcome(&media(serde_json::Value::Null, 1864.into())),
        (vec![], 4)
    );

    // The export: the condition's field and value, and logic that tests them.
    let exported = baobiao::schema::logic::export(WebsiteReport::info());
    let rule = exported.iter().find(|r| r.id == "W-MEDIA").unwrap();
    assert_eq!(rule.expression, "value <= 0, when(!has_new_media)");
    let when = rule.when.as_ref().unwrap();
    assert_eq!(
        (when.pointer.as_str(), &when.value),
        ("/new_media/has_new_media", &serde_json::json!(false))
    );
    assert_eq!(
        rule.logic["if"][0],
        serde_json::json!({"===": [{"var": "new_media.has_new_media"}, null]})
    );
    assert_eq!(rule.logic["if"][1], "not_assessable");
    assert_eq!(rule.logic["if"][4], "pass");
}

/// `W-AVG-NONE` reads a number: with 0 messages, 平均办理时间 is blank (or 0); with some it
/// does not apply; with 收到留言数量 blank or `/`, whether it applies cannot be told.
#[test]
fn a_rule_on_a_number_condition_applies_only_at_that_number() {
    let messages = |received: serde_json::Value, days: serde_json::Value| {
        let mut json = serde_json::to_value(example("website-example.json")).unwrap();
        json["interaction"]["messages"]["received"] = received;
        json["interaction"]["messages"]["average_days"] = days;
        let form: WebsiteReport = serde_json::from_value(json).unwrap();
        let report = form.check();
        let failed = report.violations().iter().any(|v| v.id() == "W-AVG-NONE");
        let unknown = report
            .not_assessable()
            .iter()
            .any(|n| n.rule.id == "W-AVG-NONE");
        (failed, unknown)
    };
    assert_eq!(messages(0.into(), serde_json::json!(4.5)), (true, false));
    assert_eq!(messages(0.into(), serde_json::Value::Null), (false, false));
    assert_eq!(messages(12.into(), serde_json::json!(4.5)), (false, false));
    assert_eq!(
        messages(serde_json::Value::Null, serde_json::json!(4.5)),
        (false, true)
    );
    assert_eq!(messages("/".into(), serde_json::json!(4.5)), (false, true));
    let info = WebsiteReport::info();
    let rule = info.rule("W-AVG-NONE").unwrap();
    assert_eq!(rule.expression, "value <= 0, when(received == 0)");
    let when = info.instances[rule.instances[0]].when.as_ref().unwrap();
    assert_eq!(
        when.describe(),
        "互动交流 › 留言办理 › 收到留言数量 = 0（/interaction/messages/received）"
    );
}
