//! 公共图书馆年度服务统计表: a form the library was not designed around.

use serde::{Deserialize, Serialize};

use baobiao::{Amount, Choice, Count, Form};

/// 公共图书馆年度服务统计表.
#[derive(Form, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[form(
    name = "library",
    label = "公共图书馆年度服务统计表",
    check(loans.total <= visits, id = "L-LOANS", message = "外借册次不得大于到馆人次"),
    check(
        sum(branches[..].visits) <= visits,
        id = "L-BRANCHES",
        message = "各分馆到馆人次之和不得大于全馆到馆人次"
    )
)]
pub struct LibraryReport {
    #[form(label = "图书馆名称")]
    pub name: String,
    #[form(label = "馆舍类型")]
    pub kind: LibraryKind,
    #[form(label = "是否开展夜间开放")]
    pub open_at_night: bool,
    #[form(label = "到馆人次", unit = "人次")]
    pub visits: Count,
    #[form(label = "外借册次")]
    pub loans: Loans,
    #[form(label = "购书经费", unit = "万元")]
    pub budget: Amount,
    #[form(label = "分馆服务")]
    pub branches: Vec<Branch>,
}

/// One branch library: as many rows as the library has branches.
#[derive(Form, Serialize, Deserialize)]
#[form(columns)]
pub struct Branch {
    #[form(label = "分馆名称")]
    pub name: String,
    #[form(label = "到馆人次", unit = "人次")]
    pub visits: Count,
}

/// 外借册次, by reader.
#[derive(Form, Serialize, Deserialize)]
pub struct Loans {
    #[form(label = "成人")]
    pub adults: Count,
    #[form(label = "少儿")]
    pub children: Count,
    #[form(label = "合计", total(id = "L-LOANS-TOTAL"))]
    pub total: Count,
}

/// 馆舍类型.
#[derive(Choice, Serialize, Deserialize)]
pub enum LibraryKind {
    #[form(label = "省级馆")]
    Provincial,
    #[form(label = "市级馆")]
    City,
    #[form(label = "县级馆")]
    County,
}
