//! A structured mutation fuzzer of baobiao's readers, on stable Rust: seeds are the bundled
//! reports (the PDFs among them) and their renderings in every format; each execution mutates one (characters from
//! the alphabet reports and their mistakes use, slices repeated or dropped, lines swapped,
//! bytes flipped) and reads it as one of the forms (each in turn), in the kind it is and now
//! and then as another. A panic is a
//! crash: its input is saved under `crashes/`. No coverage guidance (that needs a nightly
//! toolchain or an instrumenting compiler this machine lacks); the mutations are structured
//! instead.
//!
//! Usage: `baobiao-fuzz SECONDS SEED DIR…` (see `run.sh`).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use baobiao::forms::annual_report_2019::AnnualReport2019;
use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::forms::website::WebsiteReport;
use baobiao::read::{Options, SourceKind};
use baobiao::{Form, Lang, render};

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const ALPHABET: &[&str] = &[
    "0",
    "1",
    "9",
    "12",
    "0.5",
    "-",
    "—",
    "——",
    "/",
    "无",
    "件",
    "万元",
    "元",
    "%",
    "e3",
    ".0",
    ",",
    "，",
    "、",
    "（",
    "）",
    "(",
    ")",
    "一",
    "五、",
    "（三）",
    "第1项",
    "|",
    "│",
    "┼",
    "\t",
    "\n",
    "\r\n",
    " ",
    "\u{3000}",
    "\u{a0}",
    "\u{200b}",
    "\u{202e}",
    "\u{0301}",
    "\u{feff}",
    "<br>",
    "<td>",
    "</td>",
    "<tr>",
    "<table>",
    "<rb>",
    "<rt>",
    "&nbsp;",
    "\"",
    "'",
    "年",
    "月",
    "１２",
    "２０２４",
    "☑",
    "□",
    "是",
    "否",
    "√",
    "×",
];

fn seeds(dirs: &[String]) -> Vec<(Vec<u8>, SourceKind)> {
    let mut seeds = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let kind = match path.extension().and_then(|e| e.to_str()) {
                Some("html") => SourceKind::Html,
                Some("txt" | "md") => SourceKind::Text,
                Some("csv") => SourceKind::Csv,
                Some("json") => SourceKind::Json,
                Some("pdf") => SourceKind::Pdf,
                _ => continue,
            };
            if let Ok(bytes) = std::fs::read(&path) {
                seeds.push((bytes, kind));
            }
        }
    }
    // The bundled report rendered in every format.
    let bundled = std::fs::read_to_string("../examples/reports/xiangtan-county-police-2024.json")
        .ok()
        .and_then(|t| serde_json_from(&t));
    if let Some(form) = bundled {
        let checked = form.check();
        let document = render::document(&form, Some(&checked), Lang::Zh);
        seeds.push((render::html::page(&document).into_bytes(), SourceKind::Html));
        seeds.push((
            render::text::document(&document, false).into_bytes(),
            SourceKind::Text,
        ));
        seeds.push((
            render::markdown::document(&document).into_bytes(),
            SourceKind::Text,
        ));
        seeds.push((
            render::csv::document(&document).into_bytes(),
            SourceKind::Csv,
        ));
        if let Ok(xlsx) = render::xlsx::document(&document) {
            seeds.push((xlsx, SourceKind::Xlsx));
        }
        if let Ok(docx) = render::docx::document(&document) {
            seeds.push((docx, SourceKind::Docx));
        }
    }
    seeds
}

fn serde_json_from(text: &str) -> Option<AnnualReport> {
    let options = Options {
        kind: Some(SourceKind::Json),
        ..Options::default()
    };
    baobiao::read::report::<AnnualReport>(text.as_bytes().to_vec(), &options)
        .ok()
        .map(|r| r.form)
}

/// One to eight mutations of `input`.
fn mutate(input: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 => {
                let piece = ALPHABET[rng.below(ALPHABET.len())].as_bytes();
                out.splice(at..at, piece.iter().copied());
            }
            1 if !out.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at.min(end)..end);
            }
            2 if !out.is_empty() => {
                // A slice repeated: rows, cells, runs of digits.
                let start = rng.below(out.len());
                let end = (start + 1 + rng.below(64)).min(out.len());
                let slice = out[start..end].to_vec();
                for _ in 0..1 + rng.below(8) {
                    out.splice(at..at, slice.iter().copied());
                }
            }
            3 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            4 => {
                let digits = "7".repeat(1 + rng.below(120));
                out.splice(at..at, digits.bytes());
            }
            _ => {
                let piece = ALPHABET[rng.below(ALPHABET.len())].as_bytes();
                let end = (at + piece.len()).min(out.len());
                out.splice(at..end, piece.iter().copied());
            }
        }
    }
    out
}

/// One execution: the input read as one of the forms (each form in turn), as the kind given.
fn read_as(input: &[u8], kind: SourceKind, form: usize) {
    let options = Options {
        kind: Some(kind),
        ..Options::default()
    };
    match form % 3 {
        0 => drop(baobiao::read::report::<AnnualReport>(input.to_vec(), &options)),
        1 => drop(baobiao::read::report::<AnnualReport2019>(input.to_vec(), &options)),
        _ => drop(baobiao::read::report::<WebsiteReport>(input.to_vec(), &options)),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let seconds: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let seeds = seeds(&args[3.min(args.len())..]);
    assert!(!seeds.is_empty(), "no seeds");
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let started = Instant::now();
    let (mut executions, mut crashes, mut slowest) = (0u64, 0u64, Duration::ZERO);
    let kinds = [
        SourceKind::Html,
        SourceKind::Text,
        SourceKind::Csv,
        SourceKind::Json,
        SourceKind::Pdf,
    ];
    std::fs::create_dir_all("crashes").ok();
    while started.elapsed() < Duration::from_secs(seconds) {
        let (input, kind) = &seeds[rng.below(seeds.len())];
        let mutated = mutate(input, &mut rng);
        // Mostly as the kind it is; now and then as another.
        let kind = if rng.below(4) == 0 {
            kinds[rng.below(kinds.len())]
        } else {
            *kind
        };
        let one = Instant::now();
        let form = executions as usize;
        let outcome = catch_unwind(AssertUnwindSafe(|| read_as(&mutated, kind, form)));
        let took = one.elapsed();
        slowest = slowest.max(took);
        // An input that takes over a second is kept too: a bound that does not hold.
        if took > Duration::from_secs(1) {
            std::fs::create_dir_all("slow").ok();
            std::fs::write(format!("slow/{seed}-{executions}-{}ms.{kind:?}", took.as_millis()), &mutated).ok();
        }
        executions += 1;
        if outcome.is_err() {
            crashes += 1;
            let name = format!("crashes/{seed}-{executions}.{kind:?}");
            std::fs::write(&name, &mutated).ok();
        }
        if executions % 10_000 == 0 {
            eprintln!(
                "[{seed}] {executions} executions, {crashes} crashes, slowest {slowest:?}, {:.0}/s",
                executions as f64 / started.elapsed().as_secs_f64()
            );
        }
    }
    println!(
        "[{seed}] {executions} executions in {seconds} s, {crashes} crashes, slowest {slowest:?}"
    );
}
