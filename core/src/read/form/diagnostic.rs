//! What a reading could not read as the form declares it: typed, worded only when shown, in
//! Chinese or English.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::lang::Lang;
use crate::read::columns::ColumnConflict;
use crate::read::grid::Position;
use crate::read::value::ValueProblem;

/// Something the reader could not read as the form declares it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where in the source, when it is one place.
    pub position: Option<Position>,
    /// The form's cell, row or field concerned, as a JSON pointer.
    pub pointer: Option<String>,
    /// What is wrong.
    pub problem: Problem,
}

/// What a [`Diagnostic`] reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A part every report has (a section, a table) is not in the source.
    PartMissing {
        /// The part's label.
        label: &'static str,
    },
    /// A table's heading is not in the source; the table was recognised by its rows.
    HeadingMissing {
        /// The heading's label.
        label: &'static str,
    },
    /// A row of a table is not in the source.
    RowMissing {
        /// The row's labels, from the table's top.
        path: Vec<&'static str>,
    },
    /// A row is not among cells run together, or its values cannot be told apart there.
    RowNotInRun {
        /// The row's labels, from the table's top.
        path: Vec<&'static str>,
    },
    /// A row label matches several rows of the form.
    RowAmbiguous,
    /// A row with values whose label is no row of the form: its values are not read.
    RowUnrecognised {
        /// Its label as written.
        label: String,
    },
    /// A section's heading is written otherwise than the form's, alike to that section's label
    /// only: the section is read under it.
    HeadingVariant {
        /// The heading as written.
        written: String,
        /// The form's label.
        label: &'static str,
    },
    /// A row's label is written otherwise than the form's (a variant, a typo), alike to that
    /// row's only: the row is read as it.
    LabelVariant {
        /// The label as written.
        written: String,
        /// The form's label.
        label: &'static str,
    },
    /// Rows of bare values whose labels stand apart, above the table, as text (a PDF-to-text
    /// converter's output): read by order, the k-th row of values as the k-th label, where
    /// the labels are as many as the rows and in the form's order.
    ReadByOrder {
        /// The rows read so.
        rows: usize,
    },
    /// Rows of bare values whose labels do not give one reading by order (more or fewer
    /// labels than rows, or out of the form's order): not read.
    RowsWithoutLabels {
        /// Rows of values without a label.
        rows: usize,
        /// Labels of the form's rows found in the text above them.
        labels: usize,
    },
    /// A diagnostic of an earlier reading, carried in what `read` wrote (its words as written
    /// then, in the language of that reading).
    Carried {
        /// Its words.
        message: String,
        /// Its kind.
        kind: Kind,
        /// What it left unread.
        unread: Option<crate::read::completeness::Unread>,
    },
    /// A row the form has, found again after it was read: the first reading is kept, this one
    /// not read.
    RowRepeated {
        /// The row's labels, from the table's top.
        path: Vec<&'static str>,
    },
    /// An element of repeated rows is not the next one (`第3项` after `第1项`, or one read
    /// twice); it is not read.
    ItemOutOfOrder {
        /// The element expected next (0-based).
        expected: usize,
        /// The element the row names (0-based).
        found: usize,
    },
    /// Repeated rows go beyond the most a form reads ([`MAX_ROWS`](crate::model::rows::MAX_ROWS));
    /// the rows beyond are not read.
    ItemsBeyondLimit {
        /// The most rows read.
        limit: usize,
    },
    /// Repeated rows hold values under their label but no element number (`第1项`); they are
    /// not read.
    ItemsUnnumbered,
    /// A row has another number of values than the form has columns; its values are not read.
    ValueCount {
        /// Values in the source's row.
        found: usize,
        /// Columns of the form.
        columns: usize,
    },
    /// The columns stand in another order than the form's; they were read by their headers.
    ColumnsReordered,
    /// The column headers contradict the order without naming every column: not read.
    Columns(ColumnConflict),
    /// A cell is not a value of its column: not read.
    Value(ValueProblem),
    /// There is no line before the first heading to take for the title.
    TitleMissing,
    /// The title does not say a field the form reads from it.
    NotInTitle {
        /// The title as written.
        title: String,
        /// The field's label.
        field: &'static str,
    },
    /// A field the form requires is nowhere in the source; it is read as empty.
    FieldMissing {
        /// The field's label.
        label: &'static str,
    },
    /// A row whose cells the page ran together (`（一）予以公开270020130`): never read; the
    /// readings the form's rules allow are said.
    Run {
        /// The run of digits as written.
        run: String,
        /// What the rules leave of the ways to cut it.
        readings: RunReadings,
    },
}

