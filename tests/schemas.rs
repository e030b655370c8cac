//! The JSON Schemas in `schemas/`: current with the declarations, and right about documents,
//! as an independent validator (the `jsonschema` crate, draft 2020-12) sees them.
//!
//! Regenerate the checked-in schemas with `BAOBIAO_BLESS=1 cargo test --test schemas`.

mod common;

#[allow(dead_code)]
#[path = "../examples/province_variant.rs"]
mod province_variant;

use baobiao::forms::annual_report_2021::AnnualReport;

/// Every schema that is checked in, with the form it comes from.
fn schemas() -> Vec<(&'static str, serde_json::Value)> {
    vec![
        (
            "annual-report-2021.schema.json",
            baobiao::schema::root::<AnnualReport>(),
        ),
        (
            "annual-report-2019.schema.json",
            baobiao::schema::root::<baobiao::forms::annual_report_2019::AnnualReport2019>(),
        ),
        (
            "province-variant.schema.json",
            baobiao::schema::root::<province_variant::Applications>(),
        ),
        (
            "website.schema.json",
            baobiao::schema::root::<baobiao::forms::website::WebsiteReport>(),
        ),
    ]
}

/// The website report: yes/no, a choice, check boxes and a date, as JSON Schema sees them.
#[test]
fn the_website_example_is_valid_and_what_serde_rejects_the_schema_rejects() {
    use baobiao::forms::website::WebsiteReport;
    let validator =
        jsonschema::draft202012::new(&baobiao::schema::root::<WebsiteReport>()).expect("a schema");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/reports/website-example.json"
    ))
    .unwrap();
    let example: serde_json::Value = serde_json::from_str(&text).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&example)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let with = |pointer: &str, value: serde_json::Value| {
        let mut json = example.clone();
        *json.pointer_mut(pointer).unwrap() = value;
        json
    };
    // Blanks where the form allows them.
    for (pointer, blank) in [
        ("/site_type", serde_json::Value::Null),
        ("/security/drills", serde_json::Value::Null),
        ("/date", serde_json::Value::Null),
        ("/innovation", serde_json::json!([])),
        // serde reads a set from an array with repeats; so does the schema.
        (
            "/innovation",
            serde_json::json!(["accessible", "accessible"]),
        ),
    ] {
        let json = with(pointer, blank);
        assert!(validator.is_valid(&json), "{pointer}");
        assert!(
            serde_json::from_value::<WebsiteReport>(json).is_ok(),
            "{pointer}"
        );
    }
    for (what, json) in [
        ("a yes/no as a word", with("/security/drills", "是".into())),
        ("an unknown site type", with("/site_type", "news".into())),
        (
            "an unknown check box",
            with("/innovation", serde_json::json!(["blog"])),
        ),
        ("a date as Chinese", with("/date", "2025年1月15日".into())),
        ("a date that is not one", with("/date", "2025-02-30".into())),
        (
            "a blank site name",
            with("/site_name", serde_json::Value::Null),
        ),
    ] {
        assert!(!validator.is_valid(&json), "the schema accepts {what}");
        let parsed: Result<WebsiteReport, _> = serde_json::from_value(json);
        assert!(parsed.is_err(), "serde accepts {what}");
    }
}

fn path(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(name)
}

#[test]
fn checked_in_schemas_are_current() {
    let bless = std::env::var_os("BAOBIAO_BLESS").is_some();
    for (name, schema) in schemas() {
        let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        if bless {
            std::fs::write(path(name), &text).unwrap();
            continue;
        }
        let checked_in = std::fs::read_to_string(path(name)).unwrap_or_default();
        assert!(
            checked_in == text,
            "schemas/{name} is stale: regenerate it with `BAOBIAO_BLESS=1 cargo test --test schemas`"
        );
    }
}

#[test]
fn the_cli_writes_the_checked_in_schema() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baobiao"))
        .args(["schema", "annual-report-2021"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed, schemas()[0].1);
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&baobiao::schema::root::<AnnualReport>()).expect("a valid schema")
}

fn with(pointer: &str, value: serde_json::Value) -> serde_json::Value {
    let mut json = common::bundled_json();
    *json.pointer_mut(pointer).unwrap() = value;
    json
}

#[test]
fn the_bundled_report_is_valid_and_so_are_blanks_and_marks() {
    let validator = validator();
    let bundled = common::bundled_json();
    let errors: Vec<String> = validator
        .iter_errors(&bundled)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    for mark in baobiao::Mark::ALL {
        let json = with("/applications/new_received/total", mark.as_str().into());
        assert!(validator.is_valid(&json), "{mark:?}");
    }
    let fee = with(
        "/active_disclosure/article_20_8/administrative_fees/amount",
        serde_json::from_str("96171.6").unwrap(),
    );
    assert!(validator.is_valid(&fee));
}

