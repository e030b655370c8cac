//! Reading and checking the bundled published reports (four HTML pages, the 湘潭 text and the
//! two published PDFs): the page, text or PDF is read into cells, matched against the official
//! forms, the best reading turned into its form and checked. Criterion reports the throughput
//! in bytes; the summary printed at the end gives MB/s and reports/s, and the ratios to
//! baselines run in the same process: html5ever (through scraper) only parsing the same HTML
//! pages, lopdf only parsing the same PDFs and decoding their pages' content streams, and a
//! plain tokeniser splitting the text into lines and cells (at `|` and tabs, trimmed) — the
//! floor any reader on those parsers pays.

use std::hint::black_box;

use baobiao::CheckOptions;
use baobiao::read::{Options, SourceKind};
use baobiao::set::FormSet;
use criterion::{Criterion, Throughput, criterion_group};

mod interleaved;

struct Report {
    kind: SourceKind,
    bytes: Vec<u8>,
}

impl Report {
    fn html(&self) -> bool {
        self.kind == SourceKind::Html
    }
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
        kind: SourceKind::Html,
        bytes: std::fs::read(format!("{root}/tests/data/reports/{name}")).unwrap(),
    })
    .collect();
    reports.push(Report {
        kind: SourceKind::Text,
        bytes: std::fs::read(format!(
            "{root}/examples/reports/xiangtan-county-police-2024.txt"
        ))
        .unwrap(),
    });
    for name in ["hongze-district-gov-2024.pdf", "huaian-city-gov-2024.pdf"] {
        reports.push(Report {
            kind: SourceKind::Pdf,
            bytes: std::fs::read(format!("{root}/tests/data/reports/{name}")).unwrap(),
        });
    }
    reports
}

/// The official forms, as the command line offers them.
static FORMS: std::sync::LazyLock<FormSet> = std::sync::LazyLock::new(baobiao::forms::all);

/// Reads and checks one report through the form set, as the command line does; returns whether
/// it passed (so nothing is optimised away).
fn read_and_check(report: &Report) -> bool {
    let options = Options {
        kind: Some(report.kind),
        ..Options::default()
    };
    let (_, reading) = FORMS
        .read(report.bytes.as_slice(), &options, None)
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
        .filter(|r| r.html())
        .map(|r| {
            scraper::Html::parse_document(black_box(std::str::from_utf8(&r.bytes).unwrap()))
                .tree
                .nodes()
                .count()
        })
        .sum()
}

fn read_only(corpus: &[Report], kind: SourceKind) -> usize {
    corpus
        .iter()
        .filter(|r| r.kind == kind)
        .filter(|r| read_and_check(black_box(r)))
        .count()
}

/// The text split into lines and cells and nothing more: each line at `|` and tabs, each cell
/// trimmed, the non-empty ones counted.
fn tokenise_text_only(corpus: &[Report]) -> usize {
    corpus
        .iter()
        .filter(|r| r.kind == SourceKind::Text)
        .map(|r| {
            std::str::from_utf8(black_box(&r.bytes))
                .unwrap()
                .lines()
                .map(|line| {
                    line.split(['|', '\t'])
                        .filter(|cell| !cell.trim().is_empty())
                        .count()
                })
                .sum::<usize>()
        })
        .sum()
}

/// lopdf parsing the PDFs and decoding every page's content stream into operations.
fn parse_pdf_only(corpus: &[Report]) -> usize {
    corpus
        .iter()
        .filter(|r| r.kind == SourceKind::Pdf)
        .map(|r| {
            let document = lopdf::Document::load_mem(black_box(&r.bytes)).unwrap();
            document
                .get_pages()
                .values()
                .map(|&page| {
                    let content = document.get_page_content(page).unwrap();
                    lopdf::content::Content::decode(&content)
                        .unwrap()
                        .operations
                        .len()
                })
                .sum::<usize>()
        })
        .sum()
}

