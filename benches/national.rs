//! A national year on this machine: a folder of at least 20,000 distinct reports — HTML pages,
//! texts, PDFs and filled forms' JSON, in the proportions agencies publish them, some with
//! planted errors — checked by `baobiao check FOLDER --summary csv` in this one process, as a
//! supervisor runs it. Prints reports/s, MB/s per kind and overall, and the time 300,000 would
//! take; and, as the floor run in the same process, reading every file's bytes and parsing the
//! HTML pages with html5ever alone (the ratio is what the check costs over that).
//!
//! `cargo bench --bench national` (the folder is generated once, under `target/national/`;
//! `BAOBIAO_NATIONAL_REPORTS=2000` makes a smaller one).

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;

use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::{Lang, render};

/// What share of a year's reports is of each kind, in twentieths: pages, texts, PDFs, JSON.
const MIX: [(&str, usize); 4] = [("html", 8), ("txt", 5), ("pdf", 1), ("json", 6)];

/// A small deterministic generator (xorshift): the same folder every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }

    fn numbers(&mut self, count: usize, below: u64) -> Vec<u64> {
        (0..count).map(|_| self.below(below)).collect()
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Report `i`: a consistent 2021 report of its own agency, one in eight with a wrong number.
fn report(i: usize, rng: &mut Rng) -> AnnualReport {
    let cells = common::consistent_cells(
        &rng.numbers(21 * 6, 40),
        &rng.numbers(6, 10),
        &rng.numbers(6, 101),
        &rng.numbers(12, 8),
        &rng.numbers(9, 100_000),
        rng.below(1_000_000),
    );
    let mut json = common::report_json(&cells);
    let agency = format!("示例市第{i}局");
    json["agency"] = agency.clone().into();
    json["title"] = format!("{agency}2024年政府信息公开工作年度报告").into();
    if i % 8 == 3 {
        json = common::bump(&json, "/applications/outcomes/granted/natural_persons", 1);
    }
    serde_json::from_value(json).expect("a generated 2021 report")
}

/// Writes the folder of `count` reports under `dir` (once: kept while its count matches).
fn generate(dir: &Path, count: usize) -> Vec<(PathBuf, &'static str)> {
    let marker = dir.join(format!(".generated-{count}"));
    let mut files = Vec::with_capacity(count);
    let fresh = !marker.exists();
    if fresh {
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir).unwrap();
    }
    let published_page =
        std::fs::read_to_string(root().join("tests/data/reports/pingtan-2024-page.html")).unwrap();
    let published_text =
        std::fs::read_to_string(root().join("examples/reports/xiangtan-county-police-2024.txt"))
            .unwrap();
    let pdfs: Vec<Vec<u8>> = ["hongze-district-gov-2024.pdf", "huaian-city-gov-2024.pdf"]
        .iter()
        .map(|name| std::fs::read(root().join("tests/data/reports").join(name)).unwrap())
        .collect();
    let mut rng = Rng(0x5eed_2024);
    for i in 0..count {
        let slot = i % 20;
        let mut start = 0;
        let kind: &'static str = MIX
            .iter()
            .find(|(_, share)| {
                start += share;
                slot < start
            })
            .map_or("json", |&(kind, _)| kind);
        let folder = dir.join(kind).join(format!("{:03}", i / 1000));
        let path = folder.join(format!("report-{i:06}.{kind}"));
        files.push((path.clone(), kind));
        if !fresh {
            continue;
        }
        std::fs::create_dir_all(&folder).unwrap();
        let report = report(i, &mut rng);
        let agency = report.agency.clone();
        let bytes: Vec<u8> = match (kind, i % 4) {
            // A quarter of the pages and texts as agencies' own: a published page or text
            // of another agency's name.
            ("html", 0) => published_page
                .replace("平潭综合实验区", &agency)
                .into_bytes(),
            ("txt", 0) => published_text.replace("湘潭县公安局", &agency).into_bytes(),
            ("html", _) => {
                render::html::page(&render::document(&report, None, Lang::Zh)).into_bytes()
            }
            ("txt", _) => {
                render::markdown::document(&render::document(&report, None, Lang::Zh)).into_bytes()
            }
            // A published PDF, made distinct by a comment after its end.
            ("pdf", _) => {
                let mut pdf = pdfs[i % 2].clone();
                pdf.extend_from_slice(format!("\n% report {i}\n").as_bytes());
                pdf
            }
            _ => serde_json::to_vec(&report).unwrap(),
        };
        std::fs::write(&path, bytes).unwrap();
    }
    if fresh {
        std::fs::write(&marker, "").unwrap();
    }
    files
}

/// Checks `dir` as `baobiao check DIR -q --summary csv -o SUMMARY` does; seconds taken.
fn check(dir: &Path, summary: &Path) -> f64 {
    let forms = baobiao::forms::all();
    let args = [
        "baobiao",
        "check",
        dir.to_str().unwrap(),
        "--quiet",
        "--summary",
        "csv",
        "-o",
        summary.to_str().unwrap(),
    ];
    let start = Instant::now();
    let _ = baobiao::cli::run_with(&forms, args);
    start.elapsed().as_secs_f64()
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument (a filter) is not for this bench.
    let count: usize = std::env::var("BAOBIAO_NATIONAL_REPORTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let dir = root().join("target/national");
    let started = Instant::now();
    let files = generate(&dir, count);
    eprintln!(
        "{count} reports in {} ({:.0} s to prepare)",
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    let size = |kind: &str| -> u64 {
        files
            .iter()
            .filter(|(_, k)| kind == "all" || *k == kind)
            .map(|(p, _)| std::fs::metadata(p).map_or(0, |m| m.len()))
            .sum()
    };

    // The floor, in the same process: every file's bytes read, every page parsed by html5ever.
    let start = Instant::now();
    let mut parsed = 0usize;
    for (path, kind) in &files {
        let bytes = std::fs::read(path).unwrap();
        if *kind == "html" {
            let page = scraper::Html::parse_document(&String::from_utf8_lossy(&bytes));
            parsed += std::hint::black_box(page.tree.values().count());
        }
    }
    let floor = start.elapsed().as_secs_f64();

    // Summaries beside the folder, not in it (a CSV in it would be checked as a report).
    let summaries = root().join("target/national-summaries");
    std::fs::create_dir_all(&summaries).unwrap();
    let summary = summaries.join("summary.csv");
    let all = check(&dir, &summary);
    let rows = std::fs::read_to_string(&summary).unwrap().lines().count() - 1;
    assert_eq!(rows, count, "one summary row per report");
    let mb = |bytes: u64, seconds: f64| bytes as f64 / 1e6 / seconds;
    println!(
        "national: {count} reports, {:.0} MB, checked in {all:.1} s on {} cores: {:.0} reports/s, {:.1} MB/s; 300,000 reports: {:.1} min",
        size("all") as f64 / 1e6,
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        count as f64 / all,
        mb(size("all"), all),
        300_000.0 / (count as f64 / all) / 60.0,
    );
    println!(
        "national: reading every file and parsing the pages with html5ever alone: {floor:.1} s ({parsed} nodes); the check takes {:.1}x that",
        all / floor
    );
    for (kind, _) in MIX {
        let seconds = check(
            &dir.join(kind),
            &summaries.join(format!("summary-{kind}.csv")),
        );
        let n = files.iter().filter(|(_, k)| *k == kind).count();
        println!(
            "national: {kind:>4}: {n} reports, {:.0} MB in {seconds:.1} s: {:.0} reports/s, {:.1} MB/s",
            size(kind) as f64 / 1e6,
            n as f64 / seconds,
            mb(size(kind), seconds),
        );
    }
}
