//! Reading and checking the bundled published reports (four HTML pages and the 湘潭 text): the
//! page or text is read into cells, matched against both templates, the better reading turned
//! into its form and checked. Criterion reports the throughput in bytes; the summary printed at
//! the end gives MB/s and reports/s, and the ratio to a baseline run in the same process:
//! html5ever (through scraper) only parsing the same HTML pages, the floor any HTML reader
//! pays.

use std::hint::black_box;

use baobiao::CheckOptions;
use baobiao::read::{Options, SourceKind};
use baobiao::set::FormSet;
use criterion::{Criterion, Throughput, criterion_group};

mod interleaved;

struct Report {
    html: bool,
    text: String,
}

fn corpus() -> Vec<Report> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut reports: Vec<Report> = [
        "pingtan-2023-page.html",
        "pingtan-2024-page.html",
        "pingtan-2025-page.html",
        "shanghai-gov-office-2019.html",
    ]
    .iter()
    .map(|name| Report {
        html: true,
        text: std::fs::read_to_string(format!("{root}/tests/data/reports/{name}")).unwrap(),
    })
    .collect();
    reports.push(Report {
        html: false,
        text: std::fs::read_to_string(format!(
            "{root}/examples/reports/xiangtan-county-police-2024.txt"
        ))
        .unwrap(),
    });
    reports
}

/// The official forms, as the command line offers them.
static FORMS: std::sync::LazyLock<FormSet> = std::sync::LazyLock::new(baobiao::forms::all);

/// Reads and checks one report through the form set, as the command line does; returns whether
/// it passed (so nothing is optimised away).
fn read_and_check(report: &Report) -> bool {
    let kind = if report.html {
        SourceKind::Html
    } else {
        SourceKind::Text
    };
    let options = Options {
        kind: Some(kind),
        ..Options::default()
    };
    let (_, reading) = FORMS
        .read(report.text.as_bytes(), &options, None)
        .expect("an official report");
    reading.form.check_with(CheckOptions::default()).is_ok()
}

fn all(corpus: &[Report]) -> usize {
    corpus
        .iter()
        .filter(|r| read_and_check(black_box(r)))
        .count()
}

fn parse_html_only(corpus: &[Report]) -> usize {
    corpus
        .iter()
        .filter(|r| r.html)
        .map(|r| {
            scraper::Html::parse_document(black_box(&r.text))
                .tree
                .nodes()
                .count()
        })
        .sum()
}

fn read_html_only(corpus: &[Report]) -> usize {
    corpus
        .iter()
        .filter(|r| r.html)
        .filter(|r| read_and_check(black_box(r)))
        .count()
}

fn bytes(corpus: &[Report], html_only: bool) -> u64 {
    corpus
        .iter()
        .filter(|r| r.html || !html_only)
        .map(|r| r.text.len() as u64)
        .sum()
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let mut group = c.benchmark_group("published_reports");
    group.throughput(Throughput::Bytes(bytes(&corpus, false)));
    group.bench_function("read_and_check_all", |b| b.iter(|| all(&corpus)));
    group.throughput(Throughput::Bytes(bytes(&corpus, true)));
    group.bench_function("read_and_check_html", |b| {
        b.iter(|| read_html_only(&corpus))
    });
    group.bench_function("html5ever_parse_html", |b| {
        b.iter(|| parse_html_only(&corpus))
    });
    group.finish();
}

criterion_group!(benches, bench);

fn main() {
    benches();
    let corpus = corpus();
    // Every bundled report adds up (Shanghai's blank totals leave some rules not assessable).
    assert_eq!(all(&corpus), corpus.len());
    let times = interleaved::medians(
        31,
        &[
            (
                &|| {
                    black_box(all(&corpus));
                },
                5,
            ),
            (
                &|| {
                    black_box(read_html_only(&corpus));
                },
                5,
            ),
            (
                &|| {
                    black_box(parse_html_only(&corpus));
                },
                5,
            ),
        ],
    );
    let (everything, html, floor) = (times[0], times[1], times[2]);
    let mb = |bytes: u64, s: f64| bytes as f64 / 1e6 / s;
    println!(
        "published_reports: read + check of {} reports ({:.2} MB) in {:.2} ms: {:.1} MB/s, {:.0} reports/s",
        corpus.len(),
        bytes(&corpus, false) as f64 / 1e6,
        everything * 1e3,
        mb(bytes(&corpus, false), everything),
        corpus.len() as f64 / everything,
    );
    println!(
        "published_reports: HTML pages read + checked {:.1} MB/s; html5ever parsing them alone {:.1} MB/s; reading costs {:.2}x parsing",
        mb(bytes(&corpus, true), html),
        mb(bytes(&corpus, true), floor),
        html / floor,
    );
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