fn bytes(corpus: &[Report], kind: Option<SourceKind>) -> u64 {
    corpus
        .iter()
        .filter(|r| kind.is_none_or(|k| r.kind == k))
        .map(|r| r.bytes.len() as u64)
        .sum()
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let mut group = c.benchmark_group("published_reports");
    group.throughput(Throughput::Bytes(bytes(&corpus, None)));
    group.bench_function("read_and_check_all", |b| b.iter(|| all(&corpus)));
    group.throughput(Throughput::Bytes(bytes(&corpus, Some(SourceKind::Html))));
    group.bench_function("read_and_check_html", |b| {
        b.iter(|| read_only(&corpus, SourceKind::Html))
    });
    group.bench_function("html5ever_parse_html", |b| {
        b.iter(|| parse_html_only(&corpus))
    });
    group.throughput(Throughput::Bytes(bytes(&corpus, Some(SourceKind::Pdf))));
    group.bench_function("read_and_check_pdf", |b| {
        b.iter(|| read_only(&corpus, SourceKind::Pdf))
    });
    group.bench_function("lopdf_parse_pdf", |b| b.iter(|| parse_pdf_only(&corpus)));
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
                    black_box(read_only(&corpus, SourceKind::Html));
                },
                5,
            ),
            (
                &|| {
                    black_box(parse_html_only(&corpus));
                },
                5,
            ),
            (
                &|| {
                    black_box(read_only(&corpus, SourceKind::Pdf));
                },
                5,
            ),
            (
                &|| {
                    black_box(parse_pdf_only(&corpus));
                },
                5,
            ),
            (
                &|| {
                    black_box(read_only(&corpus, SourceKind::Text));
                },
                50,
            ),
            (
                &|| {
                    black_box(tokenise_text_only(&corpus));
                },
                50,
            ),
        ],
    );
    let (everything, html, floor) = (times[0], times[1], times[2]);
    let (pdf, pdf_floor) = (times[3], times[4]);
    let (text, text_floor) = (times[5], times[6]);
    let pdfs = corpus.iter().filter(|r| r.kind == SourceKind::Pdf).count();
    let mb = |bytes: u64, s: f64| bytes as f64 / 1e6 / s;
    println!(
        "published_reports: read + check of {} reports ({:.2} MB) in {:.2} ms: {:.1} MB/s, {:.0} reports/s",
        corpus.len(),
        bytes(&corpus, None) as f64 / 1e6,
        everything * 1e3,
        mb(bytes(&corpus, None), everything),
        corpus.len() as f64 / everything,
    );
    println!(
        "published_reports: HTML pages read + checked {:.1} MB/s; html5ever parsing them alone {:.1} MB/s; reading costs {:.2}x parsing",
        mb(bytes(&corpus, Some(SourceKind::Html)), html),
        mb(bytes(&corpus, Some(SourceKind::Html)), floor),
        html / floor,
    );
    println!(
        "published_reports: {pdfs} PDFs ({:.2} MB) read + checked {:.1} MB/s, {:.0} reports/s; lopdf parsing them and decoding their pages alone {:.1} MB/s; reading costs {:.2}x parsing",
        bytes(&corpus, Some(SourceKind::Pdf)) as f64 / 1e6,
        mb(bytes(&corpus, Some(SourceKind::Pdf)), pdf),
        pdfs as f64 / pdf,
        mb(bytes(&corpus, Some(SourceKind::Pdf)), pdf_floor),
        pdf / pdf_floor,
    );
    println!(
        "published_reports: text ({:.3} MB) read + checked {:.1} MB/s; tokenising it alone {:.1} MB/s; reading costs {:.1}x tokenising",
        bytes(&corpus, Some(SourceKind::Text)) as f64 / 1e6,
        mb(bytes(&corpus, Some(SourceKind::Text)), text),
        mb(bytes(&corpus, Some(SourceKind::Text)), text_floor),
        text / text_floor,
    );
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
