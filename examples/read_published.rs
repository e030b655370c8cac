//! Reading a published report with the library, as the command line does: the page text of the
//! 湘潭县公安局 2024 report (as bundled, or a file named on the command line) is read as
//! whichever official template it matches, checked, and every violation printed with where
//! each of its cells was read from.
//!
//! `cargo run --example read_published [FILE]`

use baobiao::read::{Options, ReadError};
use baobiao::{CheckOptions, Lang};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/reports/xiangtan-county-police-2024.txt"
        )
        .to_owned()
    });

    // The official forms as a set: the report is read as the template its headers and rows
    // say (or, for a form's JSON, as the first).
    let forms = baobiao::forms::all();
    let (entry, reading) = match forms.read_at(path.as_ref(), &Options::default(), None) {
        Ok(read) => read,
        Err(ReadError::Incomplete { reading, .. }) => {
            for d in &reading.diagnostics {
                println!("  ! {d}");
            }
            return Err("the report did not read into a whole form".into());
        }
        Err(err) => return Err(err.into()),
    };
    println!("{path}: {:?}, read as {}", reading.kind, entry.title());
    for d in &reading.diagnostics {
        println!("  ! {d}");
    }

    let report = reading.form.check_with(CheckOptions::default());
    let mut summary = report.summary();
    summary.locate(|pointer| reading.position_of(pointer));
    println!(
        "{} violations, {} not assessable",
        summary.violations.len(),
        summary.not_assessable.len()
    );
    for v in &summary.violations {
        println!("✗ {} {} ({})", v.id(), v.message(Lang::Zh), v.location());
        for cell in &v.cells {
            let source = cell.source.map(|s| s.describe(Lang::Zh));
            println!(
                "    {} = {}  [{}]",
                cell.label_path(),
                cell.value.describe(Lang::Zh),
                source.as_deref().unwrap_or("?")
            );
        }
    }
    Ok(())
}
