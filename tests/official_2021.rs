//! The official 2021 form: its structure, its rules, and the bundled 湘潭县公安局 report.

mod common;

use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::{Form, Lang, RuleKind, Severity, Status};

#[test]
fn the_bundled_report_passes_with_only_blank_cell_information() {
    let report = common::bundled();
    let checked = report.check();
    let summary = checked.summary();
    assert!(summary.ok);
    assert!(summary.violations.is_empty(), "{:#?}", summary.violations);

    // Row 8 of table 3 is blank as published: its seven cells are read as 0 by the outcome
    // sums (one note per column), and its own row total cannot be assessed.
    let row_8 = "/applications/outcomes/withheld/enquiry_matters/";
    assert_eq!(summary.notes.len(), 7);
    for info in &summary.notes {
        assert_eq!(info.rule.id, "T3-RESULT-SUM");
        assert_eq!(info.cells.len(), 1);
        assert!(info.cells[0].pointer.starts_with(row_8));
        assert_eq!(info.cells[0].value, baobiao::Slot::Blank);
    }
    assert_eq!(summary.not_assessable.len(), 1);
    let na = &summary.not_assessable[0];
    assert_eq!(na.rule.id, "T3-ROW-TOTAL");
    assert!(na.location().ends_with("8.属于行政查询事项"), "{:?}", na.at);
    assert!(na.cells.iter().all(|c| c.pointer.starts_with(row_8)));
}

#[test]
fn the_form_has_200_cells_in_declaration_order() {
    let info = AnnualReport::info();
    assert_eq!(info.cells.len(), 200);
    let count = |prefix: &str| {
        info.cells
            .iter()
            .filter(|c| c.pointer.starts_with(prefix))
            .count()
    };
    assert_eq!(count("/active_disclosure/"), 10);
    assert_eq!(count("/applications/"), 175);
    assert_eq!(count("/reviews_and_lawsuits/"), 15);
    let fee = info
        .cell_index("/active_disclosure/article_20_8/administrative_fees/amount")
        .unwrap();
    assert_eq!(info.cells[fee].unit, Some("万元"));
    assert_eq!(info.cells[fee].kind, baobiao::ValueKind::Amount);
}

#[test]
fn every_rule_has_an_id_wording_and_its_instances() {
    let info = AnnualReport::info();
    let expected = [
        ("T2-NONNEG", RuleKind::Range, 10),
        ("T3-IDENT", RuleKind::Check, 7),
        ("T3-NONNEG", RuleKind::Range, 175),
        ("T3-ROW-TOTAL", RuleKind::Total, 25),
        ("T3-RESULT-SUM", RuleKind::Total, 7),
        ("T4-NONNEG", RuleKind::Range, 15),
        ("T4-GROUP-TOTAL", RuleKind::Total, 3),
    ];
    assert_eq!(info.rules.len(), expected.len());
    for (id, kind, instances) in expected {
        let rule = info.rule(id).unwrap_or_else(|| panic!("rule {id}"));
        assert_eq!(rule.kind, kind, "{id}");
        assert_eq!(rule.severity, Severity::Error, "{id}");
        assert_eq!(rule.instances.len(), instances, "{id}");
        assert!(!rule.message_zh.is_empty() && !rule.message_en.is_empty());
    }
    let ident = info.rule("T3-IDENT").unwrap();
    assert_eq!(
        ident.message_zh,
        "第一项加第二项之和，等于第三项加第四项之和"
    );
    assert_eq!(
        ident.expression,
        "new_received + carried_over == outcomes.total + carried_forward"
    );
}

#[test]
fn table_3_rows_and_columns_are_labelled_verbatim() {
    let info = AnnualReport::info();
    let rows: Vec<String> = info
        .cells
        .iter()
        .filter(|c| {
            c.pointer.starts_with("/applications/") && c.pointer.ends_with("/natural_persons")
        })
        .map(|c| c.row()[1..].join("|"))
        .collect();
    let expected = [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果|（一）予以公开",
        "三、本年度办理结果|（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "三、本年度办理结果|（三）不予公开|1.属于国家秘密",
        "三、本年度办理结果|（三）不予公开|2.其他法律行政法规禁止公开",
        "三、本年度办理结果|（三）不予公开|3.危及“三安全一稳定”",
        "三、本年度办理结果|（三）不予公开|4.保护第三方合法权益",
        "三、本年度办理结果|（三）不予公开|5.属于三类内部事务信息",
        "三、本年度办理结果|（三）不予公开|6.属于四类过程性信息",
        "三、本年度办理结果|（三）不予公开|7.属于行政执法案卷",
        "三、本年度办理结果|（三）不予公开|8.属于行政查询事项",
        "三、本年度办理结果|（四）无法提供|1.本机关不掌握相关政府信息",
        "三、本年度办理结果|（四）无法提供|2.没有现成信息需要另行制作",
        "三、本年度办理结果|（四）无法提供|3.补正后申请内容仍不明确",
        "三、本年度办理结果|（五）不予处理|1.信访举报投诉类申请",
        "三、本年度办理结果|（五）不予处理|2.重复申请",
        "三、本年度办理结果|（五）不予处理|3.要求提供公开出版物",
        "三、本年度办理结果|（五）不予处理|4.无正当理由大量反复申请",
        "三、本年度办理结果|（五）不予处理|5.要求行政机关确认或重新出具已获取信息",
        "三、本年度办理结果|（六）其他处理|1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "三、本年度办理结果|（六）其他处理|2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "三、本年度办理结果|（六）其他处理|3.其他",
        "三、本年度办理结果|（七）总计",
        "四、结转下年度继续办理",
    ];
    assert_eq!(rows, expected);
    let columns: Vec<String> = info.cells[10..17]
        .iter()
        .map(|c| c.column().join("|"))
        .collect();
    assert_eq!(
        columns,
        [
            "自然人",
            "法人或其他组织|商业企业",
            "法人或其他组织|科研机构",
            "法人或其他组织|社会公益组织",
            "法人或其他组织|法律服务机构",
            "法人或其他组织|其他",
            "总计"
        ]
    );
    let table4: Vec<String> = info.cells[185..]
        .iter()
        .map(|c| c.column().join("|"))
        .collect();
    assert_eq!(table4[0], "行政复议|结果维持");
    assert_eq!(table4[9], "行政诉讼|未经复议直接起诉|总计");
    assert_eq!(table4[14], "行政诉讼|复议后起诉|总计");
}