/// What the form's rules leave of the ways to cut a run of digits into a row's cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunReadings {
    /// One reading: offered as a suggestion, cell by cell. `across_rows` when the rules
    /// across rows (column totals) were needed to leave it.
    One {
        /// The cells and their values.
        values: Vec<Suggested>,
        /// Whether the rules across rows were needed.
        across_rows: bool,
    },
    /// A single value standing in running text, not in a table.
    InText {
        /// The cell and its value.
        value: Suggested,
    },
    /// Several readings are left.
    Several {
        /// How many.
        readings: usize,
        /// Of how many ways to cut the run.
        cuts: usize,
        /// Into how many cells.
        cells: usize,
    },
    /// No way to cut the run satisfies the rules.
    None {
        /// How many ways there were.
        cuts: usize,
        /// Into how many cells.
        cells: usize,
    },
    /// There were too many ways to cut the run to try them all.
    TooMany,
}

/// A value suggested for a cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggested {
    /// The cell.
    pub pointer: String,
    /// The number, exact (in JSON: its decimal text).
    #[serde(serialize_with = "decimal_text")]
    pub value: Decimal,
}

fn decimal_text<S: serde::Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

/// What sort of thing a [`Diagnostic`] reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A section, a table row (an element of repeated rows among them) or the title was not
    /// found or not read.
    Missing,
    /// A row found only as cells run together in running text: not read.
    Run,
    /// A cell that is not a value of its column.
    Value,
    /// A row or table that does not have the form's shape (values, columns, labels).
    Layout,
    /// A field the form reads from the title or a line could not be told.
    Metadata,
}

impl Problem {
    /// What sort of thing it is.
    pub fn kind(&self) -> Kind {
        match self {
            Problem::PartMissing { .. }
            | Problem::RowMissing { .. }
            | Problem::RowNotInRun { .. }
            // An element of repeated rows not read: the rows' sums are not the report's.
            | Problem::ItemOutOfOrder { .. }
            | Problem::ItemsUnnumbered
            | Problem::ItemsBeyondLimit { .. }
            | Problem::TitleMissing => Kind::Missing,
            Problem::Run { .. } => Kind::Run,
            Problem::Value(_) => Kind::Value,
            Problem::HeadingMissing { .. }
            | Problem::RowAmbiguous
            | Problem::RowRepeated { .. }
            | Problem::LabelVariant { .. }
            | Problem::ReadByOrder { .. }
            | Problem::RowsWithoutLabels { .. }
            | Problem::HeadingVariant { .. }
            | Problem::RowUnrecognised { .. }
            | Problem::ValueCount { .. }
            | Problem::ColumnsReordered
            | Problem::Columns(_) => Kind::Layout,
            Problem::NotInTitle { .. } | Problem::FieldMissing { .. } => Kind::Metadata,
            Problem::Carried { kind, .. } => *kind,
        }
    }

