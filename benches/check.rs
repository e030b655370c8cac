//! Checking the full 2021 form: the generated check against a hand-written check of the same
//! rules, in the same process. Besides criterion's report, prints the ratio of the two medians
//! measured in interleaved rounds (`generated / hand-written`).

mod handwritten;

use std::hint::black_box;
use std::time::Instant;

use baobiao::Form;
use baobiao::forms::annual_report_2021::AnnualReport;
use criterion::{Criterion, criterion_group};

fn bundled() -> AnnualReport {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/reports/xiangtan-county-police-2024.json"
    );
    let text = std::fs::read_to_string(path).expect("bundled report");
    serde_json::from_str(&text).expect("bundled report parses")
}

fn bench_check(c: &mut Criterion) {
    let report = bundled();
    // Build the cached form description outside the measurement.
    let _ = AnnualReport::info();
    let mut group = c.benchmark_group("check_2021_form");
    group.bench_function("generated", |b| {
        b.iter(|| black_box(black_box(&report).check()))
    });
    group.bench_function("hand_written", |b| {
        b.iter(|| black_box(handwritten::check(black_box(&report))))
    });
    group.finish();
}

/// Median time per call of `f` over `rounds` rounds of `per_round` calls.
fn ratio_of_medians(report: &AnnualReport, rounds: usize, per_round: u32) -> (f64, f64) {
    let mut generated = Vec::with_capacity(rounds);
    let mut hand = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let start = Instant::now();
        for _ in 0..per_round {
            black_box(black_box(report).check());
        }
        generated.push(start.elapsed().as_secs_f64() / f64::from(per_round));
        let start = Instant::now();
        for _ in 0..per_round {
            black_box(handwritten::check(black_box(report)));
        }
        hand.push(start.elapsed().as_secs_f64() / f64::from(per_round));
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    (median(&mut generated), median(&mut hand))
}

criterion_group!(benches, bench_check);

fn main() {
    benches();
    let report = bundled();
    let (generated, hand) = ratio_of_medians(&report, 101, 2_000);
    println!(
        "check_2021_form: generated {:.0} ns, hand-written {:.0} ns, ratio {:.2}x",
        generated * 1e9,
        hand * 1e9,
        generated / hand
    );
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
