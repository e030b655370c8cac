//! Rule semantics on small forms declared here: blanks, marks, renames, comparisons, literals.

use baobiao::{Cell, CheckOptions, Count, Form, Lang, Mark, Reason, Side, Status};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize, Debug, Clone)]
#[form(columns)]
#[serde(rename_all = "camelCase")]
struct Row {
    #[form(label = "个人")]
    natural_person: Count,
    #[form(label = "组织")]
    #[serde(rename = "org")]
    organisation: Count,
    #[form(label = "合计", total(id = "ROW"))]
    row_total: Count,
}

#[derive(Form, Serialize, Deserialize, Debug, Clone)]
#[form(check(opening + received == handled + closing, id = "BAL", message = "期初加收到等于办结加期末"))]
struct Ledger {
    #[form(label = "期初")]
    opening: Row,
    #[form(label = "收到")]
    received: Row,
    #[form(label = "办结")]
    handled: Row,
    #[form(label = "期末")]
    closing: Row,
}

fn row(a: Option<u64>, b: Option<u64>, total: Option<u64>) -> Row {
    let cell = |v: Option<u64>| v.map_or(Cell::Blank, Cell::Value);
    Row {
        natural_person: cell(a),
        organisation: cell(b),
        row_total: cell(total),
    }
}

fn ledger() -> Ledger {
    Ledger {
        opening: row(Some(1), Some(0), Some(1)),
        received: row(Some(5), Some(2), Some(7)),
        handled: row(Some(4), Some(2), Some(6)),
        closing: row(Some(2), Some(0), Some(2)),
    }
}

/// The check's fast path decides as the evaluator's exact definition does, and a check from
/// the form's cells alone decides alike.
fn agree<F: Form>(form: &F) {
    let checked = form.check();
    for outcome in checked.outcomes() {
        let instance = &F::info().instances[outcome.instance];
        let decided = instance.decide(|c| checked.cell(c));
        assert_eq!(decided, (outcome.status, outcome.blanks));
    }
    let from_slots = baobiao::Report::from_slots(F::info(), form.slots(), CheckOptions::default());
    assert_eq!(checked.outcomes(), from_slots.outcomes());
}

fn statuses(ledger: &Ledger) -> Vec<(String, String, Status)> {
    agree(ledger);
    let report = ledger.check();
    let info = Ledger::info();
    report
        .outcomes()
        .iter()
        .map(|o| {
            let instance = &info.instances[o.instance];
            (
                info.rules[instance.rule].id.clone(),
                instance.at.join("|"),
                o.status,
            )
        })
        .collect()
}

#[test]
fn pointers_follow_serde_renames() {
    let pointers: Vec<&str> = Ledger::info()
        .cells
        .iter()
        .map(|c| c.pointer.as_str())
        .take(3)
        .collect();
    assert_eq!(
        pointers,
        [
            "/opening/naturalPerson",
            "/opening/org",
            "/opening/rowTotal"
        ]
    );
    let json = serde_json::to_value(ledger()).unwrap();
    for cell in &Ledger::info().cells {
        assert!(
            json.pointer(&cell.pointer).is_some(),
            "{} not in {json}",
            cell.pointer
        );
    }
}

#[test]
fn a_consistent_ledger_passes_every_instance() {
    let all = statuses(&ledger());
    // 4 row totals + 3 element-wise balance instances.
    assert_eq!(all.len(), 7);
    assert!(all.iter().all(|(_, _, s)| *s == Status::Pass), "{all:?}");
}

#[test]
fn a_blank_addend_counts_as_zero_and_is_reported() {
    let mut l = ledger();
    l.opening.organisation = Cell::Blank;
    agree(&l);
    let report = l.check();
    assert!(report.is_ok());
    let info = report.notes();
    // The blank is an addend of the row total and of the balance in its column.
    let rules: Vec<&str> = info.iter().map(|i| i.rule.id.as_str()).collect();
    assert_eq!(rules, ["BAL", "ROW"]);
    assert!(info.iter().all(|i| i.cells[0].pointer == "/opening/org"));
}

