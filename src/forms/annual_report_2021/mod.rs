//! 中华人民共和国政府信息公开工作年度报告格式, 2021 edition (国办公开办函〔2021〕30号).
//!
//! The whole report: title and metadata, the six sections (narrative text for 一, 五 and 六),
//! and the three tables of sections 二, 三 and 四. Every label is verbatim from the template.
//!
//! # Rules
//!
//! | id | rule | instances | severity |
//! |---|---|---|---|
//! | `T3-IDENT` | 第一项加第二项之和，等于第三项加第四项之和: `一 + 二 == （七）总计 + 四`, per column | 7 | error |
//! | `T3-RESULT-SUM` | `（七）总计` equals the sum of the 22 outcome rows （一）…（六）, per column | 7 | error |
//! | `T3-ROW-TOTAL` | `总计` equals 自然人 plus the five 法人或其他组织 columns, per row | 25 | error |
//! | `T4-GROUP-TOTAL` | `总计` equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结, per group | 3 | error |
//! | `T2-NONNEG` | every number of table 2 is ≥ 0 (the fee is a decimal in 万元) | 10 | error |
//! | `T3-NONNEG` | every cell of table 3 is ≥ 0 (guaranteed by the count type) | 175 | error |
//! | `T4-NONNEG` | every cell of table 4 is ≥ 0 (guaranteed by the count type) | 15 | error |
//!
//! Rules that need more than one report (T3-CARRY, T2-STOCK) or the narrative (TXT-VS-TABLE)
//! are not declared here.

mod table2;
mod table3;
mod table4;

use serde::{Deserialize, Serialize};

use crate::Form;

pub use table2::*;
pub use table3::*;
pub use table4::*;

/// 政府信息公开工作年度报告（2021年格式）.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(name = "annual-report-2021", label = "政府信息公开工作年度报告")]
pub struct AnnualReport {
    /// The report's title line, e.g. `湘潭县公安局2024年政府信息公开工作年度报告`: it names
    /// the agency and the year reported on.
    #[form(
        label = "标题",
        title(
            pattern = "{agency}{year}年{}年度报告",
            pattern = "{year}年度{agency}政府信息公开工作年度报告",
            pattern = "{year}年{agency}政府信息公开工作年度报告"
        )
    )]
    pub title: String,
    /// The reporting agency.
    #[form(label = "机关名称", reporter)]
    pub agency: String,
    /// The year reported on (not the year of publication).
    #[form(label = "报告年度", period)]
    pub year: u16,
    /// The opening paragraph (basis of the report, statistical period), where there is one.
    #[form(label = "引言", preamble)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preamble: Option<String>,
    /// 一、总体情况.
    #[form(label = "一、总体情况", section)]
    pub overview: String,
    /// 二、主动公开政府信息情况: table 2.
    #[form(label = "二、主动公开政府信息情况", section)]
    pub active_disclosure: ActiveDisclosure,
    /// 三、收到和处理政府信息公开申请情况: table 3.
    #[form(label = "三、收到和处理政府信息公开申请情况", section)]
    pub applications: Applications,
    /// 四、政府信息公开行政复议、行政诉讼情况: table 4.
    #[form(label = "四、政府信息公开行政复议、行政诉讼情况", section)]
    pub reviews_and_lawsuits: ReviewsAndLawsuits,
    /// 五、存在的主要问题及改进情况.
    #[form(
        label = "五、存在的主要问题及改进情况",
        alias = "五、政府信息公开工作存在的主要问题及改进情况",
        section
    )]
    pub problems: String,
    /// 六、其他需要报告的事项.
    #[form(label = "六、其他需要报告的事项", section)]
    pub other_matters: String,
}
