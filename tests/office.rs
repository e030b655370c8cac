//! Our DOCX in an office program, and a PDF we did not write: LibreOffice opens the rendered
//! Word document of a form and prints it to PDF; baobiao reads that PDF back — its text layer,
//! LibreOffice's own fonts, its own ruling (thin stroked lines), rows it breaks across pages —
//! to the very form that was rendered, with no diagnostic. Once a check of the DOCX (without
//! column widths LibreOffice laid table 3 out with headers over the wrong columns) and once
//! of the PDF reader on another producer than the published reports' WPS.
//!
//! The geometry of the printed pages is checked with a reader that is not ours, poppler's
//! `pdftotext -bbox` (the box of every word): table 3's `法人或其他组织` heads its five
//! columns, every number of table 3 stands under its own column's header, no two words are
//! drawn over each other; pages are saved as images (`pdftoppm`) under
//! `target/tmp/office/screenshots` for a person to look at.
//!
//! Needs LibreOffice (Debian's `libreoffice-writer-nogui` and `libreoffice-calc-nogui`) and
//! poppler (`poppler-utils`), which `.ci/run` installs. Without them the tests say so and
//! skip, except under CI (`CI` set), where they fail.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use baobiao::forms::website::WebsiteReport;
use baobiao::read::{Options, SourceKind};
use baobiao::{Form, Lang, render};

fn office_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("office");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The form drawn as DOCX, printed to PDF by LibreOffice.
fn printed<F: Form + serde::Serialize>(form: &F, name: &str, office: &Path) -> Vec<u8> {
    let document = render::document(form, None, Lang::Zh);
    let docx = office_dir().join(format!("{name}.docx"));
    std::fs::write(&docx, render::docx::document(&document).unwrap()).unwrap();
    std::fs::read(to_pdf(&docx, office)).unwrap()
}

/// An office file printed to PDF by LibreOffice: the PDF's path.
fn to_pdf(file: &Path, office: &Path) -> PathBuf {
    let dir = file.parent().unwrap();
    // A profile of its own: two LibreOffices sharing one wait for each other or fail.
    let profile = dir.join(format!(".profile-{}", file.file_name().unwrap().display()));
    let out = Command::new(office)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(file)
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    file.with_extension("pdf")
}

fn read_pdf<F>(pdf: Vec<u8>) -> baobiao::read::Reading<F>
where
    F: Form + serde::de::DeserializeOwned,
{
    let options = Options {
        kind: Some(SourceKind::Pdf),
        ..Options::default()
    };
    baobiao::read::report::<F>(pdf, &options).unwrap()
}

/// A program the test needs, or `None` (the test skips) — except under CI.
fn needed(names: &[&str], package: &str) -> Option<PathBuf> {
    let found = common::program(names);
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is needed under CI (apt-get install {package})",
            names[0]
        );
        eprintln!(
            "skipped: {} not found (apt-get install {package})",
            names[0]
        );
    }
    found
}

#[test]
fn a_form_printed_by_libreoffice_reads_back_to_itself() {
    let Some(office) = needed(&["soffice", "libreoffice"], "libreoffice-writer-nogui") else {
        return;
    };
    // The 2021 report: table 3's merged headers, a vertical group of 22 rows, long labels
    // wrapped; LibreOffice breaks a row of （六） across pages 4 and 5.
    let bundled = common::bundled();
    let read = read_pdf::<baobiao::forms::annual_report_2021::AnnualReport>(printed(
        &bundled, "annual", &office,
    ));
    assert_eq!(common::said(&read.diagnostics), Vec::<String>::new());
    assert_eq!(read.form, bundled);
    assert!(matches!(
        read.position_of("/applications/new_received/natural_persons"),
        Some(baobiao::Position::Page { .. })
    ));

    // The website form: label–value blocks, check boxes, planted errors found again.
    let planted: WebsiteReport = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/reports/website-planted-errors.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let read = read_pdf::<WebsiteReport>(printed(&planted, "website", &office));
    assert_eq!(common::said(&read.diagnostics), Vec::<String>::new());
    assert_eq!(read.form, planted);
    assert_eq!(
        read.form.check().violations().len(),
        planted.check().violations().len()
    );
}

