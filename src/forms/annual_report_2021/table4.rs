//! Table 4, under `四、政府信息公开行政复议、行政诉讼情况`: one row of 15 cells in three groups.

use serde::{Deserialize, Serialize};

use crate::{Count, Form};

/// Table 4: administrative reconsideration and litigation over information disclosure.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(
    columns,
    range(
        min = 0,
        id = "T4-NONNEG",
        message = "案件数量不得为负数",
        message_en = "numbers of cases cannot be negative"
    )
)]
pub struct ReviewsAndLawsuits {
    /// 行政复议.
    #[form(label = "行政复议")]
    pub reconsideration: CaseResults,
    /// 行政诉讼.
    #[form(label = "行政诉讼")]
    pub litigation: Litigation,
}

/// 行政诉讼: two groups of five columns.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(columns)]
pub struct Litigation {
    /// 未经复议直接起诉.
    #[form(label = "未经复议直接起诉")]
    pub direct: CaseResults,
    /// 复议后起诉.
    #[form(label = "复议后起诉")]
    pub after_reconsideration: CaseResults,
}

/// The five result columns of one group.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(columns)]
pub struct CaseResults {
    /// 结果维持.
    #[form(label = "结果维持")]
    pub upheld: Count,
    /// 结果纠正.
    #[form(label = "结果纠正")]
    pub corrected: Count,
    /// 其他结果.
    #[form(label = "其他结果")]
    pub other: Count,
    /// 尚未审结.
    #[form(label = "尚未审结")]
    pub pending: Count,
    /// 总计.
    #[form(
        label = "总计",
        total(
            id = "T4-GROUP-TOTAL",
            message = "总计等于结果维持、结果纠正、其他结果、尚未审结之和",
            message_en = "the total equals upheld + corrected + other results + pending"
        )
    )]
    pub total: Count,
}
