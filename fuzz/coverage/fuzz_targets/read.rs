//! One execution: the input's first byte chooses the kind it is read as (HTML, text, CSV,
//! JSON, PDF, XLSX, DOCX) and the form (2021, 2019, website); the rest is read. A panic, an
//! abort or a timeout is a finding.

#![no_main]

use baobiao::forms::annual_report_2019::AnnualReport2019;
use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::forms::website::WebsiteReport;
use baobiao::read::{Options, SourceKind};
use libfuzzer_sys::fuzz_target;

const KINDS: [SourceKind; 7] = [
    SourceKind::Html,
    SourceKind::Text,
    SourceKind::Csv,
    SourceKind::Json,
    SourceKind::Pdf,
    SourceKind::Xlsx,
    SourceKind::Docx,
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, input)) = data.split_first() else {
        return;
    };
    let options = Options {
        kind: Some(KINDS[usize::from(selector) % KINDS.len()]),
        ..Options::default()
    };
    let input = input.to_vec();
    match usize::from(selector) / KINDS.len() % 3 {
        0 => drop(baobiao::read::report::<AnnualReport>(input, &options)),
        1 => drop(baobiao::read::report::<AnnualReport2019>(input, &options)),
        _ => drop(baobiao::read::report::<WebsiteReport>(input, &options)),
    }
});
