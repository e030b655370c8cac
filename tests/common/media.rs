//! A form with repeated rows, shared by the tests of repeated rows and of other tools' engines.

use baobiao::{Count, Form};
use serde::{Deserialize, Serialize};

/// One new-media account.
#[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[form(columns)]
pub struct Account {
    #[form(label = "账号名称")]
    pub name: String,
    #[form(label = "发布信息数")]
    pub posts: Count,
    #[form(label = "关注量")]
    pub followers: Count,
}

/// The accounts' totals.
#[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[form(columns)]
pub struct Totals {
    #[form(label = "发布信息数")]
    pub posts: Count,
    #[form(label = "关注量")]
    pub followers: Count,
}

/// 新媒体账号情况.
#[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[form(label = "新媒体账号情况")]
#[form(check(totals == sum(accounts[..]), id = "NM-TOTALS", message = "合计等于各账号之和"))]
#[form(check(sum(accounts[..].posts) <= 1000, id = "NM-CAP", message = "发布信息数不超过1000"))]
pub struct Media {
    #[form(label = "其他账号")]
    pub accounts: Vec<Account>,
    #[form(label = "合计")]
    pub totals: Totals,
}

#[derive(Form, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[form(label = "新媒体年度报表")]
pub struct MediaReport {
    #[form(label = "一、新媒体")]
    pub media: Media,
}

/// Reports of `MediaReport` with 0 to 5 accounts whose figures are numbers, blanks and `/`, and
/// totals alike (`seed` chooses them).
pub fn random_reports(count: usize, mut seed: u64) -> Vec<serde_json::Value> {
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let value = |next: &mut dyn FnMut(u64) -> u64| match next(6) {
        0 => serde_json::Value::Null,
        1 => "/".into(),
        _ => next(300).into(),
    };
    (0..count)
        .map(|_| {
            let accounts: Vec<serde_json::Value> = (0..next(6))
                .map(|i| {
                    serde_json::json!({
                        "name": format!("账号{i}"),
                        "posts": value(&mut next),
                        "followers": value(&mut next),
                    })
                })
                .collect();
            serde_json::json!({"media": {
                "accounts": accounts,
                "totals": {"posts": value(&mut next), "followers": value(&mut next)}
            }})
        })
        .collect()
}
