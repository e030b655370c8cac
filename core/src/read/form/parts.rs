//! The parts of a form found in a source, by the roles and labels its fields declare:
//! headings and what stands under them, `label：value` lines, the title and the fields its
//! pattern names, the preamble, and which source tables are each table's.

use std::ops::Range;

use serde_json::Value;

use super::diagnostic::Problem;
use super::tables::Prepared;
use super::{Normalised, Reader};
use crate::model::node::{Node, NodeKind, Role, StructDecl};
use crate::model::pointer;
use crate::model::title;
use crate::read::grid::Piece;
use crate::read::normalise::{normalise, without_ordinal, without_unit};

/// Where the parts of a form stand among the source's pieces.
struct Found<'n> {
    /// Each field found by its heading, with the heading's piece.
    headings: Vec<(usize, &'n Node)>,
    /// The pieces that are `label：value` lines.
    lines: Vec<usize>,
}

impl Found<'_> {
    /// The pieces under the heading at `start`, up to the next heading.
    fn under(&self, start: usize, pieces: usize) -> Range<usize> {
        let end = self
            .headings
            .iter()
            .map(|&(h, _)| h)
            .filter(|&h| h > start)
            .min()
            .unwrap_or(pieces);
        start + 1..end
    }

    fn heading_of(&self, node: &Node) -> Option<usize> {
        self.headings
            .iter()
            .find(|(_, f)| std::ptr::eq(*f, node))
            .map(|&(at, _)| at)
    }

    fn first_heading(&self, pieces: usize) -> usize {
        self.headings
            .iter()
            .map(|&(h, _)| h)
            .min()
            .unwrap_or(pieces)
    }
}

/// True when a field is a number rather than text (a year).
fn is_number(node: &Node) -> bool {
    matches!(node.kind, NodeKind::Meta)
}

/// True when a field is found by its heading: a labelled part (text or table), section or
/// preamble — unless it is drawn in a table of the whole form.
fn has_heading(node: &Node, one_table: bool) -> bool {
    node.field.label.is_some()
        && !one_table
        && matches!(node.field.role, Role::Part | Role::Section | Role::Preamble)
        && (matches!(node.kind, NodeKind::Text) || is_table(node) && node.has_values())
}

/// True when a field of the form is drawn as a table of its own: a struct, or repeated rows.
fn is_table(node: &Node) -> bool {
    node.as_struct().is_some() || node.as_rows().is_some()
}

/// True when a field may stand on a `label：value` line.
fn has_line(node: &Node) -> bool {
    node.field.label.is_some()
        && (is_number(node)
            || matches!(node.field.role, Role::Meta | Role::Title { .. })
            || matches!(node.field.role, Role::Part) && matches!(node.kind, NodeKind::Text))
}

