//! Reading a published report with the library: the page text of the 湘潭县公安局 2024 report
//! (as bundled, or a file named on the command line) is read as whichever official template it
//! matches, checked, and every violation printed with where each of its cells was read from.
//!
//! `cargo run --example read_published [FILE]`

use baobiao::Form;
use baobiao::forms::annual_report_2019::AnnualReport2019;
use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::read::form::read_best;
use baobiao::{Lang, Summary};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/reports/xiangtan-county-police-2024.txt"
        )
        .to_owned()
    });
    let bytes = std::fs::read(&path)?;
    let (text, encoding) = baobiao::read::decode::decode(&bytes)?;
    let source = if path.ends_with(".html") || path.ends_with(".htm") {
        baobiao::read::html::read(&text)?
    } else {
        baobiao::read::text::read(&text)
    };

    // The template is told by the headers and rows the source has.
    let forms = [AnnualReport::info(), AnnualReport2019::info()];
    let (which, read) = read_best(&forms, &source).ok_or("no forms")?;
    println!(
        "{path}: {encoding}, read as the {} template",
        ["2021", "2019"][which]
    );
    for d in &read.diagnostics {
        let at = d.position.map(|p| p.describe(Lang::Zh)).unwrap_or_default();
        println!("  ! {at} {}", d.problem.message(Lang::Zh));
    }

    let mut summary: Summary = if which == 0 {
        let form: AnnualReport = serde_json::from_value(read.json.clone())?;
        form.check().summary(Lang::Zh)
    } else {
        let form: AnnualReport2019 = serde_json::from_value(read.json.clone())?;
        form.check().summary(Lang::Zh)
    };
    summary.locate(|pointer| read.position_of(pointer).map(|p| p.to_string()));
    println!(
        "{} violations, {} not assessable",
        summary.violations.len(),
        summary.not_assessable.len()
    );
    for v in &summary.violations {
        println!("✗ {} {} ({})", v.rule, v.message, v.at);
        for cell in &v.cells {
            println!(
                "    {} = {}  [{}]",
                cell.labels.join(" › "),
                cell.value,
                cell.source.as_deref().unwrap_or("?")
            );
        }
    }
    Ok(())
}
