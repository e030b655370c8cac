//! 中华人民共和国政府信息公开工作年度报告格式（试行）, 2019 edition (国办公开办函〔2019〕60号), used
//! for the reports on 2019 and 2020.
//!
//! Tables 3 and 4 share their rows and columns with the 2021 form, except that table 3's
//! `（六）其他处理` is one row; table 2 has five 第二十条 items with other columns.
//!
//! # Rules
//!
//! | id | rule | instances | severity |
//! |---|---|---|---|
//! | `T3-IDENT` | 第一项加第二项之和，等于第三项加第四项之和, per column | 7 | error |
//! | `T3-RESULT-SUM` | `（七）总计` equals the 20 outcome rows, per column | 7 | error |
//! | `T3-ROW-TOTAL` | `总计` equals the six applicant columns, per row | 23 | error |
//! | `T4-GROUP-TOTAL` | `总计` equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结, per group | 3 | error |
//! | `T2-PROJ-NONNEG` | `上一年项目数量` + `本年增/减` is not negative | 5 | error |
//! | `T2-PUB-BOUND` | `对外公开总数量` is at least `本年新公开数量` | 2 | warning |
//! | `T2-NONNEG`, `T3-NONNEG`, `T4-NONNEG` | counts are not negative | 16, 161, 15 | error |

mod table2;
mod table3;

use serde::{Deserialize, Serialize};

use crate::Form;
use crate::forms::annual_report_2021::ReviewsAndLawsuits;

pub use table2::*;
pub use table3::*;

/// 政府信息公开工作年度报告（2019年格式，试行）.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(name = "annual-report-2019", label = "政府信息公开工作年度报告")]
pub struct AnnualReport2019 {
    /// The report's title line: it names the agency and the year reported on.
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
    /// The opening paragraph, where there is one.
    #[form(label = "引言", preamble)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preamble: Option<String>,
    /// 一、总体情况.
    #[form(label = "一、总体情况", section)]
    pub overview: String,
    /// 二、主动公开政府信息情况: table 2.
    #[form(label = "二、主动公开政府信息情况", section)]
    pub active_disclosure: ActiveDisclosure2019,
    /// 三、收到和处理政府信息公开申请情况: table 3.
    #[form(label = "三、收到和处理政府信息公开申请情况", section)]
    pub applications: Applications2019,
    /// 四、政府信息公开行政复议、行政诉讼情况: table 4 (as in 2021).
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