    /// The problem in words.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Problem::PartMissing { label } if zh => format!("未找到“{label}”部分"),
            Problem::PartMissing { label } => format!("section {label:?} not found"),
            Problem::HeadingMissing { label } if zh => {
                format!("缺少标题“{label}”；其表格按行名识别")
            }
            Problem::HeadingMissing { label } => format!(
                "the heading {label:?} is missing; its table was recognised by its row labels"
            ),
            Problem::RowMissing { path } if zh => format!("未找到行“{}”", path.join(" / ")),
            Problem::RowMissing { path } => format!("row {:?} not found", path.join(" / ")),
            Problem::RowNotInRun { path } if zh => format!(
                "在连写的单元格中未找到行“{}”，或无法分开其数值",
                path.join(" / ")
            ),
            Problem::RowNotInRun { path } => format!(
                "row {:?} not found, or its values not told apart, among the cells run together",
                path.join(" / ")
            ),
            Problem::ItemOutOfOrder { expected, found } if zh => format!(
                "此处应为第{}项，却是第{}项（重复或缺项）；未读取该行",
                expected + 1,
                found + 1
            ),
            Problem::ItemOutOfOrder { expected, found } => format!(
                "item {} where item {} was expected (repeated or missing); the row is not read",
                found + 1,
                expected + 1
            ),
            Problem::ItemsBeyondLimit { limit } if zh => {
                format!("重复行超过{limit}项；其后各项未读取")
            }
            Problem::ItemsBeyondLimit { limit } => {
                format!("more than {limit} repeated rows; those beyond are not read")
            }
            Problem::ItemsUnnumbered if zh => "重复行有数值却无项号（第1项…）；未读取".to_owned(),
            Problem::ItemsUnnumbered => {
                "repeated rows hold values without item numbers (第1项 …); not read".to_owned()
            }
            Problem::RowUnrecognised { label } if zh => {
                format!("行“{label}”不是表格中的行，其数值未读取")
            }
            Problem::RowUnrecognised { label } => {
                format!("row {label:?} is no row of the form; its values are not read")
            }
            Problem::HeadingVariant { written, label } if zh => {
                format!("标题“{written}”与表格的“{label}”不同，按“{label}”读取")
            }
            Problem::HeadingVariant { written, label } => {
                format!("heading {written:?} differs from the form's {label:?}; read as it")
            }
            Problem::LabelVariant { written, label } if zh => {
                format!("行名“{written}”与表格的“{label}”不同，按“{label}”读取")
            }
            Problem::LabelVariant { written, label } => {
                format!("row label {written:?} differs from the form's {label:?}; read as it")
            }
            Problem::Carried { message, .. } => message.clone(),
            Problem::ReadByOrder { rows } if zh => format!(
                "表格的 {rows} 行数值没有行名，行名作为文字列在表格之前（PDF 转文本的输出）；按顺序读取，第 k 行数值对应第 k 个行名"
            ),
            Problem::ReadByOrder { rows } => format!(
                "{rows} rows of values have no labels, which stand as text before the table (a PDF-to-text conversion); read by order, the k-th row as the k-th label"
            ),
            Problem::RowsWithoutLabels { rows, labels } if zh => format!(
                "表格有 {rows} 行没有行名的数值，其前文字中有 {labels} 个表格行名，顺序不能唯一对应；未读取"
            ),
            Problem::RowsWithoutLabels { rows, labels } => format!(
                "{rows} rows of values have no labels, and the text before them names {labels} of the form's rows: no one reading by order; not read"
            ),
            Problem::RowRepeated { path } if zh => format!(
                "行“{}”重复出现；保留先读到的一行，此行未读取",
                path.join(" / ")
            ),
            Problem::RowRepeated { path } => format!(
                "row {:?} appears again; the first is kept, this one not read",
                path.join(" / ")
            ),
            Problem::RowAmbiguous if zh => "行名与表中多行相符".to_owned(),
            Problem::RowAmbiguous => "row label matches several rows of the form".to_owned(),
            Problem::ValueCount { found, columns } if zh => {
                format!("该行有{found}个数值，而表格有{columns}列；未读取其数值")
            }
            Problem::ValueCount { found, columns } => format!(
                "the row has {found} values where the form has {columns} columns; its values are not read"
            ),
            Problem::ColumnsReordered if zh => "各列顺序与表格不同；按列标题读取".to_owned(),
            Problem::ColumnsReordered => {
                "the columns stand in another order than the form's; read by their headers"
                    .to_owned()
            }
            Problem::Columns(conflict) => conflict.message(lang),
            Problem::Value(problem) => problem.message(lang),
            Problem::TitleMissing if zh => "第一个标题之前没有可作标题的行".to_owned(),
            Problem::TitleMissing => "no title line before the first section".to_owned(),
            Problem::NotInTitle { title, field } if zh => {
                format!("标题“{title}”中未能读出“{field}”")
            }
            Problem::NotInTitle { title, field } => {
                format!("the title {title:?} does not say its {field}")
            }
            Problem::FieldMissing { label } if zh => format!("未找到“{label}”，按空白读取"),
            Problem::FieldMissing { label } => format!("no {label} found; read as empty"),
            Problem::Run { run, readings } => readings.message(run, lang),
        }
    }
}