#[test]
fn a_blank_result_is_not_assessable_not_a_failure() {
    let mut l = ledger();
    l.received.row_total = Cell::Blank;
    l.received.natural_person = Cell::Value(99); // would fail if the total were read as 0
    let all = statuses(&l);
    let row = all
        .iter()
        .find(|(id, at, _)| id == "ROW" && at == "收到")
        .unwrap();
    assert_eq!(row.2, Status::NotAssessable(Reason::ResultBlank(Side::Lhs)));
}

#[test]
fn a_side_blank_in_every_cell_is_not_assessable() {
    let mut l = ledger();
    l.handled = row(None, None, Some(6));
    let all = statuses(&l);
    let row = all
        .iter()
        .find(|(id, at, _)| id == "ROW" && at == "办结")
        .unwrap();
    assert_eq!(row.2, Status::NotAssessable(Reason::SideBlank(Side::Rhs)));
}

#[test]
fn not_applicable_marks_behave_as_blanks_and_are_kept() {
    let mut l = ledger();
    l.opening.organisation = Cell::NotApplicable(Mark::Slash);
    let report = l.check();
    assert!(report.is_ok());
    let json = serde_json::to_value(&l).unwrap();
    assert_eq!(json["opening"]["org"], "/");
    assert_eq!(
        report.notes()[0].cells[0].value,
        baobiao::Slot::NotApplicable(Mark::Slash)
    );
    let strict = l.check_with(CheckOptions { strict: true });
    assert!(!strict.is_ok());
}

#[test]
fn an_element_wise_failure_names_its_column() {
    let mut l = ledger();
    l.closing = row(Some(3), Some(0), Some(3));
    let report = l.check();
    let violations = report.violations();
    let bal: Vec<_> = violations.iter().filter(|v| v.id() == "BAL").collect();
    assert_eq!(bal.len(), 2, "{violations:#?}");
    assert_eq!(bal[0].location(), "个人");
    assert_eq!(bal[1].location(), "合计");
    assert_eq!(bal[0].message(Lang::Zh), "期初加收到等于办结加期末");
    assert_eq!(
        (bal[0].actual(Lang::Zh), bal[0].expected(Lang::Zh)),
        ("6".to_owned(), "7".to_owned())
    );
}

#[derive(Form, Serialize, Deserialize, Debug)]
#[form(
    check(done <= received, id = "LE"),
    check(received - done >= 0 - 1, id = "GE"),
    check(done == 3, id = "LIT", severity = warning)
)]
struct Bounds {
    #[form(label = "收到")]
    received: Count,
    #[form(label = "办结", range(max = 10, id = "MAX"))]
    done: Count,
}

#[test]
fn comparisons_literals_ranges_and_severities() {
    let ok = Bounds {
        received: Cell::Value(5),
        done: Cell::Value(3),
    };
    assert!(ok.check().violations().is_empty());
    let bad = Bounds {
        received: Cell::Value(5),
        done: Cell::Value(11),
    };
    agree(&bad);
    agree(&ok);
    let report = bad.check();
    let ids: Vec<&str> = report.violations().iter().map(|v| v.id()).collect();
    // 5 - 11 >= -1 fails too.
    assert_eq!(ids, ["LE", "GE", "LIT", "MAX"]);
    assert!(!report.is_ok());
    let warning_only = Bounds {
        received: Cell::Value(5),
        done: Cell::Value(2),
    };
    let report = warning_only.check();
    assert_eq!(report.violations().len(), 1);
    assert!(report.is_ok(), "a warning does not fail the check");
}

#[test]
fn rules_are_data_before_any_instance_exists() {
    let info = Bounds::info();
    let lit = info.rule("LIT").unwrap();
    assert_eq!(lit.expression, "done == 3");
    assert_eq!(lit.severity, baobiao::Severity::Warning);
    let max = info.rule("MAX").unwrap();
    assert_eq!(max.message_zh, "数值不得大于10");
    assert_eq!(info.instances[max.instances[0]].cells(), vec![1]);
}

