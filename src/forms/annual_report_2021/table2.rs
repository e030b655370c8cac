//! Table 2, under `二、主动公开政府信息情况`: 第二十条 items (一), (五), (六), (八); 10 cells.

use serde::{Deserialize, Serialize};

use crate::{Amount, Count, Form};

/// Table 2: what was proactively disclosed under 条例第二十条.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(range(
    min = 0,
    id = "T2-NONNEG",
    message = "主动公开政府信息情况中的件数和金额不得为负数",
    message_en = "counts and amounts of proactive disclosure cannot be negative"
))]
pub struct ActiveDisclosure {
    /// 第二十条第（一）项: 规章 and 行政规范性文件.
    #[form(label = "第二十条第（一）项")]
    pub article_20_1: RulesAndDocuments,
    /// 第二十条第（五）项: 行政许可.
    #[form(label = "第二十条第（五）项")]
    pub article_20_5: Licensing,
    /// 第二十条第（六）项: 行政处罚 and 行政强制.
    #[form(label = "第二十条第（六）项")]
    pub article_20_6: Enforcement,
    /// 第二十条第（八）项: 行政事业性收费.
    #[form(label = "第二十条第（八）项")]
    pub article_20_8: Fees,
}

/// 第二十条第（一）项.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(corner = "信息内容")]
pub struct RulesAndDocuments {
    /// 规章.
    #[form(label = "规章")]
    pub regulations: DocumentCounts,
    /// 行政规范性文件 (the 2019 template says 规范性文件).
    #[form(label = "行政规范性文件", alias = "规范性文件")]
    pub normative_documents: DocumentCounts,
}

/// The three counts of a kind of document.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(columns)]
pub struct DocumentCounts {
    /// 本年制发件数.
    #[form(label = "本年制发件数")]
    pub issued: Count,
    /// 本年废止件数.
    #[form(label = "本年废止件数")]
    pub repealed: Count,
    /// 现行有效件数.
    #[form(label = "现行有效件数")]
    pub in_force: Count,
}

/// 第二十条第（五）项.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(corner = "信息内容")]
pub struct Licensing {
    /// 行政许可.
    #[form(label = "行政许可")]
    pub licensing: Decisions,
}

/// 第二十条第（六）项.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(corner = "信息内容")]
pub struct Enforcement {
    /// 行政处罚.
    #[form(label = "行政处罚")]
    pub penalties: Decisions,
    /// 行政强制.
    #[form(label = "行政强制")]
    pub coercive_measures: Decisions,
}

/// The number of decisions made in the year.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(columns)]
pub struct Decisions {
    /// 本年处理决定数量 (all decisions, published or lawfully withheld).
    #[form(label = "本年处理决定数量")]
    pub decisions: Count,
}

/// 第二十条第（八）项.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(corner = "信息内容")]
pub struct Fees {
    /// 行政事业性收费.
    #[form(label = "行政事业性收费")]
    pub administrative_fees: FeeAmount,
}

/// The amount of fees collected in the year.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[form(columns)]
pub struct FeeAmount {
    /// 本年收费金额, in 万元, an exact decimal.
    #[form(
        label = "本年收费金额（单位：万元）",
        alias = "本年收费金额（万元）",
        unit = "万元"
    )]
    pub amount: Amount,
}
