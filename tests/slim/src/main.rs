//! A form declared, checked and described with `baobiao`'s `derive` feature alone.

use baobiao::{Count, Form, Lang};
use serde::{Deserialize, Serialize};

/// Visits to a service, by half-year.
#[derive(Form, Serialize, Deserialize)]
#[form(columns)]
struct Visits {
    #[form(label = "上半年")]
    first_half: Count,
    #[form(label = "下半年")]
    second_half: Count,
    #[form(label = "全年", total(id = "YEAR-TOTAL"))]
    year: Count,
}

fn main() {
    let visits: Visits =
        serde_json::from_str(r#"{"first_half": 12, "second_half": 30, "year": 40}"#)
            .expect("a filled form");
    let report = visits.check();
    let summary = report.summary();
    for v in &summary.violations {
        println!(
            "{} {}: expected {}, found {}",
            v.id(),
            v.message(Lang::En),
            v.expected(Lang::En),
            v.actual(Lang::En)
        );
    }
    let schema = baobiao::schema::root::<Visits>();
    println!(
        "schema rules: {}",
        schema["x-baobiao-rules"].as_array().map_or(0, Vec::len)
    );
}