impl RunReadings {
    fn message(&self, run: &str, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            RunReadings::InText { .. } if zh => {
                format!("数值写在正文中而非表格中：“{run}”，仅作建议，未读取")
            }
            RunReadings::InText { .. } => format!(
                "the value stands in running text, not in a table: {run:?}, offered as a suggestion, not read"
            ),
            RunReadings::One {
                values,
                across_rows,
            } => {
                let shown: Vec<String> = values.iter().map(|v| v.value.to_string()).collect();
                match (zh, across_rows) {
                    (true, true) => format!(
                        "单元格连写为“{run}”；结合跨行规则，表格规则只允许一种读法：{}，仅作建议，未读取",
                        shown.join(" | ")
                    ),
                    (true, false) => format!(
                        "单元格连写为“{run}”；表格规则只允许一种读法：{}，仅作建议，未读取",
                        shown.join(" | ")
                    ),
                    (false, true) => format!(
                        "cells run together as {run:?}; the one reading the form's rules allow (with the rules across rows) is {}: offered as a suggestion, not read",
                        shown.join(" | ")
                    ),
                    (false, false) => format!(
                        "cells run together as {run:?}; the one reading the form's rules allow is {}: offered as a suggestion, not read",
                        shown.join(" | ")
                    ),
                }
            }
            RunReadings::Several {
                readings,
                cuts,
                cells,
            } if zh => format!(
                "单元格连写为“{run}”：拆成{cells}格的{cuts}种方式中有{readings}种符合表格规则；未读取"
            ),
            RunReadings::Several {
                readings,
                cuts,
                cells,
            } => format!(
                "cells run together as {run:?}: {readings} of its {cuts} cuts into {cells} cells satisfy the form's rules; not read"
            ),
            RunReadings::None { cuts, cells } if zh => {
                format!("单元格连写为“{run}”：拆成{cells}格的{cuts}种方式都不符合表格规则；未读取")
            }
            RunReadings::None { cuts, cells } => format!(
                "cells run together as {run:?}: none of its {cuts} cuts into {cells} cells satisfies the form's rules; not read"
            ),
            RunReadings::TooMany if zh => {
                format!("单元格连写为“{run}”：拆分方式过多，无法逐一尝试；未读取")
            }
            RunReadings::TooMany => {
                format!("cells run together as {run:?}: too many ways to cut it to try; not read")
            }
        }
    }
}

impl Diagnostic {
    /// A diagnostic of `problem` at `position`, about `pointer`.
    pub fn new(problem: Problem, position: Option<Position>, pointer: Option<String>) -> Self {
        Diagnostic {
            position,
            pointer,
            problem,
        }
    }

    /// What sort of thing it reports.
    pub fn kind(&self) -> Kind {
        self.problem.kind()
    }

    /// True when a whole section, table row or the title was not read: the form is
    /// incomplete, and a check of it says nothing about what is missing.
    pub fn is_missing_part(&self) -> bool {
        matches!(self.kind(), Kind::Missing | Kind::Run)
    }

