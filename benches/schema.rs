//! Checking the bundled report (already parsed) against two baselines in the same process:
//! the `jsonschema` crate validating the same JSON against the generated schema, and
//! serde_json parsing the report alone. Prints the ratios of the medians of interleaved rounds.

use std::hint::black_box;

use baobiao::Form;
use baobiao::forms::annual_report_2021::AnnualReport;
use criterion::{Criterion, criterion_group};

mod interleaved;

struct Inputs {
    text: String,
    json: serde_json::Value,
    report: AnnualReport,
    validator: jsonschema::Validator,
}

fn inputs() -> Inputs {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/reports/xiangtan-county-police-2024.json"
    );
    let text = std::fs::read_to_string(path).expect("bundled report");
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let report: AnnualReport = serde_json::from_str(&text).expect("a 2021 form");
    let validator = jsonschema::draft202012::new(&baobiao::schema::root::<AnnualReport>())
        .expect("the schema compiles");
    assert!(validator.is_valid(&json));
    Inputs {
        text,
        json,
        report,
        validator,
    }
}

fn check(i: &Inputs) {
    black_box(black_box(&i.report).check());
}

fn validate(i: &Inputs) {
    black_box(i.validator.is_valid(black_box(&i.json)));
}

fn parse(i: &Inputs) {
    black_box(serde_json::from_str::<AnnualReport>(black_box(&i.text)).ok());
}

fn bench(c: &mut Criterion) {
    let i = inputs();
    let mut group = c.benchmark_group("bundled_report");
    group.bench_function("check", |b| b.iter(|| check(&i)));
    group.bench_function("jsonschema_validate", |b| b.iter(|| validate(&i)));
    group.bench_function("serde_json_parse", |b| b.iter(|| parse(&i)));
    group.finish();
}

criterion_group!(benches, bench);

fn main() {
    benches();
    let i = inputs();
    let times = interleaved::medians(
        51,
        &[
            (&|| check(&i), 2_000),
            (&|| validate(&i), 200),
            (&|| parse(&i), 200),
        ],
    );
    let (c, v, p) = (times[0], times[1], times[2]);
    println!(
        "bundled_report: check {:.0} ns, jsonschema validate {:.0} ns ({:.1}x check), serde_json parse {:.0} ns ({:.1}x check)",
        c * 1e9,
        v * 1e9,
        v / c,
        p * 1e9,
        p / c
    );
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
