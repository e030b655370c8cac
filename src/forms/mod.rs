//! The official forms, declared with `#[derive(Form)]`.
//!
//! - [`annual_report_2021`]: 政府信息公开工作年度报告, 2021 template (国办公开办函〔2021〕30号),
//!   for reports on 2021 and later years.
//! - [`annual_report_2019`]: the 2019 trial template (国办公开办函〔2019〕60号), for reports on
//!   2019 and 2020.
//! - [`annual_report_2021_mixed`]: the 2021 report as agencies sometimes print it, table 3 with
//!   the 2019 rows (`（六）其他处理` one row).
//! - [`website`]: 政府网站工作年度报表 (国办函〔2018〕12号), every government website's annual
//!   report.

pub mod annual_report_2019;
pub mod annual_report_2021;
pub mod annual_report_2021_mixed;
pub mod website;

use crate::set::FormSet;

/// The official forms as a set, by the names the command line knows them by; the 2021
/// template first (the default for a filled form's JSON). A published report is read as the
/// form it reads most completely into; on a tie, the earlier: the templates before the mixed
/// variant.
pub fn all() -> FormSet {
    FormSet::new()
        .with::<annual_report_2021::AnnualReport>(
            "annual-report-2021",
            "政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）",
        )
        .with::<annual_report_2019::AnnualReport2019>(
            "annual-report-2019",
            "政府信息公开工作年度报告（国办公开办函〔2019〕60号格式，试行）",
        )
        .with::<annual_report_2021_mixed::AnnualReport2021WithTable3Of2019>(
            "annual-report-2021-table3-2019",
            "政府信息公开工作年度报告（2021年格式，表三按2019年格式的行印制）",
        )
        .variant_of("annual-report-2021")
        .with::<website::WebsiteReport>("website", "政府网站工作年度报表（国办函〔2018〕12号）")
}