impl Reader<'_> {
    /// Finds the form's parts and reads them.
    pub(super) fn parts(&mut self) {
        let info = self.info;
        let Some(root) = info.root.as_struct() else {
            return;
        };
        // Every text piece normalised once: headings and lines are looked for among them.
        let prepared = self.prepared;
        let texts = &prepared.texts;
        let mut found = Found {
            headings: headings(root, texts),
            lines: self.lines(root, texts),
        };
        // A heading written otherwise than the form's: read as it, and said.
        for (at, field) in similar_headings(root, texts, &found) {
            let (written, position) = match &self.source.pieces[at] {
                Piece::Text { text, position } => (text.clone(), *position),
                Piece::Table(_) => continue,
            };
            let label = field.display_label();
            let pointer = Some(pointer::push("", field.field.key));
            self.diagnose(
                Problem::HeadingVariant { written, label },
                Some(position),
                pointer,
            );
            found.headings.push((at, field));
        }
        self.texts_and_tables(root, &found);
        self.front_matter(root, &found);
        self.required(root);
    }

    /// `label：value` lines (`报告年度：2024`, `标题：…`): read into their fields.
    fn lines(&mut self, root: &StructDecl, texts: &[Option<Normalised>]) -> Vec<usize> {
        let mut lines = Vec::new();
        let in_table = |f: &Node| {
            root.table && crate::model::layout::in_form_table(f) && f.field.role != Role::Meta
        };
        for field in root.fields.iter().filter(|f| has_line(f) && !in_table(f)) {
            let Some(label) = field.field.label else {
                continue;
            };
            let prefix = format!("{}:", normalise(label));
            let pieces = &self.source.pieces;
            let found = texts
                .iter()
                .zip(pieces)
                .enumerate()
                .find(|(_, (t, p))| match (t, p) {
                    (Some(t), Piece::Text { text, .. }) => t.starts_with(&prefix, text),
                    _ => false,
                });
            let Some((at, _)) = found else {
                continue;
            };
            let Piece::Text { text, position } = &self.source.pieces[at] else {
                continue;
            };
            self.positions
                .insert(pointer::push("", field.field.key), *position);
            // The value as written, after the label's colon.
            let value = text
                .split_once([':', '：'])
                .map_or("", |(_, v)| v)
                .trim()
                .to_owned();
            lines.push(at);
            self.set_field(field, &value);
        }
        lines
    }

    /// Sets a field of the form from text as written: a number for a number field, a yes/no,
    /// a choice, a date as what it is.
    fn set_field(&mut self, field: &Node, value: &str) {
        let key = field.field.key;
        let json = match &field.kind {
            // A year or other number of the form's: digits, or said at the line.
            NodeKind::Meta => match value.parse::<u64>() {
                Ok(number) => Value::from(number),
                Err(_) => {
                    let pointer = pointer::push("", key);
                    let at = self.positions.get(&pointer).copied();
                    let problem = crate::read::value::ValueProblem {
                        text: value.to_owned(),
                        problem: crate::read::value::Problem::NotANumber,
                    };
                    self.diagnose(Problem::Value(problem), at, Some(pointer));
                    Value::Null
                }
            },
            NodeKind::Text => Value::String(value.to_owned()),
            _ => {
                let pointer = pointer::push("", key);
                let parsed = match (
                    crate::model::layout::LayoutCell::of(field, key),
                    self.info.cell_index(&pointer),
                ) {
                    (_, Some(index)) => {
                        crate::read::value::parse_cell(value, &self.info.cells[index]).map(|read| {
                            if let crate::read::value::ReadCell::Number(n) = &read
                                && !crate::read::value::is_whole_u64(n)
                            {
                                self.numbers.insert(pointer.clone(), *n);
                            }
                            read.to_json()
                        })
                    }
                    (Some(cell), None) => crate::read::value::parse_leaf(value, &cell),
                    (None, None) => Ok(Value::String(value.to_owned())),
                };
                match parsed {
                    Ok(json) => json,
                    Err(problem) => {
                        let at = self.positions.get(&pointer).copied();
                        self.diagnose(Problem::Value(problem), at, Some(pointer));
                        Value::Null
                    }
                }
            }
        };
        self.json[key] = json;
    }

    fn is_set(&self, field: &Node) -> bool {
        self.json.get(field.field.key).is_some_and(|v| !v.is_null())
    }

    /// Text parts under their headings; tables under theirs, or recognised by their rows.
    fn texts_and_tables(&mut self, root: &StructDecl, found: &Found<'_>) {
        let pieces = &self.source.pieces;
        // Each table with the lines of text since the table before it.
        let prepared = &self.prepared.tables;
        // The pieces under the heading of a table.
        let mut claimed = vec![false; pieces.len()];
        for &(start, field) in &found.headings {
            if is_table(field) {
                claimed[found.under(start, pieces.len())].fill(true);
            }
        }
        let layout = self.info.layout();
        let mut read = vec![false; layout.tables.len()];
        for field in &root.fields {
            // A table of several of the form's fields (the whole form, or single values declared
            // on it) has no heading of its own: it is taken where its rows are recognised.
            if let Some(t) = layout
                .tables
                .iter()
                .position(|t| t.key.is_empty() && t.fields.contains(&field.field.key))
            {
                if !std::mem::replace(&mut read[t], true) {
                    // Any table of the source: such a table has no heading of its own, and a
                    // page may draw it under a section's, or run it on from another table.
                    let all: Vec<&Prepared<'_>> = prepared.iter().flatten().collect();
                    self.read_table(t, &all);
                }
                continue;
            }
            let heading = found.heading_of(field);
            let label = field.display_label();
            match (&field.kind, heading) {
                (NodeKind::Text, Some(start)) => {
                    let lines: Vec<(&str, crate::read::grid::Position)> = found
                        .under(start, pieces.len())
                        .filter(|i| !found.lines.contains(i))
                        .filter_map(|i| match &pieces[i] {
                            Piece::Text { text, position } => Some((text.as_str(), *position)),
                            Piece::Table(_) => None,
                        })
                        .collect();
                    // A text part is placed where its first line is.
                    if let Some((_, first)) = lines.first() {
                        self.positions
                            .insert(pointer::push("", field.field.key), *first);
                    }
                    let text: Vec<&str> = lines.iter().map(|(t, _)| *t).collect();
                    self.json[field.field.key] = Value::String(text.join("\n"));
                }
                (NodeKind::Struct(_) | NodeKind::Rows(_), _) if field.has_values() => {
                    let Some(table) = layout.tables.iter().position(|t| t.key == field.field.key)
                    else {
                        continue;
                    };
                    match heading {
                        Some(start) => {
                            let tables: Vec<&Prepared<'_>> = prepared
                                [found.under(start, pieces.len())]
                            .iter()
                            .flatten()
                            .collect();
                            self.read_table(table, &tables);
                        }
                        None => {
                            // No heading (an excerpt that starts inside the report, a page that
                            // drew the heading as an image): the table may still be there,
                            // outside every part found. It is taken when its rows are
                            // recognised by their labels.
                            let unclaimed: Vec<&Prepared<'_>> = prepared
                                .iter()
                                .enumerate()
                                .filter(|&(i, _)| !claimed[i])
                                .filter_map(|(_, p)| p.as_ref())
                                .collect();
                            let before = self.diagnostics.len();
                            let rows = self.read_table(table, &unclaimed);
                            // What reading it said counts only if the table was there.
                            let own: Vec<_> = self.diagnostics.drain(before..).collect();
                            let pointer = Some(pointer::push("", field.field.key));
                            if rows > 0 {
                                self.diagnose(Problem::HeadingMissing { label }, None, pointer);
                                self.diagnostics.extend(own);
                            } else {
                                self.diagnose(Problem::PartMissing { label }, None, pointer);
                            }
                        }
                    }
                }
                (NodeKind::Text, None) if field.field.role == Role::Section => {
                    // Present but empty, so the rest of the report can still be checked; the
                    // diagnostic says why.
                    self.json[field.field.key] = Value::String(String::new());
                    let pointer = Some(pointer::push("", field.field.key));
                    self.diagnose(Problem::PartMissing { label }, None, pointer);
                }
                _ => {}
            }
        }
    }

    /// Before the first heading: the title, then the preamble.
    fn front_matter(&mut self, root: &StructDecl, found: &Found<'_>) {
        let pieces = &self.source.pieces;
        let front: Vec<(usize, &str)> = (0..found.first_heading(pieces.len()))
            .filter(|i| !found.lines.contains(i))
            .filter_map(|i| match &pieces[i] {
                Piece::Text { text, .. } => Some((i, text.as_str())),
                Piece::Table(_) => None,
            })
            .collect();
        let mut after_title = 0;
        if let Some(title) = root
            .fields
            .iter()
            .find(|f| matches!(f.field.role, Role::Title { .. }))
        {
            after_title = self.title(root, title, &front);
        }
        if let Some(preamble) = root.fields.iter().find(|f| f.field.role == Role::Preamble)
            && !self.is_set(preamble)
            && front.len() > after_title
        {
            let lines: Vec<&str> = front[after_title..].iter().map(|&(_, t)| t).collect();
            self.json[preamble.field.key] = Value::String(lines.join("\n"));
        }
    }

    /// Reads the title (from a `label：value` line, else the first front line one of its
    /// patterns matches, else the first front line) and the fields the patterns name. Returns
    /// how many front lines are used up to the title's end (0 when it was a `label：value`
    /// line); the lines after it are the preamble.
    fn title(&mut self, root: &StructDecl, field: &Node, front: &[(usize, &str)]) -> usize {
        let Role::Title { patterns } = field.field.role else {
            return 0;
        };
        let patterns: Vec<Vec<title::Piece<'_>>> =
            patterns.iter().map(|p| title::pieces(p)).collect();
        let numeric = |name: &str| {
            root.fields
                .iter()
                .any(|f| f.field.ident == name && is_number(f))
        };
        let (text, used) = if self.is_set(field) {
            let text = self.json[field.field.key].as_str().unwrap_or("").to_owned();
            (text, 0)
        } else {
            let eligible: Vec<usize> = (0..front.len())
                .filter(|&k| front[k].1.trim().chars().count() <= title::MAX_TITLE)
                .collect();
            // The first line a pattern matches by `how`, patterns in order.
            let matching = |how: &dyn Fn(&[title::Piece<'_>], &str) -> bool| {
                eligible
                    .iter()
                    .copied()
                    .find(|&k| patterns.iter().any(|p| how(p, front[k].1.trim())))
            };
            let whole =
                |p: &[title::Piece<'_>], t: &str| title::fields(p, t, true, &numeric).is_some();
            let head = |p: &[title::Piece<'_>], t: &str| {
                title::fields(title::head(p), t, false, &numeric).is_some()
            };
            let without_text = |p: &[title::Piece<'_>], t: &str| {
                title::fields_without_text(p, t, true, &numeric).is_some()
            };
            // A title set over two lines (the agency on one, the year and the rest on the
            // next) matches a whole pattern joined.
            let joined = |k: usize| format!("{}{}", front[k].1.trim(), front[k + 1].1.trim());
            let two_lines = || {
                (0..front.len().saturating_sub(1)).find(|&k| {
                    let text = joined(k);
                    text.chars().count() <= title::MAX_TITLE
                        && patterns.iter().any(|p| whole(p, &text))
                })
            };
            // The whole title, on a line or two; then its beginning; then a title that leaves
            // out a name the pattern has; else the first line.
            let at = matching(&whole)
                .map(|k| (k, 1))
                .or_else(|| two_lines().map(|k| (k, 2)))
                .or_else(|| matching(&head).map(|k| (k, 1)))
                .or_else(|| matching(&without_text).map(|k| (k, 1)))
                .or_else(|| (!front.is_empty()).then_some((0, 1)));
            let Some((at, lines)) = at else {
                self.json[field.field.key] = Value::String(String::new());
                let pointer = Some(pointer::push("", field.field.key));
                self.diagnose(Problem::TitleMissing, None, pointer);
                return 0;
            };
            let text = match lines {
                2 => joined(at),
                _ => front[at].1.trim().to_owned(),
            };
            self.json[field.field.key] = Value::String(text.clone());
            (text, at + lines)
        };
        if !patterns.is_empty() {
            self.title_fields(root, &patterns, &text, &numeric);
        }
        used
    }

    /// The fields the title's patterns name, read from the title (unless read already): by
    /// the first pattern the whole title matches, else the first its beginning matches, else
    /// the first that matches with a name left out.
    fn title_fields<'t>(
        &mut self,
        root: &StructDecl,
        patterns: &[Vec<title::Piece<'_>>],
        text: &'t str,
        numeric: &dyn Fn(&str) -> bool,
    ) {
        type Values<'t> = Option<Vec<(String, &'t str)>>;
        let first =
            |how: &dyn Fn(&[title::Piece<'_>]) -> Values<'t>| patterns.iter().find_map(|p| how(p));
        let values = first(&|p| title::fields(p, text, true, numeric))
            .or_else(|| first(&|p| title::fields(title::head(p), text, false, numeric)))
            .or_else(|| first(&|p| title::fields_without_text(p, text, true, numeric)))
            .or_else(|| {
                first(&|p| title::fields_without_text(title::head(p), text, false, numeric))
            });
        let mut named: Vec<&str> = Vec::new();
        for piece in patterns.iter().flatten() {
            if let title::Piece::Field(name) = piece
                && !named.contains(name)
            {
                named.push(name);
            }
        }
        for name in named {
            let Some(field) = root.fields.iter().find(|f| f.field.ident == name) else {
                continue;
            };
            if self.is_set(field) {
                continue;
            }
            // A field the title leaves out comes back empty: not read.
            let value = values
                .as_ref()
                .and_then(|v| v.iter().find(|(n, _)| n == name))
                .map(|(_, v)| *v)
                .filter(|v| !v.is_empty());
            match value {
                Some(value) => self.set_field(field, value),
                None => {
                    if !is_number(field) {
                        // Known to be unknown, said so; the rest can still be read and checked.
                        self.json[field.field.key] = Value::String(String::new());
                    }
                    let problem = Problem::NotInTitle {
                        title: text.to_owned(),
                        field: field.display_label(),
                    };
                    self.diagnose(problem, None, Some(pointer::push("", field.field.key)));
                }
            }
        }
    }

    /// Fields serde requires that nothing in the source gave: said so; text is read as empty,
    /// so that the rest of the report can still be read and checked.
    fn required(&mut self, root: &StructDecl) {
        for field in &root.fields {
            let simple = !is_table(field);
            if !simple || !field.field.required || self.is_set(field) {
                continue;
            }
            let pointer = pointer::push("", field.field.key);
            // Found and read (a blank cell is a value), or already said.
            if self.positions.contains_key(&pointer)
                || self
                    .diagnostics
                    .iter()
                    .any(|d| d.pointer.as_deref() == Some(pointer.as_str()))
            {
                continue;
            }
            if matches!(field.kind, NodeKind::Text) {
                self.json[field.field.key] = Value::String(String::new());
            }
            let label = field.display_label();
            self.diagnose(Problem::FieldMissing { label }, None, Some(pointer));
        }
    }
}

/// The longest text taken for a heading written otherwise than the form's.
const MAX_HEADING: usize = 60;

/// Fields with a heading not found as written whose heading a text line writes otherwise
/// (`五、存在的主要问题及整改措施` for `五、存在的主要问题及改进情况`): alike
/// ([`similarity`] at least [`ALIKE`]) to that field's label and no other's, numbered as the
/// field is where both are numbered, not a heading or line already, and between the headings
/// found before and after it.
fn similar_headings<'n>(
    root: &'n StructDecl,
    texts: &[Option<Normalised>],
    found: &Found<'n>,
) -> Vec<(usize, &'n Node)> {
    let fields: Vec<&Node> = root
        .fields
        .iter()
        .filter(|f| has_heading(f, root.table))
        .collect();
    let labels = |f: &Node| -> Vec<String> {
        f.field
            .label
            .into_iter()
            .chain(f.field.aliases.iter().copied())
            .map(normalise)
            .collect()
    };
    let taken =
        |i: usize| found.headings.iter().any(|&(at, _)| at == i) || found.lines.contains(&i);
    let mut out: Vec<(usize, &Node)> = Vec::new();
    for (k, field) in fields.iter().enumerate() {
        if found.headings.iter().any(|(_, f)| std::ptr::eq(*f, *field)) {
            continue;
        }
        // Where it may stand: after the heading of the field before it, before the one after.
        let position = |f: &Node| {
            found
                .headings
                .iter()
                .find(|(_, g)| std::ptr::eq(*g, f))
                .map(|&(at, _)| at)
        };
        let after = fields[..k]
            .iter()
            .rev()
            .find_map(|f| position(f))
            .unwrap_or(0);
        let before = fields[k + 1..]
            .iter()
            .find_map(|f| position(f))
            .unwrap_or(texts.len());
        let own = labels(field);
        let candidates: Vec<usize> = (after..before)
            .filter(|&i| !taken(i))
            .filter(|&i| {
                texts[i]
                    .as_ref()
                    .and_then(Normalised::whole)
                    .is_some_and(|have| {
                        have.chars().count() <= MAX_HEADING
                        && own.iter().any(|l| alike_heading(have, l))
                        // Alike to no other field's label.
                        && fields.iter().filter(|g| !std::ptr::eq(**g, *field)).all(|g| {
                            labels(g).iter().all(|l| !alike_heading(have, l))
                        })
                    })
            })
            .collect();
        if let [at] = candidates[..] {
            out.push((at, *field));
        }
    }
    out
}

/// True when a text is a heading alike to the normalised label `label`: numbered alike (or
/// not numbered), its words alike.
fn alike_heading(have: &str, label: &str) -> bool {
    let (have_words, label_words) = (without_ordinal(have), without_ordinal(label));
    let a = &have[..have.len() - have_words.len()];
    let b = &label[..label.len() - label_words.len()];
    (a.is_empty() || b.is_empty() || a == b)
        && crate::read::normalise::alike(have_words, label_words, ALIKE)
}

/// How alike a written heading must be to the form's label to be read as it.
const ALIKE: f64 = 0.7;

/// Each field found by its heading: its label or an alias on a line of its own, numbered or
/// not (the ordinal is left out on both sides).
fn headings<'n>(root: &'n StructDecl, texts: &[Option<Normalised>]) -> Vec<(usize, &'n Node)> {
    // Each text without its ordinal, and without its unit too: a heading may carry the
    // section's unit (`工作人员（单位：人）`). Worked out once, for every field.
    let cores: Vec<Option<(&str, &str)>> = texts
        .iter()
        .map(|t| {
            let core = without_ordinal(t.as_ref()?.whole()?);
            Some((core, without_unit(core)))
        })
        .collect();
    root.fields
        .iter()
        .filter(|f| has_heading(f, root.table))
        .filter_map(|f| {
            let wanted: Vec<String> = f
                .field
                .label
                .into_iter()
                .chain(f.field.aliases.iter().copied())
                .map(|l| without_ordinal(&normalise(l)).to_owned())
                .filter(|w| !w.is_empty())
                .collect();
            cores
                .iter()
                .position(|core| {
                    core.is_some_and(|(core, bare)| wanted.iter().any(|w| core == w || bare == w))
                })
                .map(|at| (at, f))
        })
        .collect()
}
