//! Table 3, under `三、收到和处理政府信息公开申请情况`: 25 rows × 7 columns.
//!
//! Nesting follows the template: `三、本年度办理结果` holds the outcome rows, and
//! `（三）`…`（六）` group their numbered rows. Only leaf rows carry numbers.

use serde::{Deserialize, Serialize};

use crate::{Count, Form};

/// Table 3: applications received and how they were handled.
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
pub struct Applications {
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
    pub outcomes: Outcomes,
    /// 四、结转下年度继续办理.
    #[form(label = "四、结转下年度继续办理", alias = "四、结转下一年度继续办理")]
    pub carried_forward: Applicants,
}

/// 申请人情况: the seven numeric columns of table 3.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(columns, label = "申请人情况")]
pub struct Applicants {
    /// 自然人.
    #[form(label = "自然人")]
    pub natural_persons: Count,
    /// 法人或其他组织: five columns under one header.
    #[form(label = "法人或其他组织")]
    pub organisations: Organisations,
    /// 总计.
    #[form(
        label = "总计",
        total(
            id = "T3-ROW-TOTAL",
            message = "总计等于自然人与法人或其他组织各项之和",
            message_en = "the total equals natural persons plus the five kinds of legal persons and other organisations"
        )
    )]
    pub total: Count,
}

/// 法人或其他组织: the five applicant kinds.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(columns)]
pub struct Organisations {
    /// 商业企业.
    #[form(label = "商业企业")]
    pub business: Count,
    /// 科研机构.
    #[form(label = "科研机构")]
    pub research: Count,
    /// 社会公益组织.
    #[form(label = "社会公益组织")]
    pub public_interest: Count,
    /// 法律服务机构.
    #[form(label = "法律服务机构")]
    pub legal_services: Count,
    /// 其他.
    #[form(label = "其他")]
    pub other: Count,
}

/// 三、本年度办理结果: one outcome row per application.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Outcomes {
    /// （一）予以公开.
    #[form(label = "（一）予以公开")]
    pub granted: Applicants,
    /// （二）部分公开: counted here only, never also under a （三） reason.
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
    /// （六）其他处理.
    #[form(label = "（六）其他处理")]
    pub other_handling: OtherHandling,
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

/// （三）不予公开.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Withheld {
    /// 1.属于国家秘密.
    #[form(label = "1.属于国家秘密")]
    pub state_secrets: Applicants,
    /// 2.其他法律行政法规禁止公开.
    #[form(label = "2.其他法律行政法规禁止公开")]
    pub prohibited_by_law: Applicants,
    /// 3.危及“三安全一稳定”.
    #[form(label = "3.危及“三安全一稳定”")]
    pub security_and_stability: Applicants,
    /// 4.保护第三方合法权益.
    #[form(label = "4.保护第三方合法权益")]
    pub third_party_rights: Applicants,
    /// 5.属于三类内部事务信息.
    #[form(label = "5.属于三类内部事务信息")]
    pub internal_affairs: Applicants,
    /// 6.属于四类过程性信息.
    #[form(label = "6.属于四类过程性信息")]
    pub process_information: Applicants,
    /// 7.属于行政执法案卷.
    #[form(label = "7.属于行政执法案卷")]
    pub enforcement_files: Applicants,
    /// 8.属于行政查询事项.
    #[form(label = "8.属于行政查询事项")]
    pub enquiry_matters: Applicants,
}

/// （四）无法提供.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct UnableToProvide {
    /// 1.本机关不掌握相关政府信息.
    #[form(label = "1.本机关不掌握相关政府信息")]
    pub not_held: Applicants,
    /// 2.没有现成信息需要另行制作.
    #[form(label = "2.没有现成信息需要另行制作")]
    pub would_need_creating: Applicants,
    /// 3.补正后申请内容仍不明确.
    #[form(label = "3.补正后申请内容仍不明确")]
    pub still_unclear: Applicants,
}

/// （五）不予处理.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct NotProcessed {
    /// 1.信访举报投诉类申请.
    #[form(label = "1.信访举报投诉类申请")]
    pub petitions_and_complaints: Applicants,
    /// 2.重复申请.
    #[form(label = "2.重复申请")]
    pub repeated: Applicants,
    /// 3.要求提供公开出版物.
    #[form(label = "3.要求提供公开出版物")]
    pub publications: Applicants,
    /// 4.无正当理由大量反复申请.
    #[form(label = "4.无正当理由大量反复申请")]
    pub excessive: Applicants,
    /// 5.要求行政机关确认或重新出具已获取信息.
    #[form(label = "5.要求行政机关确认或重新出具已获取信息")]
    pub confirmation: Applicants,
}

/// （六）其他处理.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct OtherHandling {
    /// 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请.
    #[form(label = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")]
    pub not_corrected: Applicants,
    /// 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请.
    #[form(label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")]
    pub fee_not_paid: Applicants,
    /// 3.其他.
    #[form(label = "3.其他")]
    pub other: Applicants,
}