#[test]
fn raising_any_cell_of_tables_3_and_4_is_caught_naming_that_cell() {
    let json = common::bundled_json();
    let pointers = common::table_3_and_4_pointers();
    assert_eq!(pointers.len(), 190);
    for pointer in &pointers {
        let changed: AnnualReport =
            serde_json::from_value(common::bump(&json, pointer, 1)).unwrap();
        let checked = changed.check();
        let summary = checked.summary();
        assert!(!summary.ok, "raising {pointer} went unnoticed");
        assert!(
            summary
                .violations
                .iter()
                .any(|v| v.cells.iter().any(|c| c.pointer == pointer)),
            "no violation names {pointer}"
        );
    }
}

#[test]
fn a_failure_names_expected_and_actual_and_every_cell_by_label() {
    let json = common::bump(
        &common::bundled_json(),
        "/applications/new_received/natural_persons",
        1,
    );
    let report: AnnualReport = serde_json::from_value(json).unwrap();
    let checked = report.check();
    let violations = checked.violations();
    let ident = violations
        .iter()
        .find(|v| v.id() == "T3-IDENT")
        .expect("T3-IDENT fails");
    assert_eq!(
        ident.location(),
        "三、收到和处理政府信息公开申请情况 › 自然人"
    );
    assert_eq!(
        (ident.actual(Lang::Zh), ident.expected(Lang::Zh)),
        ("13".to_owned(), "12".to_owned())
    );
    let labels: Vec<String> = ident.cells.iter().map(|c| c.labels.join(" › ")).collect();
    assert_eq!(
        labels,
        [
            "三、收到和处理政府信息公开申请情况 › 一、本年新收政府信息公开申请数量 › 自然人",
            "三、收到和处理政府信息公开申请情况 › 二、上年结转政府信息公开申请数量 › 自然人",
            "三、收到和处理政府信息公开申请情况 › 三、本年度办理结果 › （七）总计 › 自然人",
            "三、收到和处理政府信息公开申请情况 › 四、结转下年度继续办理 › 自然人",
        ]
    );
    let row = violations
        .iter()
        .find(|v| v.id() == "T3-ROW-TOTAL")
        .expect("row total fails");
    assert_eq!(row.cells[0].pointer, "/applications/new_received/total");
    assert_eq!(
        (row.actual(Lang::Zh), row.expected(Lang::Zh)),
        ("12".to_owned(), "13".to_owned())
    );
    let english = violations[0].message(Lang::En);
    assert!(english.is_ascii(), "{english}");
}

#[test]
fn strict_mode_makes_every_blank_an_error() {
    let report = common::bundled();
    let strict = report.check_with(baobiao::CheckOptions { strict: true });
    assert!(!strict.is_ok());
    let blanks: Vec<_> = strict
        .violations()
        .into_iter()
        .filter(|v| v.id() == baobiao::STRICT_BLANK)
        .collect();
    assert_eq!(blanks.len(), 7);
}

#[test]
fn a_negative_fee_breaks_t2_nonneg() {
    let mut json = common::bundled_json();
    *json
        .pointer_mut("/active_disclosure/article_20_8/administrative_fees/amount")
        .unwrap() = serde_json::from_str("-0.5").unwrap();
    let report: AnnualReport = serde_json::from_value(json).unwrap();
    let checked = report.check();
    let violations = checked.violations();
    assert_eq!(violations.len(), 1);
    assert_eq!(violations[0].id(), "T2-NONNEG");
    assert_eq!(violations[0].actual(Lang::Zh), "-0.5");
}

#[test]
fn outcomes_are_one_per_evaluated_instance() {
    let report = common::bundled();
    let checked = report.check();
    // Count ranges are guaranteed by type and not evaluated; the fee's range is.
    assert_eq!(checked.outcomes().len(), 7 + 7 + 25 + 3 + 1);
    assert!(
        checked
            .outcomes()
            .iter()
            .filter(|o| o.status == Status::Pass)
            .count()
            == 42
    );
}

#[test]
fn json_round_trip_keeps_blanks_and_values() {
    let json = common::bundled_json();
    let report: AnnualReport = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(serde_json::to_value(&report).unwrap(), json);
}

#[test]
fn sibling_labels_stay_distinct_after_normalisation() {
    let ambiguous = baobiao::read::ambiguous_labels(AnnualReport::info());
    assert!(ambiguous.is_empty(), "{ambiguous:?}");
    let info = baobiao::forms::annual_report_2019::AnnualReport2019::info();
    let ambiguous = baobiao::read::ambiguous_labels(info);
    assert!(ambiguous.is_empty(), "{ambiguous:?}");
}
