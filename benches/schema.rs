//! Checking the bundled report (already parsed) against two baselines in the same process:
//! the `jsonschema` crate validating the same JSON against the generated schema, and
//! serde_json parsing the report alone. Prints the ratios of the medians of interleaved rounds.

use std::hint::black_box;
use std::time::Instant;

use baobiao::Form;
use baobiao::forms::annual_report_2021::AnnualReport;
use criterion::{Criterion, criterion_group};

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

fn median_per_call(f: &dyn Fn(), rounds: &mut Vec<f64>, per_round: u32) {
    let start = Instant::now();
    for _ in 0..per_round {
        f();
    }
    rounds.push(start.elapsed().as_secs_f64() / f64::from(per_round));
}

fn main() {
    benches();
    let i = inputs();
    let (mut c, mut v, mut p) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..51 {
        median_per_call(&|| check(&i), &mut c, 2_000);
        median_per_call(&|| validate(&i), &mut v, 200);
        median_per_call(&|| parse(&i), &mut p, 200);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (c, v, p) = (median(&mut c), median(&mut v), median(&mut p));
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
