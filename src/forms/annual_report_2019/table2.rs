//! Table 2 of the 2019 form: 第二十条 items (一), (五), (六), (八), (九); 22 cells.

use serde::{Deserialize, Serialize};

use crate::{Amount, Count, Form, SignedCount};

/// Table 2 (2019): what was proactively disclosed under 条例第二十条.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(range(
    min = 0,
    id = "T2-NONNEG",
    message = "主动公开政府信息情况中的件数不得为负数",
    message_en = "counts of proactive disclosure cannot be negative"
))]
pub struct ActiveDisclosure2019 {
    /// 第二十条第（一）项: 规章 and 规范性文件.
    #[form(label = "第二十条第（一）项")]
    pub article_20_1: Documents2019,
    /// 第二十条第（五）项: 行政许可 and 其他对外管理服务事项.
    #[form(label = "第二十条第（五）项")]
    pub article_20_5: Licensing2019,
    /// 第二十条第（六）项: 行政处罚 and 行政强制.
    #[form(label = "第二十条第（六）项")]
    pub article_20_6: Enforcement2019,
    /// 第二十条第（八）项: 行政事业性收费.
    #[form(label = "第二十条第（八）项")]
    pub article_20_8: Fees2019,
    /// 第二十条第（九）项: 政府集中采购.
    #[form(label = "第二十条第（九）项")]
    pub article_20_9: Procurement2019,
}

/// 第二十条第（一）项 (2019).
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(corner = "信息内容")]
pub struct Documents2019 {
    /// 规章.
    #[form(label = "规章")]
    pub regulations: PublicationCounts,
    /// 规范性文件 (2021: 行政规范性文件).
    #[form(label = "规范性文件", alias = "行政规范性文件")]
    pub normative_documents: PublicationCounts,
}

/// The three counts of a kind of document (2019).
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(
    columns,
    check(
        published_total >= newly_published,
        id = "T2-PUB-BOUND",
        severity = warning,
        message = "对外公开总数量不应少于本年新公开数量",
        message_en = "the total published should not be below the number newly published this year"
    )
)]
pub struct PublicationCounts {
    /// 本年新制作数量.
    #[form(label = "本年新制作数量")]
    pub newly_made: Count,
    /// 本年新公开数量.
    #[form(label = "本年新公开数量")]
    pub newly_published: Count,
    /// 对外公开总数量.
    #[form(label = "对外公开总数量")]
    pub published_total: Count,
}

/// The item counts of a kind of administrative action (2019).
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(
    columns,
    check(
        previous_items + change >= 0,
        id = "T2-PROJ-NONNEG",
        message = "上一年项目数量加本年增/减不得为负数",
        message_en = "last year's items plus this year's change cannot be negative"
    )
)]
pub struct ItemCountsWithDecisions {
    /// 上一年项目数量.
    #[form(label = "上一年项目数量")]
    pub previous_items: Count,
    /// 本年增/减 (a decrease is negative).
    #[form(label = "本年增/减")]
    pub change: SignedCount,
    /// 处理决定数量.
    #[form(label = "处理决定数量")]
    pub decisions: Count,
}

/// 第二十条第（五）项 (2019).
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(corner = "信息内容")]
pub struct Licensing2019 {
    /// 行政许可.
    #[form(label = "行政许可")]
    pub licensing: ItemCountsWithDecisions,
    /// 其他对外管理服务事项.
    #[form(label = "其他对外管理服务事项")]
    pub other_services: ItemCountsWithDecisions,
}

/// 第二十条第（六）项 (2019).
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(corner = "信息内容")]
pub struct Enforcement2019 {
    /// 行政处罚.
    #[form(label = "行政处罚")]
    pub penalties: ItemCountsWithDecisions,
    /// 行政强制.
    #[form(label = "行政强制")]
    pub coercive_measures: ItemCountsWithDecisions,
}

/// The item counts of fees (2019): no decisions column.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(
    columns,
    check(
        previous_items + change >= 0,
        id = "T2-PROJ-NONNEG",
        message = "上一年项目数量加本年增/减不得为负数",
        message_en = "last year's items plus this year's change cannot be negative"
    )
)]
pub struct ItemCounts {
    /// 上一年项目数量.
    #[form(label = "上一年项目数量")]
    pub previous_items: Count,
    /// 本年增/减 (a decrease is negative).
    #[form(label = "本年增/减")]
    pub change: SignedCount,
}

/// 第二十条第（八）项 (2019).
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(corner = "信息内容")]
pub struct Fees2019 {
    /// 行政事业性收费.
    #[form(label = "行政事业性收费")]
    pub administrative_fees: ItemCounts,
}

/// Procurement figures (2019): the template states no unit for the amount.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(columns)]
pub struct ProcurementCounts {
    /// 采购项目数量.
    #[form(label = "采购项目数量")]
    pub projects: Count,
    /// 采购总金额, in 元. The template states no unit and reports write `251000元` or
    /// `25.1万元`; read values are normalised to 元 (rule T2-AMOUNT of the format notes), and a
    /// bare number other than 0 is not read, as it could be either.
    #[form(label = "采购总金额", unstated_unit = "元")]
    pub amount: Amount,
}

/// 第二十条第（九）项 (2019).
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(corner = "信息内容")]
pub struct Procurement2019 {
    /// 政府集中采购.
    #[form(label = "政府集中采购")]
    pub central_procurement: ProcurementCounts,
}