    /// True when something the report holds was not read: a part missing, a value that is not
    /// one of its cell (`12条` where money is), a row whose values could not be placed. A check
    /// of such a reading cannot pass: the rules would read the value as blank.
    pub fn leaves_something_unread(&self) -> bool {
        if let Problem::Carried { unread, .. } = &self.problem {
            return unread.is_some();
        }
        self.is_missing_part()
            || matches!(
                self.problem,
                Problem::Value(_)
                    | Problem::ValueCount { .. }
                    | Problem::RowsWithoutLabels { .. }
                    | Problem::Columns(_)
                    | Problem::RowAmbiguous
            )
    }

    /// What it leaves unread, as the verdict counts it: a part, a row, a value; `None` when it
    /// leaves nothing unread.
    pub fn unread(&self) -> Option<crate::read::completeness::Unread> {
        use crate::read::completeness::Unread;
        match &self.problem {
            Problem::Carried { unread, .. } => *unread,
            _ if !self.leaves_something_unread() => None,
            Problem::RowMissing { .. } | Problem::RowNotInRun { .. } | Problem::Run { .. } => {
                Some(Unread::Row)
            }
            _ if self.is_missing_part() => Some(Unread::Part),
            _ => Some(Unread::Value),
        }
    }

    /// A diagnostic as [`Diagnostic::to_json`] wrote it (what `read` writes), carried over:
    /// its position, pointer, kind, words and what it left unread. What it does not say is
    /// taken at its worst: without `unread`, it left a value unread; without words, its JSON
    /// is its words.
    pub fn from_json(json: &serde_json::Value) -> Diagnostic {
        use crate::read::completeness::Unread;
        Diagnostic {
            position: json.get("position").and_then(Position::from_json),
            pointer: json
                .get("pointer")
                .and_then(|p| p.as_str())
                .map(str::to_owned),
            problem: Problem::Carried {
                message: json
                    .get("message")
                    .and_then(|m| m.as_str())
                    .map_or_else(|| json.to_string(), str::to_owned),
                kind: json
                    .get("kind")
                    .and_then(|k| serde_json::from_value(k.clone()).ok())
                    .unwrap_or(Kind::Layout),
                unread: match json.get("unread") {
                    None => Some(Unread::Value),
                    Some(u) => serde_json::from_value(u.clone()).unwrap_or(Some(Unread::Value)),
                },
            },
        }
    }

    /// The suggested values of a run the rules leave one reading of.
    pub fn suggestion(&self) -> Option<Vec<&Suggested>> {
        match &self.problem {
            Problem::Run {
                readings: RunReadings::One { values, .. },
                ..
            } => Some(values.iter().collect()),
            Problem::Run {
                readings: RunReadings::InText { value },
                ..
            } => Some(vec![value]),
            _ => None,
        }
    }

    /// Where and what, in `lang`: the source position, the pointer, the problem.
    pub fn describe(&self, lang: Lang) -> String {
        let place: Vec<String> = [
            self.position.map(|p| p.describe(lang)),
            self.pointer.clone(),
        ]
        .into_iter()
        .flatten()
        .collect();
        let separator = lang.pick("：", ": ");
        match place.is_empty() {
            true => self.problem.message(lang),
            false => format!(
                "{}{separator}{}",
                place.join(" "),
                self.problem.message(lang)
            ),
        }
    }

    /// The diagnostic as JSON, worded in `lang`: `position` (an object: `{"line": 12}`),
    /// `where` (the position in words), `pointer`, `kind`, `message`, and `suggestion` where
    /// there is one.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        let mut json = serde_json::json!({
            "position": self.position,
            "where": self.position.map(|p| p.describe(lang)),
            "pointer": self.pointer,
            "kind": self.kind(),
            "unread": self.unread(),
            "message": self.problem.message(lang),
        });
        if let Some(suggestion) = self.suggestion() {
            json["suggestion"] = serde_json::to_value(suggestion).unwrap_or_default();
        }
        json
    }
}

impl core::fmt::Display for Diagnostic {
    /// `第12行 /a/b：…` in Chinese ([`Diagnostic::describe`] for English).
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.describe(Lang::default()))
    }
}
