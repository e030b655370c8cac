//! The rules of the 2021 form written by hand, field by field: the baseline the generated check
//! is measured against, and (in `tests/handwritten.rs`) proof that both decide the same.

use baobiao::forms::annual_report_2021::{AnnualReport, Applicants, CaseResults};
use baobiao::{Cell, Count, Num, Reason, Side, Status};

/// One decided rule instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandOutcome {
    pub rule: &'static str,
    pub status: Status,
    pub blanks: usize,
}

#[inline]
fn value(cell: &Count) -> Option<i128> {
    match cell {
        Cell::Value(v) => Some(i128::from(*v)),
        _ => None,
    }
}

/// `Σ lhs == Σ rhs` with the documented blank semantics.
#[inline]
fn equation(
    rule: &'static str,
    lhs: &[&Count],
    rhs: &[&Count],
    result: Option<Side>,
) -> HandOutcome {
    let side = |cells: &[&Count]| {
        let mut sum: i128 = 0;
        let mut blanks = 0;
        for cell in cells {
            match value(cell) {
                Some(v) => sum += v,
                None => blanks += 1,
            }
        }
        (sum, blanks)
    };
    let (l, lb) = side(lhs);
    let (r, rb) = side(rhs);
    let status = if result == Some(Side::Lhs) && lb > 0 {
        Status::NotAssessable(Reason::ResultBlank(Side::Lhs))
    } else if lb == lhs.len() {
        Status::NotAssessable(Reason::SideBlank(Side::Lhs))
    } else if result == Some(Side::Rhs) && rb > 0 {
        Status::NotAssessable(Reason::ResultBlank(Side::Rhs))
    } else if rb == rhs.len() {
        Status::NotAssessable(Reason::SideBlank(Side::Rhs))
    } else if l == r {
        Status::Pass
    } else {
        Status::Fail {
            lhs: Num::Int(l),
            rhs: Num::Int(r),
        }
    };
    HandOutcome {
        rule,
        status,
        blanks: lb + rb,
    }
}

fn column(a: &Applicants, c: usize) -> &Count {
    match c {
        0 => &a.natural_persons,
        1 => &a.organisations.business,
        2 => &a.organisations.research,
        3 => &a.organisations.public_interest,
        4 => &a.organisations.legal_services,
        5 => &a.organisations.other,
        _ => &a.total,
    }
}

fn row_total(a: &Applicants) -> HandOutcome {
    let o = &a.organisations;
    equation(
        "T3-ROW-TOTAL",
        &[&a.total],
        &[
            &a.natural_persons,
            &o.business,
            &o.research,
            &o.public_interest,
            &o.legal_services,
            &o.other,
        ],
        Some(Side::Lhs),
    )
}

fn group_total(g: &CaseResults) -> HandOutcome {
    equation(
        "T4-GROUP-TOTAL",
        &[&g.total],
        &[&g.upheld, &g.corrected, &g.other, &g.pending],
        Some(Side::Lhs),
    )
}

/// Every rule of the form, in the order the generated check decides them.
pub fn check(report: &AnnualReport) -> Vec<HandOutcome> {
    let mut out = Vec::with_capacity(43);
    let fee = &report
        .active_disclosure
        .article_20_8
        .administrative_fees
        .amount;
    let fee_status = match fee {
        Cell::Value(v) if v.is_sign_negative() && !v.is_zero() => Status::Fail {
            lhs: Num::Dec(*v),
            rhs: Num::ZERO,
        },
        _ => Status::Pass,
    };
    out.push(HandOutcome {
        rule: "T2-NONNEG",
        status: fee_status,
        blanks: 0,
    });

    let t3 = &report.applications;
    let o = &t3.outcomes;
    let leaves: [&Applicants; 21] = [
        &o.granted,
        &o.partially_granted,
        &o.withheld.state_secrets,
        &o.withheld.prohibited_by_law,
        &o.withheld.security_and_stability,
        &o.withheld.third_party_rights,
        &o.withheld.internal_affairs,
        &o.withheld.process_information,
        &o.withheld.enforcement_files,
        &o.withheld.enquiry_matters,
        &o.unable_to_provide.not_held,
        &o.unable_to_provide.would_need_creating,
        &o.unable_to_provide.still_unclear,
        &o.not_processed.petitions_and_complaints,
        &o.not_processed.repeated,
        &o.not_processed.publications,
        &o.not_processed.excessive,
        &o.not_processed.confirmation,
        &o.other_handling.not_corrected,
        &o.other_handling.fee_not_paid,
        &o.other_handling.other,
    ];
    for c in 0..7 {
        out.push(equation(
            "T3-IDENT",
            &[column(&t3.new_received, c), column(&t3.carried_over, c)],
            &[column(&o.total, c), column(&t3.carried_forward, c)],
            None,
        ));
    }
    out.push(row_total(&t3.new_received));
    out.push(row_total(&t3.carried_over));
    for c in 0..7 {
        let addends: [&Count; 21] = std::array::from_fn(|r| column(leaves[r], c));
        out.push(equation(
            "T3-RESULT-SUM",
            &[column(&o.total, c)],
            &addends,
            Some(Side::Lhs),
        ));
    }
    for leaf in leaves {
        out.push(row_total(leaf));
    }
    out.push(row_total(&o.total));
    out.push(row_total(&t3.carried_forward));

    let t4 = &report.reviews_and_lawsuits;
    out.push(group_total(&t4.reconsideration));
    out.push(group_total(&t4.litigation.direct));
    out.push(group_total(&t4.litigation.after_reconsideration));
    out
}

/// The id of one of the rules checked here, as a `&'static str`.
#[allow(dead_code)]
pub fn rule_id(id: &str) -> &'static str {
    [
        "T2-NONNEG",
        "T3-IDENT",
        "T3-ROW-TOTAL",
        "T3-RESULT-SUM",
        "T4-GROUP-TOTAL",
    ]
    .into_iter()
    .find(|known| *known == id)
    .unwrap_or_else(|| panic!("unexpected rule {id}"))
}
