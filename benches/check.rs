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

/// `BAOBIAO_CALLS=generated:N` (or `hand_written:N`) runs that check N times and nothing else,
/// for counting instructions: `valgrind --tool=callgrind` at two values of N, the difference
/// divided by the difference of N is the count per check, setup excluded.
fn calls_only() -> bool {
    let Ok(spec) = std::env::var("BAOBIAO_CALLS") else {
        return false;
    };
    let (which, n) = spec.split_once(':').expect("BAOBIAO_CALLS=generated:N");
    let n: u32 = n.parse().expect("a number of calls");
    let report = bundled();
    let _ = AnnualReport::info();
    let start = Instant::now();
    for _ in 0..n {
        match which {
            "generated" => drop(black_box(black_box(&report).check())),
            _ => drop(black_box(handwritten::check(black_box(&report)))),
        }
    }
    eprintln!(
        "{which}: {:.0} ns per call",
        start.elapsed().as_secs_f64() * 1e9 / f64::from(n)
    );
    true
}

fn main() {
    if calls_only() {
        return;
    }
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