#[derive(Form, Serialize, Deserialize, Debug)]
#[form(check(total <= 3.5 + a, id = "LIT-DEC"))]
struct Money {
    #[form(label = "甲", unit = "万元")]
    a: baobiao::Amount,
    #[form(label = "乙", unit = "万元")]
    b: baobiao::Amount,
    #[form(label = "丙")]
    c: Count,
    #[form(label = "合计", unit = "万元", total(id = "SUM"))]
    total: baobiao::Amount,
}

fn money(json: &str) -> Money {
    serde_json::from_str(json).unwrap()
}

#[test]
fn amounts_are_summed_exactly_across_scales() {
    // 0.1 + 0.20 + 3 == 3.30: no float would say so for 0.1 + 0.2.
    let m = money(r#"{"a": 0.1, "b": 0.20, "c": 3, "total": 3.30}"#);
    agree(&m);
    assert!(m.check().violations().is_empty());
    let off = money(r#"{"a": 0.1, "b": 0.20, "c": 3, "total": 3.31}"#);
    agree(&off);
    let report = off.check();
    let violations = report.violations();
    assert_eq!(violations.len(), 1, "{violations:#?}");
    assert_eq!(violations[0].id(), "SUM");
    assert_eq!(
        (
            violations[0].actual(Lang::Zh).as_str(),
            violations[0].expected(Lang::Zh).as_str()
        ),
        ("3.31", "3.30")
    );
    let over = money(r#"{"a": 0.1, "b": 3.6, "c": 0, "total": 3.70}"#);
    agree(&over);
    let report = over.check();
    let violations = report.violations();
    assert_eq!(violations.len(), 1, "{violations:#?}");
    assert_eq!(violations[0].id(), "LIT-DEC");
    assert_eq!(
        (
            violations[0].actual(Lang::Zh).as_str(),
            violations[0].expected(Lang::Zh).as_str()
        ),
        ("3.70", "<= 3.6")
    );
}

#[test]
fn sums_beyond_exact_range_are_not_assessable() {
    let huge = money(
        r#"{"a": 79228162514264337593543950335, "b": 79228162514264337593543950335, "c": 0, "total": 1}"#,
    );
    agree(&huge);
    let report = huge.check();
    let na = report.not_assessable();
    assert!(
        na.iter()
            .any(|n| n.rule.id == "SUM" && n.reason.describe(Lang::En).contains("exact")),
        "{na:#?}"
    );
}

#[derive(Form, Serialize, Deserialize, Debug, Clone)]
#[form(
    check(done < received, id = "LT"),
    check(received > done, id = "GT"),
    check(received != done, id = "NE")
)]
struct Strictly {
    #[form(label = "收到")]
    received: Count,
    #[form(label = "办结")]
    done: Count,
}

#[test]
fn strict_comparisons_and_inequality() {
    let fewer = Strictly {
        received: Cell::Value(5),
        done: Cell::Value(3),
    };
    agree(&fewer);
    assert!(fewer.check().violations().is_empty());
    let equal = Strictly {
        received: Cell::Value(3),
        done: Cell::Value(3),
    };
    agree(&equal);
    let report = equal.check();
    let seen: Vec<(&str, String, String)> = report
        .violations()
        .iter()
        .map(|v| (v.id(), v.expected(Lang::Zh), v.actual(Lang::Zh)))
        .collect();
    let want = [("LT", "< 3", "3"), ("GT", "> 3", "3"), ("NE", "!= 3", "3")];
    let want: Vec<(&str, String, String)> = want
        .iter()
        .map(|&(id, expected, actual)| (id, expected.to_owned(), actual.to_owned()))
        .collect();
    assert_eq!(seen, want);
    // The exported rules say the same comparison to other tools.
    let exported = baobiao::schema::logic::export(Strictly::info());
    let lt = serde_json::to_string(&exported[0].logic).unwrap();
    assert!(lt.contains(r#"{"<":"#), "{lt}");
}

/// 经费支出, published in 万元 to two places: the parts were rounded, their total too.
#[derive(Form, Serialize, Deserialize, Debug, Clone)]
#[form(
    check(staff + goods + projects == total, id = "SPEND-SUM", decimals = 2),
    check(each(staff, goods, projects) <= total, id = "SPEND-PART", decimals = 2),
    check(staff + goods + projects == total, id = "SPEND-EXACT", severity = info)
)]
struct Spending {
    #[form(label = "人员经费", unit = "万元")]
    staff: baobiao::Amount,
    #[form(label = "公用经费", unit = "万元")]
    goods: baobiao::Amount,
    #[form(label = "项目经费", unit = "万元")]
    projects: baobiao::Amount,
    #[form(label = "合计", unit = "万元")]
    total: baobiao::Amount,
}

fn spending(json: &str) -> Spending {
    serde_json::from_str(json).unwrap()
}

fn failed(report: &baobiao::Report<'_>) -> Vec<String> {
    report
        .violations()
        .iter()
        .map(|v| v.id().to_owned())
        .collect()
}

#[test]
fn a_rule_with_decimals_allows_the_rounding_of_published_values() {
    // Thirds of 1 万元, each published as 0.33: their sum misses the total by 0.01, within the
    // rounding of four cells (4 × 0.005 = 0.02). The exact rule sees the difference.
    let thirds = spending(r#"{"staff": 0.33, "goods": 0.33, "projects": 0.33, "total": 1.00}"#);
    agree(&thirds);
    assert_eq!(failed(&thirds.check()), ["SPEND-EXACT"]);
    let info = Spending::info();
    let sum = &info.instances[info.rule("SPEND-SUM").unwrap().instances[0]];
    // Half a cent for each of four cells, and a quarter cent (see `rounding_tolerance`).
    assert_eq!(
        sum.tolerance().map(|t| t.to_string()).as_deref(),
        Some("0.0225")
    );
    assert_eq!(
        info.rule("SPEND-SUM").unwrap().expression,
        "staff + goods + projects == total, decimals = 2"
    );
    // A part within rounding of the total (two cells: one cent) is not an error either; two
    // cents are.
    let part = &info.instances[info.rule("SPEND-PART").unwrap().instances[0]];
    assert_eq!(
        part.tolerance().map(|t| t.to_string()).as_deref(),
        Some("0.0125")
    );
    let close = spending(r#"{"staff": 1.01, "goods": 0, "projects": 0, "total": 1.00}"#);
    agree(&close);
    assert_eq!(failed(&close.check()), ["SPEND-EXACT"]);

    // A real difference is still one: 0.05 is beyond what rounding explains.
    let wrong = spending(r#"{"staff": 0.33, "goods": 0.33, "projects": 0.29, "total": 1.00}"#);
    agree(&wrong);
    let report = wrong.check();
    assert_eq!(failed(&report), ["SPEND-SUM", "SPEND-EXACT"]);
    let violation = &report.violations()[0];
    assert_eq!(violation.actual(Lang::Zh), "1.00");
    assert_eq!(violation.expected(Lang::Zh), "0.95");
    assert!(
        violation
            .detail(Lang::Zh)
            .ends_with("差额 -0.05，超出舍入允许的 ±0.0225"),
        "{}",
        violation.detail(Lang::Zh)
    );
    let two_cents = spending(r#"{"staff": 1.02, "goods": 0, "projects": 0, "total": 1.00}"#);
    agree(&two_cents);
    assert_eq!(failed(&two_cents.check()), ["SPEND-PART", "SPEND-EXACT"]);
    let over = spending(r#"{"staff": 1.03, "goods": 0, "projects": 0, "total": 1.00}"#);
    agree(&over);
    assert_eq!(
        failed(&over.check()),
        ["SPEND-SUM", "SPEND-PART", "SPEND-EXACT"]
    );
}

/// 会议: every meeting has two sessions; minutes cover at least half the sessions.
#[derive(Form, Serialize, Deserialize, Debug, Clone)]
#[form(
    check(sessions == 2 * meetings, id = "TWICE"),
    check(minutes >= 0.5 * sessions, id = "HALF"),
    check(sessions - 2 * (meetings + cancelled) <= 0, id = "NOT-MORE")
)]
struct Meetings {
    #[form(label = "会议数")]
    meetings: Count,
    #[form(label = "取消数")]
    cancelled: Count,
    #[form(label = "场次")]
    sessions: Count,
    #[form(label = "纪要数")]
    minutes: Count,
}

#[test]
fn fields_multiplied_by_a_constant_are_exact() {
    let info = Meetings::info();
    assert_eq!(
        info.rule("TWICE").unwrap().expression,
        "sessions == 2 * meetings"
    );
    assert_eq!(
        info.rule("NOT-MORE").unwrap().expression,
        "sessions - 2 * meetings - 2 * cancelled <= 0"
    );
    let meetings = |json: &str| serde_json::from_str::<Meetings>(json).unwrap();
    let good = meetings(r#"{"meetings": 6, "cancelled": 1, "sessions": 12, "minutes": 6}"#);
    agree(&good);
    assert_eq!(failed(&good.check()), Vec::<String>::new());

    let bad = meetings(r#"{"meetings": 6, "cancelled": 0, "sessions": 13, "minutes": 6}"#);
    agree(&bad);
    let report = bad.check();
    assert_eq!(failed(&report), ["TWICE", "HALF", "NOT-MORE"]);
    let twice = &report.violations()[0];
    assert_eq!(
        (twice.actual(Lang::Zh), twice.expected(Lang::Zh)),
        ("13".into(), "12".into())
    );
    assert!(
        twice.detail(Lang::Zh).contains("2 × 会议数(6) = 12"),
        "{}",
        twice.detail(Lang::Zh)
    );
    // 0.5 × 13 = 6.5: the decimal factor is exact, and 6 falls short.
    let half = &report.violations()[1];
    assert_eq!(half.expected(Lang::Zh), ">= 6.5");

    // A blank multiplied is a blank: the side is not assessable, as without a factor.
    let blank = meetings(r#"{"meetings": null, "cancelled": 0, "sessions": 12, "minutes": 6}"#);
    agree(&blank);
    let report = blank.check();
    let unassessed: Vec<&str> = report
        .not_assessable()
        .iter()
        .map(|n| n.rule.id.as_str())
        .collect();
    assert_eq!(unassessed, ["TWICE"], "{:?}", report.violations());
}

/// 网站类型 decides which rule applies: a department site publishes no 政务服务 figures of
/// its own; a portal's services are at least its online ones.
#[derive(baobiao::Choice, Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum SiteKind {
    #[form(label = "政府门户网站")]
    Portal,
    #[form(label = "部门网站")]
    Department,
}

#[derive(Form, Serialize, Deserialize, Debug, Clone)]
#[form(check(online <= matters, id = "PORTAL-ONLINE", when(kind == SiteKind::Portal)))]
struct Services {
    #[form(label = "网站类型")]
    kind: Option<SiteKind>,
    #[form(label = "政务服务事项数量", range(max = 0, id = "DEPT-NONE", when(kind == SiteKind::Department)))]
    matters: Count,
    #[form(label = "可全程在线办理政务服务事项数量")]
    online: Count,
}

#[test]
fn a_choice_decides_which_rules_apply() {
    let services = |kind: &str| {
        serde_json::from_str::<Services>(&format!(
            r#"{{"kind": {kind}, "matters": 5, "online": 7}}"#
        ))
        .unwrap()
    };
    let outcome = |s: &Services| {
        let report = s.check();
        let failed: Vec<String> = report
            .violations()
            .iter()
            .map(|v| v.id().to_owned())
            .collect();
        let unknown: Vec<String> = report
            .not_assessable()
            .iter()
            .map(|n| format!("{} {}", n.rule.id, n.reason.describe(Lang::En)))
            .collect();
        (failed, unknown)
    };
    assert_eq!(
        outcome(&services(r#""portal""#)),
        (vec!["PORTAL-ONLINE".to_owned()], vec![])
    );
    assert_eq!(
        outcome(&services(r#""department""#)),
        (vec!["DEPT-NONE".to_owned()], vec![])
    );
    let blank = outcome(&services("null"));
    assert_eq!(blank.0, Vec::<String>::new());
    assert_eq!(blank.1.len(), 2, "{:?}", blank.1);
    assert!(
        blank.1[0].contains("whether it applies is unknown"),
        "{:?}",
        blank.1
    );

    let info = Services::info();
    let portal = &info.instances[info.rule("PORTAL-ONLINE").unwrap().instances[0]];
    let when = portal.when.as_ref().unwrap();
    assert_eq!(
        (when.pointer.as_str(), &when.value),
        ("/kind", &serde_json::json!("portal"))
    );
    assert_eq!(
        info.rule("PORTAL-ONLINE").unwrap().expression,
        "online <= matters, when(kind == SiteKind::Portal)"
    );
    // From cells alone a conditional instance cannot be decided.
    let cells = services(r#""portal""#);
    assert_eq!(
        portal.decide(|c| cells.slots()[c]).0,
        Status::NotAssessable(Reason::ConditionUnknown)
    );
}

/// This year's and last year's rows are different types with the same columns: a rule may
/// compare them column by column.
#[derive(Form, Serialize, Deserialize, Debug, Clone)]
#[form(columns)]
struct ThisYear {
    #[form(label = "个人")]
    people: Count,
    #[form(label = "组织")]
    organisations: Count,
}

#[derive(Form, Serialize, Deserialize, Debug, Clone)]
#[form(columns)]
struct LastYear {
    #[form(label = "个人")]
    people: Count,
    #[form(label = "组织")]
    organisations: Count,
}

#[derive(Form, Serialize, Deserialize, Debug, Clone)]
#[form(check(this_year.carried_in == last_year.carried_out, id = "CARRY"))]
struct TwoYears {
    #[form(label = "本年")]
    this_year: CarriedIn,
    #[form(label = "上年")]
    last_year: CarriedOut,
}

#[derive(Form, Serialize, Deserialize, Debug, Clone)]
struct CarriedIn {
    #[form(label = "上年结转")]
    carried_in: ThisYear,
}

#[derive(Form, Serialize, Deserialize, Debug, Clone)]
struct CarriedOut {
    #[form(label = "结转下年")]
    carried_out: LastYear,
}

#[test]
fn rows_of_different_types_with_the_same_columns_compare_column_by_column() {
    let info = TwoYears::info();
    let carry = info.rule("CARRY").unwrap();
    assert_eq!(carry.instances.len(), 2);
    let at: Vec<String> = carry
        .instances
        .iter()
        .map(|&i| info.instances[i].at.join(" › "))
        .collect();
    assert_eq!(at, ["个人", "组织"]);
    let years: TwoYears = serde_json::from_str(
        r#"{"this_year": {"carried_in": {"people": 3, "organisations": 1}},
            "last_year": {"carried_out": {"people": 3, "organisations": 2}}}"#,
    )
    .unwrap();
    agree(&years);
    let report = years.check();
    let violations = report.violations();
    assert_eq!(violations.len(), 1);
    assert_eq!(
        violations[0].cells[0].pointer,
        "/this_year/carried_in/organisations"
    );
    assert_eq!(
        violations[0].cells[1].pointer,
        "/last_year/carried_out/organisations"
    );
}
