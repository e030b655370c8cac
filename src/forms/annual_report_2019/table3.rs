//! Table 3 of the 2019 form: as in 2021, but `（六）其他处理` is one row (23 rows × 7).

use serde::{Deserialize, Serialize};

use crate::Form;
use crate::forms::annual_report_2021::{Applicants, NotProcessed, UnableToProvide, Withheld};

/// Table 3 (2019): applications received and how they were handled.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(
    corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    check(
        new_received + carried_over == outcomes.total + carried_forward,
        id = "T3-IDENT",
        message = "第一项加第二项之和，等于第三项加第四项之和",
        message_en = "new applications plus those carried over must equal the total handled plus those carried forward"
    ),
    range(
        min = 0,
        id = "T3-NONNEG",
        message = "申请数量不得为负数",
        message_en = "numbers of applications cannot be negative"
    )
)]
pub struct Applications2019 {
    /// 一、本年新收政府信息公开申请数量.
    #[form(label = "一、本年新收政府信息公开申请数量")]
    pub new_received: Applicants,
    /// 二、上年结转政府信息公开申请数量.
    #[form(
        label = "二、上年结转政府信息公开申请数量",
        previous(
            carried_forward,
            id = "T3-CARRY",
            severity = warning,
            message = "二、上年结转政府信息公开申请数量应等于上年报告的四、结转下年度继续办理",
            message_en = "the applications carried over from last year must equal those last year's report carried forward"
        )
    )]
    pub carried_over: Applicants,
    /// 三、本年度办理结果.
    #[form(label = "三、本年度办理结果")]
    pub outcomes: Outcomes2019,
    /// 四、结转下年度继续办理.
    #[form(label = "四、结转下年度继续办理", alias = "四、结转下一年度继续办理")]
    pub carried_forward: Applicants,
}

/// 三、本年度办理结果 (2019): `（六）其他处理` is a single row.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Outcomes2019 {
    /// （一）予以公开.
    #[form(label = "（一）予以公开")]
    pub granted: Applicants,
    /// （二）部分公开.
    #[form(label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")]
    pub partially_granted: Applicants,
    /// （三）不予公开.
    #[form(label = "（三）不予公开")]
    pub withheld: Withheld,
    /// （四）无法提供.
    #[form(label = "（四）无法提供")]
    pub unable_to_provide: UnableToProvide,
    /// （五）不予处理.
    #[form(label = "（五）不予处理")]
    pub not_processed: NotProcessed,
    /// （六）其他处理: one row in 2019.
    #[form(label = "（六）其他处理")]
    pub other_handling: Applicants,
    /// （七）总计.
    #[form(
        label = "（七）总计",
        alias = "七、总计",
        total(
            id = "T3-RESULT-SUM",
            message = "（七）总计等于（一）至（六）各项办理结果之和",
            message_en = "(7) total equals the sum of the outcome rows (1) to (6)"
        )
    )]
    pub total: Applicants,
}