/// A word as poppler places it: its page (from 1) and box in points, y downwards.
#[derive(Clone, Debug)]
struct Word {
    page: usize,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

impl Word {
    fn x(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
    fn y(&self) -> f64 {
        (self.y0 + self.y1) / 2.0
    }
}

/// Every word of a PDF with its box, as `pdftotext -bbox` gives them.
fn words(pdf: &Path) -> Vec<Word> {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    let xhtml = String::from_utf8(out.stdout).unwrap();
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&xhtml, options).unwrap();
    let mut words = Vec::new();
    let pages = doc.descendants().filter(|n| n.tag_name().name() == "page");
    for (page, node) in pages.enumerate() {
        for w in node.children().filter(|n| n.tag_name().name() == "word") {
            let at = |name: &str| w.attribute(name).unwrap().parse::<f64>().unwrap();
            words.push(Word {
                page: page + 1,
                x0: at("xMin"),
                y0: at("yMin"),
                x1: at("xMax"),
                y1: at("yMax"),
                text: w.text().unwrap_or_default().to_owned(),
            });
        }
    }
    words
}

/// Every page as a PNG under `target/tmp/office/screenshots`, named `NAME-N.png`.
fn screenshots(pdf: &Path, name: &str) {
    let dir = office_dir().join("screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let out = Command::new("pdftoppm")
        .args(["-r", "60", "-png"])
        .arg(pdf)
        .arg(dir.join(name))
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftoppm {}", pdf.display());
}

/// No two words of a page drawn over each other (a wrapped label running into the row below,
/// a header over a number): any two boxes share less than a quarter of the smaller one.
fn assert_no_overlap(words: &[Word], file: &str) {
    for (i, a) in words.iter().enumerate() {
        for b in words[i + 1..].iter().filter(|b| b.page == a.page) {
            let w = a.x1.min(b.x1) - a.x0.max(b.x0);
            let h = a.y1.min(b.y1) - a.y0.max(b.y0);
            if w <= 0.0 || h <= 0.0 {
                continue;
            }
            let smaller = ((a.x1 - a.x0) * (a.y1 - a.y0)).min((b.x1 - b.x0) * (b.y1 - b.y0));
            assert!(
                w * h < smaller / 4.0,
                "{file}, page {}: `{}` and `{}` are drawn over each other",
                a.page,
                a.text,
                b.text
            );
        }
    }
}

/// A Word body paragraph as government documents set it: its first line indented by two
/// characters, its next line not (the opening paragraph, `根据《中华人民共和国…`).
fn assert_first_line_indented(words: &[Word], file: &str) {
    let first = words
        .iter()
        .position(|w| w.text.starts_with("根据《中华人民共和国"))
        .unwrap_or_else(|| panic!("{file}: the opening paragraph is not printed"));
    let (line, next) = (&words[first], &words[first + 1]);
    let em = line.y1 - line.y0;
    assert!(
        line.x0 - next.x0 > 1.5 * em,
        "{file}: the first line starts at x {:.0}, the next at {:.0} (one character {em:.0})",
        line.x0,
        next.x0
    );
}

/// The value columns of table 3, left to right.
const TABLE_3_COLUMNS: [&str; 7] = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];

/// Table 3 as printed, on every page it is on: `法人或其他组织` centred over its five
/// columns, the seven column headers in order, every number of a row under its own column's
/// header. Returns how many rows of seven numbers were found.
fn assert_table_3_geometry(words: &[Word], file: &str) -> usize {
    let mut rows_found = 0;
    let headed: Vec<&Word> = words
        .iter()
        .filter(|w| w.text == "法人或其他组织")
        .collect();
    assert!(
        !headed.is_empty(),
        "{file}: `法人或其他组织` is not printed whole on one line"
    );
    for group in headed {
        let page: Vec<&Word> = words.iter().filter(|w| w.page == group.page).collect();
        let at = format!("{file}, page {}", group.page);
        // Rows of seven numbers below the header: table 3's rows (table 4's have fifteen).
        let numbers: Vec<&Word> = page
            .iter()
            .copied()
            .filter(|w| w.y0 > group.y1 && w.text.bytes().all(|b| b.is_ascii_digit()))
            .collect();
        let mut lines: Vec<Vec<&Word>> = Vec::new();
        for w in numbers {
            match lines.iter_mut().find(|l| (l[0].y() - w.y()).abs() < 2.0) {
                Some(line) => line.push(w),
                None => lines.push(vec![w]),
            }
        }
        let rows: Vec<Vec<&Word>> = lines
            .into_iter()
            .filter(|l| l.len() == 7)
            .map(|mut l| {
                l.sort_by(|a, b| a.x().total_cmp(&b.x()));
                l
            })
            .collect();
        assert!(!rows.is_empty(), "{at}: no row of table 3 under its header");
        let first_row = rows.iter().map(|r| r[0].y0).fold(f64::MAX, f64::min);
        let (left, right) = (rows[0][0].x0, rows[0][6].x1);
        let pitch = (right - left) / 7.0;
        // The headers: in the band between `申请人情况`'s row and the first row of numbers,
        // over the value columns; a header printed over several lines is found by its first.
        let band: Vec<&Word> = page
            .iter()
            .copied()
            .filter(|w| w.y0 < first_row && w.y1 > group.y0 - 3.0 * (group.y1 - group.y0))
            .filter(|w| w.x() > left - pitch && w.x() < right + pitch)
            .filter(|w| w.text != "法人或其他组织" && w.text != "申请人情况")
            .collect();
        let headers: Vec<&Word> = TABLE_3_COLUMNS
            .iter()
            .map(|label| {
                let top = band
                    .iter()
                    .filter(|w| label.starts_with(w.text.as_str()))
                    .map(|w| w.y0)
                    .fold(f64::MAX, f64::min);
                let first: Vec<&&Word> = band
                    .iter()
                    .filter(|w| label.starts_with(w.text.as_str()) && (w.y0 - top).abs() < 1.0)
                    .collect();
                assert_eq!(first.len(), 1, "{at}: header `{label}` found {first:?}");
                *first[0]
            })
            .collect();
        for pair in headers.windows(2) {
            assert!(
                pair[0].x() < pair[1].x(),
                "{at}: header `{}` is not left of `{}`",
                pair[0].text,
                pair[1].text
            );
        }
        // `法人或其他组织` heads the five organisation columns: centred over them, not over
        // one of them.
        let (from, to) = (headers[1].x0, headers[5].x1);
        let middle = (from + to) / 2.0;
        assert!(
            (group.x() - middle).abs() < (to - from) * 0.2,
            "{at}: `法人或其他组织` centred at {:.0}, its five columns span {from:.0}–{to:.0}",
            group.x()
        );
        assert!(
            group.y1 <= headers[1].y0,
            "{at}: `法人或其他组织` is not above its columns"
        );
        // Every number under its own header: nearer its header than any other.
        for row in &rows {
            for (column, number) in row.iter().enumerate() {
                let nearest = (0..7)
                    .min_by(|&a, &b| {
                        let d = |h: usize| (headers[h].x() - number.x()).abs();
                        d(a).total_cmp(&d(b))
                    })
                    .unwrap();
                assert_eq!(
                    nearest,
                    column,
                    "{at}: the number {} at x {:.0} of the row at y {:.0} is under `{}`, not `{}`",
                    number.text,
                    number.x(),
                    number.y(),
                    TABLE_3_COLUMNS[nearest],
                    TABLE_3_COLUMNS[column]
                );
            }
        }
        rows_found += rows.len();
    }
    rows_found
}

/// How many rows of table 3 the bundled report fills with seven numbers (25 rows, less those
/// it leaves blank).
fn table_3_rows_of_numbers() -> usize {
    let json = common::bundled_json();
    let info = <baobiao::forms::annual_report_2021::AnnualReport as Form>::info();
    let mut rows: Vec<(&[&str], bool)> = Vec::new();
    for cell in info
        .cells
        .iter()
        .filter(|c| c.pointer.starts_with("/applications/"))
    {
        let row = &cell.labels[..cell.row_labels];
        let number = json.pointer(&cell.pointer).is_some_and(|v| v.is_number());
        match rows.iter_mut().find(|(r, _)| *r == row) {
            Some((_, all)) => *all &= number,
            None => rows.push((row, number)),
        }
    }
    assert_eq!(rows.len(), 25);
    rows.iter().filter(|(_, all)| *all).count()
}

/// The office files as an agency would publish them, printed by LibreOffice: the tables'
/// geometry read from the PDF by poppler, and the PDF read back by baobiao to the report.
#[test]
fn office_files_printed_by_libreoffice_keep_the_templates_geometry() {
    let Some(office) = needed(
        &["soffice", "libreoffice"],
        "libreoffice-writer-nogui libreoffice-calc-nogui",
    ) else {
        return;
    };
    // poppler's programs answer `-v`, not `--version`.
    let poppler = Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success());
    if !poppler {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdftotext is needed under CI (apt-get install poppler-utils)"
        );
        eprintln!("skipped: pdftotext not found (apt-get install poppler-utils)");
        return;
    }
    let bundled = common::bundled();
    let document = render::document(&bundled, None, Lang::Zh);
    let dir = office_dir();
    for (name, bytes) in [
        (
            "printed-docx.docx",
            render::docx::document(&document).unwrap(),
        ),
        (
            "printed-xlsx.xlsx",
            render::xlsx::document(&document).unwrap(),
        ),
    ] {
        let file = dir.join(name);
        std::fs::write(&file, bytes).unwrap();
        let pdf = to_pdf(&file, &office);
        screenshots(&pdf, name.split('.').next().unwrap_or(name));
        let words = words(&pdf);
        assert_no_overlap(&words, name);
        if name.ends_with(".docx") {
            assert_first_line_indented(&words, name);
        }
        // Table 3's rows of numbers, each under the header (repeated on a page it runs on to).
        assert_eq!(
            assert_table_3_geometry(&words, name),
            table_3_rows_of_numbers(),
            "{name}"
        );
        // And read back by baobiao, the very report.
        let read = read_pdf::<baobiao::forms::annual_report_2021::AnnualReport>(
            std::fs::read(&pdf).unwrap(),
        );
        assert_eq!(
            common::said(&read.diagnostics),
            Vec::<String>::new(),
            "{name}"
        );
        assert_eq!(read.form, bundled, "{name}");
    }
}
