//! A form defined from scratch: a province's variant of table 3, with a `法人或其他组织小计`
//! column and a subtotal row for `（三）不予公开`. Only structs and attributes: every sum,
//! label, pointer and rule comes from the declaration.
//!
//! Run: `cargo run --example province_variant [FILE.json]`
//! (default: `examples/reports/province-variant.json`).

use baobiao::{Count, Form, Lang};
use serde::{Deserialize, Serialize};

// ---- the declaration (under 60 lines) ----

#[derive(Form, Serialize, Deserialize)]
#[form(columns)]
pub struct Organisations {
    #[form(label = "商业企业")]
    pub business: Count,
    #[form(label = "科研机构")]
    pub research: Count,
    #[form(label = "其他")]
    pub other: Count,
    /// The province's extra column; it stands for the group in the row total.
    #[form(label = "法人或其他组织小计", total(id = "P3-ORG-SUBTOTAL"))]
    pub subtotal: Count,
}

#[derive(Form, Serialize, Deserialize)]
#[form(columns, label = "申请人情况")]
pub struct Applicants {
    #[form(label = "自然人")]
    pub natural_persons: Count,
    #[form(label = "法人或其他组织")]
    pub organisations: Organisations,
    #[form(label = "总计", total(id = "P3-ROW-TOTAL"))]
    pub total: Count,
}

#[derive(Form, Serialize, Deserialize)]
pub struct Withheld {
    #[form(label = "1.属于国家秘密")]
    pub state_secrets: Applicants,
    #[form(label = "2.其他法律行政法规禁止公开")]
    pub prohibited_by_law: Applicants,
    #[form(label = "小计", total(id = "P3-WITHHELD-SUBTOTAL"))]
    pub subtotal: Applicants,
}

#[derive(Form, Serialize, Deserialize)]
pub struct Outcomes {
    #[form(label = "（一）予以公开")]
    pub granted: Applicants,
    #[form(label = "（二）不予公开")]
    pub withheld: Withheld,
    #[form(label = "（三）总计", total(id = "P3-RESULT-SUM"))]
    pub total: Applicants,
}

#[derive(Form, Serialize, Deserialize)]
#[form(
    corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    check(new_received + carried_over == outcomes.total + carried_forward, id = "P3-IDENT")
)]
pub struct Applications {
    #[form(label = "一、本年新收申请数量")]
    pub new_received: Applicants,
    #[form(label = "二、上年结转申请数量")]
    pub carried_over: Applicants,
    #[form(label = "三、本年度办理结果")]
    pub outcomes: Outcomes,
    #[form(label = "四、结转下年度继续办理")]
    pub carried_forward: Applicants,
}

// ---- using it ----

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/reports/province-variant.json"
        )
        .to_owned()
    });
    let info = Applications::info();
    println!("{} cells, {} rules:", info.cells.len(), info.rules.len());
    for rule in &info.rules {
        println!(
            "  {:<22} {} × {}",
            rule.id,
            rule.expression,
            rule.instances.len()
        );
    }

    let mut json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    let report: Applications = serde_json::from_value(json.clone())?;
    println!("\n{path}: ok = {}", report.check().is_ok());

    // One wrong number in the subtotal row: the rules name it and its neighbours.
    *json
        .pointer_mut("/outcomes/withheld/subtotal/natural_persons")
        .ok_or("no such cell")? = 9.into();
    let wrong: Applications = serde_json::from_value(json)?;
    for v in wrong.check().violations() {
        println!(
            "✗ {} at {}: expected {}, found {}",
            v.id(),
            v.location(),
            v.expected(Lang::En),
            v.actual(Lang::En)
        );
    }
    Ok(())
}
