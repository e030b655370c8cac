//! The 2019 form: its structure and rules, and the published reports whose tables 3 and 4 were
//! transcribed (tests/data/reports/*.meta.json): the rule outcomes agree with the sums recorded
//! there, read with baobiao's blank-cell semantics (a blank stated result, or a side blank in
//! every cell, is not assessable; a blank addend counts as 0).

mod common;

use baobiao::Form;
use baobiao::forms::annual_report_2019::AnnualReport2019;
use common::sidecar::{meta, outcomes_against_sidecar};
use serde_json::{Value, json};

fn applicants(row: &Value) -> Value {
    json!({
        "natural_persons": row[0],
        "organisations": {
            "business": row[1], "research": row[2], "public_interest": row[3],
            "legal_services": row[4], "other": row[5],
        },
        "total": row[6],
    })
}

fn cases(row: &Value) -> Value {
    json!({"upheld": row[0], "corrected": row[1], "other": row[2], "pending": row[3], "total": row[4]})
}

/// A 2019 form holding the transcribed tables 3 and 4; table 2 was not transcribed and stays
/// blank.
fn report(meta: &Value) -> AnnualReport2019 {
    let rows: Vec<Value> = meta["values"]["table3"]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(applicants)
        .collect();
    assert_eq!(rows.len(), 23);
    let t4 = &meta["values"]["table4"]["data"];
    let publication = json!({"newly_made": null, "newly_published": null, "published_total": null});
    let items = json!({"previous_items": null, "change": null, "decisions": null});
    let doc = json!({
        "title": format!("{}{}年政府信息公开工作年度报告", meta["agency"].as_str().unwrap(), meta["year"]),
        "agency": meta["agency"],
        "year": meta["year"],
        "overview": "",
        "active_disclosure": {
            "article_20_1": {"regulations": publication, "normative_documents": publication},
            "article_20_5": {"licensing": items, "other_services": items},
            "article_20_6": {"penalties": items, "coercive_measures": items},
            "article_20_8": {"administrative_fees": {"previous_items": null, "change": null}},
            "article_20_9": {"central_procurement": {"projects": null, "amount": null}},
        },
        "applications": {
            "new_received": rows[0], "carried_over": rows[1],
            "outcomes": {
                "granted": rows[2], "partially_granted": rows[3],
                "withheld": {
                    "state_secrets": rows[4], "prohibited_by_law": rows[5], "security_and_stability": rows[6],
                    "third_party_rights": rows[7], "internal_affairs": rows[8], "process_information": rows[9],
                    "enforcement_files": rows[10], "enquiry_matters": rows[11],
                },
                "unable_to_provide": {"not_held": rows[12], "would_need_creating": rows[13], "still_unclear": rows[14]},
                "not_processed": {
                    "petitions_and_complaints": rows[15], "repeated": rows[16], "publications": rows[17],
                    "excessive": rows[18], "confirmation": rows[19],
                },
                "other_handling": rows[20],
                "total": rows[21],
            },
            "carried_forward": rows[22],
        },
        "reviews_and_lawsuits": {
            "reconsideration": cases(&t4[0]),
            "litigation": {"direct": cases(&t4[1]), "after_reconsideration": cases(&t4[2])},
        },
        "problems": "",
        "other_matters": "",
    });
    serde_json::from_value(doc).expect("the transcription fits the 2019 form")
}

fn agree_with_sidecar(name: &str) -> Vec<(String, &'static str)> {
    let meta = meta(name);
    let form = report(&meta);
    let checked = form.check();
    outcomes_against_sidecar(&meta, AnnualReport2019::info(), checked.outcomes())
        .into_iter()
        .map(|(rule, ours, theirs)| {
            assert_eq!(ours, theirs, "{name}: {rule}");
            (rule.to_owned(), ours)
        })
        .collect()
}

#[test]
fn the_2019_form_has_its_cells_and_rules() {
    let info = AnnualReport2019::info();
    let count = |prefix: &str| {
        info.cells
            .iter()
            .filter(|c| c.pointer.starts_with(prefix))
            .count()
    };
    assert_eq!(count("/active_disclosure/"), 22);
    assert_eq!(count("/applications/"), 161);
    assert_eq!(count("/reviews_and_lawsuits/"), 15);
    let instances = |id: &str| info.rule(id).unwrap().instances.len();
    assert_eq!(instances("T3-IDENT"), 7);
    assert_eq!(instances("T3-RESULT-SUM"), 7);
    assert_eq!(instances("T3-ROW-TOTAL"), 23);
    assert_eq!(instances("T4-GROUP-TOTAL"), 3);
    assert_eq!(instances("T2-PROJ-NONNEG"), 5);
    assert_eq!(instances("T2-PUB-BOUND"), 2);
    assert_eq!(
        info.rule("T2-PUB-BOUND").unwrap().severity,
        baobiao::Severity::Warning
    );
}