#[test]
fn what_serde_rejects_the_schema_rejects() {
    let validator = validator();
    let mut missing_table = common::bundled_json();
    missing_table
        .as_object_mut()
        .unwrap()
        .remove("applications");
    let mut unknown_field = common::bundled_json();
    unknown_field["applications"]["new_received"]["subtotal"] = 1.into();
    let cases = [
        (
            "negative count",
            with("/applications/new_received/natural_persons", (-3).into()),
        ),
        (
            "string in a count",
            with("/applications/carried_over/total", "abc".into()),
        ),
        (
            "fraction in a count",
            with("/reviews_and_lawsuits/reconsideration/total", 1.5.into()),
        ),
        (
            "count beyond u64",
            with(
                "/reviews_and_lawsuits/reconsideration/total",
                serde_json::from_str("18446744073709551616").unwrap(),
            ),
        ),
        ("missing table", missing_table),
        ("unknown field", unknown_field),
    ];
    for (what, json) in cases {
        assert!(!validator.is_valid(&json), "the schema accepts a {what}");
        let parsed: Result<AnnualReport, _> = serde_json::from_value(json);
        assert!(parsed.is_err(), "serde accepts a {what}");
    }
}

#[test]
fn titles_come_from_labels_and_units_are_kept() {
    let schema = baobiao::schema::root::<AnnualReport>();
    let defs = &schema["$defs"];
    assert_eq!(
        defs["Applications"]["properties"]["new_received"]["title"],
        "一、本年新收政府信息公开申请数量"
    );
    assert_eq!(defs["Applicants"]["title"], "申请人情况");
    assert_eq!(
        defs["Applicants"]["properties"]["natural_persons"]["title"],
        "自然人"
    );
    let fee = &defs["FeeAmount"]["properties"]["amount"];
    assert_eq!(fee["x-baobiao-unit"], "万元");
    assert_eq!(fee["anyOf"][0]["type"], "number");
    assert_eq!(defs["Applicants"]["additionalProperties"], false);
    // Users reach schemars through baobiao alone.
    let via_macro = baobiao::schemars::schema_for!(AnnualReport).to_value();
    assert_eq!(via_macro, schema);
}

mod renamed {
    use baobiao::{Count, Form};
    use serde::{Deserialize, Serialize};

    #[derive(Form, Serialize, Deserialize)]
    #[form(columns)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Row {
        #[form(label = "个人")]
        pub natural_person: Count,
        #[form(label = "合计", total(id = "SUM"))]
        #[serde(rename = "rowTotal")]
        pub total: Count,
    }

    /// A table whose keys are all renamed.
    #[derive(Form, Serialize, Deserialize)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub struct Table {
        #[form(label = "第一行")]
        pub first_row: Row,
        /// May be left out.
        #[serde(default)]
        #[form(label = "说明")]
        pub note: String,
    }
}

#[test]
fn keys_rules_and_layout_follow_serde_renames() {
    let schema = baobiao::schema::root::<renamed::Table>();
    assert_eq!(schema["properties"]["FIRST_ROW"]["title"], "第一行");
    assert_eq!(schema["required"], serde_json::json!(["FIRST_ROW"]));
    assert!(
        schema.get("additionalProperties").is_none(),
        "serde accepts unknown keys here"
    );
    let row = &schema["$defs"]["Row"];
    assert_eq!(
        row["properties"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["naturalPerson", "rowTotal"]
    );
    assert_eq!(row["additionalProperties"], false);
    let rule = &schema["x-baobiao-rules"][0];
    assert_eq!(rule["id"], "SUM");
    assert_eq!(
        rule["cells"],
        serde_json::json!(["/FIRST_ROW/rowTotal", "/FIRST_ROW/naturalPerson"])
    );
    assert!(rule["logic"].to_string().contains("\"FIRST_ROW.rowTotal\""));
    let cells = &schema["x-baobiao-layout"]["tables"][0]["blocks"][0]["rows"][0]["cells"];
    assert_eq!(cells[1]["path"], "FIRST_ROW.rowTotal");
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let doc = serde_json::json!({"FIRST_ROW": {"naturalPerson": 1, "rowTotal": null}});
    assert!(validator.is_valid(&doc));
    assert!(serde_json::from_value::<renamed::Table>(doc).is_ok());
}
