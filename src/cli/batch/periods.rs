//! Rules between periods in a batch: the reports of one agency for consecutive years are
//! paired, and each period rule of the later report's form is decided over the two.
//!
//! Agencies are matched by name after normalisation (spaces dropped, full-width letters and
//! digits as ASCII); a year with two reports of one agency pairs with neither, and says so.

use std::collections::BTreeMap;

use crate::{Lang, PairStatus, Position, Severity, Slot};

use super::super::check::Assessed;

/// Two reports of one agency, a year apart, and what their period rules found.
#[derive(serde::Serialize)]
pub struct Compared {
    pub agency: String,
    /// Index of the later report in the batch.
    #[serde(skip)]
    pub current: usize,
    pub current_file: String,
    pub previous_file: String,
    pub current_year: i64,
    pub previous_year: i64,
    /// Pairs of cells decided.
    pub decided: usize,
    /// Pairs not decided (a cell blank or not read in either report).
    pub not_assessable: usize,
    pub violations: Vec<Violation>,
}

/// A period rule that does not hold for one pair of cells.
#[derive(serde::Serialize)]
pub struct Violation {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// This year's cell, then last year's.
    pub cells: [Cell; 2],
}

/// One side of a violation.
#[derive(serde::Serialize)]
pub struct Cell {
    pub file: String,
    pub pointer: String,
    pub labels: Vec<&'static str>,
    /// As read: a number, `null` for a blank, or a not-applicable mark.
    pub value: Slot,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Position>,
}

/// What the batch found between periods.
#[derive(Default, serde::Serialize)]
pub struct Periods {
    pub compared: Vec<Compared>,
    /// An agency and year with more than one report: not paired, since either could be the
    /// one meant. Each with the files.
    pub ambiguous: Vec<(String, i64, Vec<String>)>,
}

/// An agency's name as compared: no spaces, full-width ASCII as ASCII.
pub fn normalise_agency(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// Pairs the reports of each agency for consecutive years and decides their period rules.
pub fn compare(reports: &[Assessed], lang: Lang) -> Periods {
    let mut by_agency: BTreeMap<String, BTreeMap<i64, Vec<usize>>> = BTreeMap::new();
    for (i, report) in reports.iter().enumerate() {
        let (Some(agency), Some(year), Some(_)) = (&report.agency, &report.year, &report.period)
        else {
            continue;
        };
        let Ok(year) = year.trim().parse::<i64>() else {
            continue;
        };
        by_agency
            .entry(normalise_agency(agency))
            .or_default()
            .entry(year)
            .or_default()
            .push(i);
    }
    let mut periods = Periods::default();
    for (agency, years) in by_agency {
        for (&year, indices) in &years {
            if indices.len() > 1 {
                let files = indices.iter().map(|&i| reports[i].file.clone()).collect();
                periods.ambiguous.push((agency.clone(), year, files));
                continue;
            }
            let Some(previous) = year
                .checked_sub(1)
                .and_then(|y| years.get(&y))
                .filter(|p| p.len() == 1)
            else {
                continue;
            };
            periods
                .compared
                .push(pair(reports, &agency, indices[0], previous[0], lang));
        }
    }
    periods
}

fn pair(
    reports: &[Assessed],
    agency: &str,
    current: usize,
    previous: usize,
    lang: Lang,
) -> Compared {
    let (this, last) = (&reports[current], &reports[previous]);
    let (Some(this_cells), Some(last_cells)) = (&this.period, &last.period) else {
        unreachable!("paired reports hold period cells")
    };
    let year = |r: &Assessed| r.year.as_deref().and_then(|y| y.trim().parse().ok());
    let mut compared = Compared {
        agency: agency.to_owned(),
        current,
        current_file: this.file.clone(),
        previous_file: last.file.clone(),
        current_year: year(this).unwrap_or_default(),
        previous_year: year(last).unwrap_or_default(),
        decided: 0,
        not_assessable: 0,
        violations: Vec::new(),
    };
    let info = this_cells.info;
    let last_info = last_cells.info;
    for rule in &info.period_rules {
        // The earlier report may be of another form (the 2019 template before the 2021 one):
        // its cell is the one at the same pointer.
        let value = |cells: &super::super::check::PeriodCells, pointer: &str| {
            cells
                .values
                .get(pointer)
                .map_or((Slot::Blank, None), |&(slot, position)| (slot, position))
        };
        let current_of = |i: usize| value(this_cells, &info.cells[i].pointer).0;
        let previous_of = |i: usize| value(last_cells, &info.cells[i].pointer).0;
        for (pair, status) in rule.decide(current_of, previous_of) {
            match status {
                PairStatus::Pass => compared.decided += 1,
                PairStatus::NotAssessable => compared.not_assessable += 1,
                PairStatus::Fail => {
                    compared.decided += 1;
                    let cell = |file: &str,
                                cells: &super::super::check::PeriodCells,
                                index: usize,
                                form: &'static crate::FormInfo| {
                        let pointer = &info.cells[index].pointer;
                        let (slot, position) = value(cells, pointer);
                        let labels = form.cell_index(pointer).map_or_else(
                            || info.cells[index].labels.clone(),
                            |i| form.cells[i].labels.clone(),
                        );
                        Cell {
                            file: file.to_owned(),
                            pointer: pointer.clone(),
                            labels,
                            value: slot,
                            source: position,
                        }
                    };
                    compared.violations.push(Violation {
                        rule: rule.id.clone(),
                        severity: rule.severity,
                        message: rule.message(lang).to_owned(),
                        cells: [
                            cell(&this.file, this_cells, pair.current, info),
                            cell(&last.file, last_cells, pair.previous, last_info),
                        ],
                    });
                }
            }
        }
    }
    compared
}
