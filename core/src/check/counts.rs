//! The counts a verdict gives, defined once for every place that says them (`check`'s verdict
//! line, the verdict a drawn page opens with): each says what it counts, and they add up —
//! the rule instances a check decides are passed, violated or not assessable; the ranges the
//! cells' types guarantee are counted apart (listed by `rules`, never decided one by one);
//! strict mode's cells without a number are not rule instances and are counted apart too.

use crate::check::outcome::Status;
use crate::check::report::Report;
use crate::model::lang::Lang;

/// What a check decided, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Rule instances decided (passed + violated + not assessable).
    pub instances: usize,
    /// Ranges the cells' types guarantee (a count is never negative): not decided.
    pub by_type: usize,
    /// Instances that hold.
    pub passed: usize,
    /// Of those, the ones that read a blank cell as 0.
    pub passed_with_blanks: usize,
    /// Instances that do not hold.
    pub violated: usize,
    /// Instances that could not be decided.
    pub unassessed: usize,
    /// In strict mode, the cells without a number (each an error, not a rule instance).
    pub strict: usize,
    /// Blank cells read.
    pub blank: usize,
}

impl Counts {
    /// The counts of `report`.
    pub fn of(report: &Report<'_>) -> Counts {
        let outcomes = report.outcomes();
        let count = |f: &dyn Fn(&crate::check::outcome::Outcome) -> bool| {
            outcomes.iter().filter(|o| f(o)).count()
        };
        let info = report.form();
        Counts {
            instances: outcomes.len(),
            by_type: info.instances.len().saturating_sub(info.evaluated()),
            passed: count(&|o| o.status == Status::Pass),
            passed_with_blanks: count(&|o| o.status == Status::Pass && o.blanks > 0),
            violated: count(&|o| matches!(o.status, Status::Fail { .. })),
            unassessed: count(&|o| matches!(o.status, Status::NotAssessable(_))),
            strict: report.strict_blanks().len(),
            blank: report.blank_cells().iter().filter(|&&b| b).count(),
        }
    }

    /// `规则实例 43 条（另有 199 条取值范围由单元格类型保证，不逐条核验）：通过 42（其中 7 条把空白单元格
    /// 按 0 计算），不符合 0，无法核验 1。空白单元格 7 个。`
    pub fn describe(&self, lang: Lang) -> String {
        let Counts {
            instances,
            by_type,
            passed,
            passed_with_blanks: noted,
            violated,
            unassessed,
            strict,
            blank,
        } = *self;
        match lang {
            Lang::Zh => {
                let by_type = if by_type > 0 {
                    format!("（另有 {by_type} 条取值范围由单元格类型保证，不逐条核验）")
                } else {
                    String::new()
                };
                let noted = if noted > 0 {
                    format!("（其中 {noted} 条把空白单元格按 0 计算）")
                } else {
                    String::new()
                };
                let mut line = format!(
                    "规则实例 {instances} 条{by_type}：通过 {passed}{noted}，不符合 {violated}，无法核验 {unassessed}。"
                );
                if strict > 0 {
                    line.push_str(&format!("严格模式：{strict} 个单元格未填数值，视为错误。"));
                } else if blank > 0 {
                    line.push_str(&format!("空白单元格 {blank} 个。"));
                }
                line
            }
            Lang::En => {
                let s = |n: usize| if n == 1 { "" } else { "s" };
                let by_type = if by_type > 0 {
                    format!(
                        " (and {by_type} range{} guaranteed by the cells' type, not checked one by one)",
                        s(by_type)
                    )
                } else {
                    String::new()
                };
                let noted = if noted > 0 {
                    format!(" ({noted} reading blank cells as 0)")
                } else {
                    String::new()
                };
                let mut line = format!(
                    "{instances} rule instance{}{by_type}: {passed} passed{noted}, {violated} violated, {unassessed} not assessable.",
                    s(instances)
                );
                if strict > 0 {
                    line.push_str(&format!(
                        " Strict: {strict} cell{} without a number, each an error.",
                        s(strict)
                    ));
                } else if blank > 0 {
                    line.push_str(&format!(" {blank} blank cell{}.", s(blank)));
                }
                line
            }
        }
    }
}
