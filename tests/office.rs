//! Our DOCX in an office program, and a PDF we did not write: LibreOffice opens the rendered
//! Word document of a form and prints it to PDF; baobiao reads that PDF back — its text layer,
//! LibreOffice's own fonts, its own ruling (thin stroked lines), rows it breaks across pages —
//! to the very form that was rendered, with no diagnostic. Once a check of the DOCX (without
//! column widths LibreOffice laid table 3 out with headers over the wrong columns) and once
//! of the PDF reader on another producer than the published reports' WPS.
//!
//! Needs LibreOffice (Debian's `libreoffice-writer-nogui`, which `.ci/run` installs). Without
//! it the test says so and skips, except under CI (`CI` set), where it fails.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use baobiao::forms::website::WebsiteReport;
use baobiao::read::{Options, SourceKind};
use baobiao::{Form, Lang, render};

fn soffice() -> Option<PathBuf> {
    common::program(&["soffice", "libreoffice"])
}

/// The form drawn as DOCX, printed to PDF by LibreOffice.
fn printed<F: Form + serde::Serialize>(form: &F, name: &str, office: &Path) -> Vec<u8> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("office");
    std::fs::create_dir_all(&dir).unwrap();
    let docx = dir.join(format!("{name}.docx"));
    let document = render::document(form, None, Lang::Zh);
    std::fs::write(&docx, render::docx::document(&document).unwrap()).unwrap();
    let out = Command::new(office)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&docx)
        .env("HOME", &dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read(dir.join(format!("{name}.pdf"))).unwrap()
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

#[test]
fn a_form_printed_by_libreoffice_reads_back_to_itself() {
    let Some(office) = soffice() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "LibreOffice is needed under CI (apt-get install libreoffice-writer-nogui)"
        );
        eprintln!("skipped: LibreOffice not found (apt-get install libreoffice-writer-nogui)");
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
