//! A variant agencies print: the 2021 report (国办公开办函〔2021〕30号) whose table 3 keeps the
//! 2019 template's rows, where `（六）其他处理` is one row instead of three (23 rows, not 25).
//!
//! The tables are the templates' own: table 2 and table 4 of 2021, table 3 of 2019, each with its
//! rules (`T3-RESULT-SUM` sums the 20 outcome rows of 2019). A report read as this form is
//! checked with the rows it printed; the reading names the form, so it says so.

use serde::{Deserialize, Serialize};

use crate::Form;
use crate::forms::annual_report_2019::Applications2019;
use crate::forms::annual_report_2021::{ActiveDisclosure, ReviewsAndLawsuits};

/// 政府信息公开工作年度报告（2021年格式，表三按2019年格式的行印制）.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(
    name = "annual-report-2021-table3-2019",
    label = "政府信息公开工作年度报告"
)]
pub struct AnnualReport2021WithTable3Of2019 {
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
    /// 二、主动公开政府信息情况: table 2 of 2021.
    #[form(label = "二、主动公开政府信息情况", section)]
    pub active_disclosure: ActiveDisclosure,
    /// 三、收到和处理政府信息公开申请情况: table 3 with the 2019 rows.
    #[form(label = "三、收到和处理政府信息公开申请情况", section)]
    pub applications: Applications2019,
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