#[test]
fn pingtan_2019_adds_up() {
    let decided = agree_with_sidecar("pingtan-2019");
    assert!(decided.iter().all(|(_, s)| *s == "pass"), "{decided:?}");
}

#[test]
fn pingtan_2020_is_inconsistent_as_published() {
    let decided = agree_with_sidecar("pingtan-2020");
    let failing: Vec<&(String, &str)> = decided.iter().filter(|(_, s)| *s == "fail").collect();
    // (七)总计 is 20 (自然人) and 21 (总计), while the outcome rows add up to 26 and 27.
    assert_eq!(failing.len(), 2, "{decided:?}");
    assert!(failing.iter().all(|(rule, _)| rule == "T3-RESULT-SUM"));
}

#[test]
fn shanghai_2019_leaves_totals_blank_and_nothing_is_wrong() {
    let decided = agree_with_sidecar("shanghai-gov-office-2019");
    assert!(decided.iter().all(|(_, s)| *s != "fail"), "{decided:?}");
    // The 总计 column is blank on the detail rows: those row totals cannot be assessed.
    let na = decided
        .iter()
        .filter(|(r, s)| r == "T3-ROW-TOTAL" && *s == "na")
        .count();
    assert!(na >= 11, "{decided:?}");
}

#[test]
fn table_2_rules_decide() {
    let meta = meta("pingtan-2019");
    let form = report(&meta);
    let mut json = serde_json::to_value(&form).unwrap();
    json["active_disclosure"]["article_20_5"]["licensing"] =
        json!({"previous_items": 3, "change": -5, "decisions": 10});
    json["active_disclosure"]["article_20_1"]["regulations"] =
        json!({"newly_made": 2, "newly_published": 2, "published_total": 1});
    let form: AnnualReport2019 = serde_json::from_value(json).unwrap();
    let checked = form.check();
    let violations = checked.violations();
    let rules: Vec<&str> = violations.iter().map(|v| v.id()).collect();
    assert!(rules.contains(&"T2-PROJ-NONNEG"), "{rules:?}");
    assert!(rules.contains(&"T2-PUB-BOUND"), "{rules:?}");
    // A warning does not fail the check; the negative project count does.
    assert!(!checked.is_ok());
}

#[test]
fn the_2019_tables_render_with_the_template_spans() {
    let form = report(&meta("shanghai-gov-office-2019"));
    let checked = form.check();
    let html = baobiao::render::html::page(&baobiao::render::document(
        &form,
        Some(&checked),
        baobiao::Lang::Zh,
    ));
    let tables = common::html_tables(&html);
    assert_eq!(tables.len(), 3);
    let find = |t: &Vec<Vec<(String, usize, usize)>>, text: &str| {
        t.iter()
            .flatten()
            .find(|c| c.0 == text)
            .map(|c| (c.1, c.2))
            .unwrap_or_else(|| panic!("no {text}"))
    };
    // Table 3 (format-2019.md §3.2): 23 data rows, 三、本年度办理结果 over 20, （六） one row.
    let t3 = &tables[1];
    assert_eq!(t3.len(), 3 + 23);
    assert_eq!(find(t3, "三、本年度办理结果"), (20, 1));
    assert_eq!(find(t3, "（六）其他处理"), (1, 2));
    assert_eq!(find(t3, "（三）不予公开"), (8, 1));
    assert_eq!(find(t3, "申请人情况"), (1, 7));
    // Table 2 (§3.1): five items, each a full-width heading; (八) and (九) have two columns,
    // the second stretched over the third grid column.
    let t2 = &tables[0];
    for item in [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
        "第二十条第（九）项",
    ] {
        assert_eq!(find(t2, item), (1, 4), "{item}");
    }
    assert_eq!(find(t2, "本年增/减"), (1, 1));
    // The template states no unit; the form reads amounts into 元 and says so in the header.
    assert_eq!(find(t2, "采购总金额（元）"), (1, 2));
    assert_eq!(find(t2, "规范性文件"), (1, 1));
    // Table 4 as in 2021.
    assert_eq!(find(&tables[2], "行政诉讼"), (1, 10));
}
