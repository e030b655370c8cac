//! A set of forms by name: what a command line, a checking service or a developer's own program
//! offers its users. Each form is added once with its type; the set reads a report as the form
//! named or as the one it fits best, checks it, gives its schema and draws it, without the
//! caller naming the type again.

use core::fmt;

use schemars::JsonSchema;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::check::outcome::CheckOptions;
use crate::check::report::Report;
use crate::json::{self, JsonError};
use crate::model::form::Form;
use crate::model::info::FormInfo;
#[cfg(feature = "render")]
use crate::model::lang::Lang;

/// A filled form of a type the caller need not name: what [`FormSet`] gives back. It
/// serialises as the form does (`serde_json::to_string(&*form)`), every number as held.
pub trait AnyForm: erased_serde::Serialize {
    /// The form's cells and rules.
    fn info(&self) -> &'static FormInfo;
    /// Checks every rule with `options`.
    fn check_with(&self, options: CheckOptions) -> Report<'_>;
    /// The form drawn as its official tables; with `report`, failing cells marked.
    #[cfg(feature = "render")]
    fn document(&self, report: Option<&Report<'_>>, lang: Lang) -> crate::render::Document;
}

erased_serde::serialize_trait_object!(AnyForm);

impl fmt::Debug for dyn AnyForm + '_ {
    /// The form's name and its JSON.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let json = serde_json::to_string(self).map_err(|_| fmt::Error)?;
        write!(f, "{} {json}", self.info().root.display_label())
    }
}

impl<F: Form + Serialize> AnyForm for F {
    fn info(&self) -> &'static FormInfo {
        F::info()
    }

    fn check_with(&self, options: CheckOptions) -> Report<'_> {
        Form::check_with(self, options)
    }

    #[cfg(feature = "render")]
    fn document(&self, report: Option<&Report<'_>>, lang: Lang) -> crate::render::Document {
        crate::render::document(self, report, lang)
    }
}

/// One form of a set.
pub struct Entry {
    name: String,
    title: String,
    info: fn() -> &'static FormInfo,
    schema: fn() -> serde_json::Value,
    parse: fn(&str) -> Result<Box<dyn AnyForm>, JsonError>,
    /// The form this one is a printed variant of (see [`FormSet::variant_of`]).
    variant_of: Option<String>,
}

impl Entry {
    /// The form this one is a variant of, if it is one.
    pub fn variant_of(&self) -> Option<&str> {
        self.variant_of.as_deref()
    }

    /// The name users give it (`annual-report-2021`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its title, as people know it.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Its cells and rules.
    pub fn info(&self) -> &'static FormInfo {
        (self.info)()
    }

    /// Its JSON Schema (draft 2020-12).
    pub fn schema(&self) -> serde_json::Value {
        (self.schema)()
    }

    /// A filled form of this kind from its JSON.
    pub fn parse(&self, text: &str) -> Result<Box<dyn AnyForm>, JsonError> {
        (self.parse)(text)
    }
}

impl fmt::Debug for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Entry")
            .field("name", &self.name)
            .field("title", &self.title)
            .finish_non_exhaustive()
    }
}

fn parse<F: Form + Serialize + DeserializeOwned>(
    text: &str,
) -> Result<Box<dyn AnyForm>, JsonError> {
    json::from_str::<F>(text).map(|form| Box::new(form) as Box<dyn AnyForm>)
}

/// Forms by name, in the order added: the first is the default where a name is needed.
///
/// ```
/// # use baobiao_core::set::FormSet;
/// # fn forms<A, B>() -> FormSet where
/// #     A: baobiao_core::Form + serde::Serialize + serde::de::DeserializeOwned + schemars::JsonSchema,
/// #     B: baobiao_core::Form + serde::Serialize + serde::de::DeserializeOwned + schemars::JsonSchema,
/// # {
/// FormSet::new()
///     .with::<A>("survey-2026", "2026 年度调查表")
///     .with::<B>("survey-2025", "2025 年度调查表")
/// # }
/// ```
#[derive(Debug, Default)]
pub struct FormSet {
    entries: Vec<Entry>,
}

/// A name the set does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownForm {
    /// The name asked for.
    pub name: String,
    /// The names the set has.
    pub known: Vec<String>,
}

impl UnknownForm {
    /// The error in words, listing the known forms.
    pub fn message(&self, lang: crate::model::lang::Lang) -> String {
        let known = self.known.join(", ");
        match lang {
            crate::model::lang::Lang::Zh => {
                format!("没有名为 {:?} 的表单；可用的表单：{known}", self.name)
            }
            crate::model::lang::Lang::En => {
                format!("unknown form {:?}; known forms: {known}", self.name)
            }
        }
    }
}

impl fmt::Display for UnknownForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::model::lang::Lang::default()))
    }
}

impl std::error::Error for UnknownForm {}

impl FormSet {
    /// An empty set.
    pub fn new() -> FormSet {
        FormSet::default()
    }

    /// The set with the form `F` added as `name`.
    ///
    /// # Panics
    ///
    /// When the set already has a form of that name: two forms cannot answer to one name.
    #[must_use]
    pub fn with<F>(mut self, name: &str, title: &str) -> FormSet
    where
        F: Form + Serialize + DeserializeOwned + JsonSchema,
    {
        assert!(
            self.entries.iter().all(|e| e.name != name),
            "the form set already has a form named {name:?}"
        );
        self.entries.push(Entry {
            name: name.to_owned(),
            title: title.to_owned(),
            info: F::info,
            schema: crate::schema::root::<F>,
            parse: parse::<F>,
            variant_of: None,
        });
        self
    }

    /// The set with its last form marked as a variant of the form `base` (a template as some
    /// agencies print it: the 2021 report with table 3 in the 2019 rows). A published report
    /// is read as a variant only when the variant reads more of the report's cells than its
    /// base does: a report cut off before the rows that tell them apart is read as the base.
    ///
    /// # Panics
    ///
    /// When the set has no form `base`, or no form to mark.
    #[must_use]
    pub fn variant_of(mut self, base: &str) -> FormSet {
        assert!(
            self.entries.iter().any(|e| e.name == base),
            "the form set has no form named {base:?}"
        );
        let last = self
            .entries
            .last_mut()
            .expect("a form to mark as a variant");
        last.variant_of = Some(base.to_owned());
        self
    }

    /// The set with the form `F` added under the name and title it declares
    /// (`#[form(name = "website", label = "政府网站工作年度报表")]`; see
    /// [`FormInfo::name`] and [`FormInfo::title`]). What `baobiao::forms![..]` calls.
    ///
    /// # Panics
    ///
    /// When the set already has a form of that name.
    #[must_use]
    pub fn add<F>(self) -> FormSet
    where
        F: Form + Serialize + DeserializeOwned + JsonSchema,
    {
        let info = F::info();
        self.with::<F>(&info.name(), info.title())
    }

    /// Its forms, in the order added.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The form named `name`.
    pub fn get(&self, name: &str) -> Result<&Entry, UnknownForm> {
        self.entries
            .iter()
            .find(|e| e.name == name)
            .ok_or_else(|| UnknownForm {
                name: name.to_owned(),
                known: self.entries.iter().map(|e| e.name.clone()).collect(),
            })
    }

    /// The form named `name`, or with none, the first (the default).
    pub fn get_or_first(&self, name: Option<&str>) -> Result<&Entry, UnknownForm> {
        match (name, self.entries.first()) {
            (Some(name), _) => self.get(name),
            (None, Some(first)) => Ok(first),
            (None, None) => Err(UnknownForm {
                name: String::new(),
                known: Vec::new(),
            }),
        }
    }
}

/// A report read through a set: the form it was read as, and the reading.
#[cfg(feature = "read")]
pub type SetReading<'s> = (&'s Entry, crate::read::Reading<Box<dyn AnyForm>>);

#[cfg(feature = "read")]
mod reading {
    use super::{Entry, FormSet, SetReading};
    use crate::read::SourceKind;
    use crate::read::form::{read_best, read_form};
    use crate::read::input::{self, Options, ReadError, Source};
    use crate::read::report::{Reading, into_reading};
    use std::collections::BTreeMap;

    /// What `read` wrote of a report: the form, the report, the reading's diagnostics and
    /// sources.
    struct Envelope<'s> {
        entry: &'s Entry,
        report: String,
        diagnostics: Vec<crate::read::Diagnostic>,
        sources: BTreeMap<String, crate::Position>,
    }

    /// A filled form read from its JSON: nothing to say of it, no positions.
    fn json_reading(form: Box<dyn crate::set::AnyForm>) -> Reading<Box<dyn crate::set::AnyForm>> {
        Reading {
            form,
            kind: input::SourceKind::Json,
            diagnostics: Vec::new(),
            positions: Default::default(),
        }
    }

    impl FormSet {
        /// Reads a report as the form named `form`; with none named, a filled form's JSON as
        /// the first form that takes it (in the order added; what `baobiao read` wrote, as the
        /// form it names), and a published report as the
        /// form whose headings, rows and columns it has (the fewest unmatched parts; ties to
        /// the earlier form). Either way the entry returned says which form it was. Detection, decoding,
        /// limits and reading as [`crate::read::report`].
        pub fn read(
            &self,
            bytes: impl Into<Vec<u8>>,
            options: &Options,
            form: Option<&str>,
        ) -> Result<SetReading<'_>, ReadError> {
            let named = match form {
                Some(name) => Some(self.get(name).map_err(ReadError::UnknownForm)?),
                None => None,
            };
            let candidates: Vec<&Entry> = match named {
                Some(entry) => vec![entry],
                None => self.entries.iter().collect(),
            };
            let first = *candidates.first().ok_or(ReadError::NoForm)?;
            match input::source(bytes.into(), options)? {
                Source::Json(text) => {
                    // What `read` wrote (`{"form", "report", ..}`): its report, as its form, with
                    // the reading's diagnostics and sources carried over.
                    if let Some(envelope) = self.reading_envelope(&text, named) {
                        let Envelope {
                            entry,
                            report,
                            diagnostics,
                            sources,
                        } = envelope;
                        return match entry.parse(&report) {
                            Ok(form) => Ok((
                                entry,
                                crate::read::Reading {
                                    form,
                                    kind: SourceKind::Json,
                                    diagnostics,
                                    positions: sources,
                                },
                            )),
                            // A reading that was not whole (a title not found): its cells as
                            // written, for checking what was read.
                            Err(error) if !diagnostics.is_empty() => {
                                let cells = crate::read::form::slots_of_json(entry.info(), &report);
                                Err(ReadError::Incomplete {
                                    form: Some(entry.name().to_owned()),
                                    pointer: error.pointer,
                                    detail: error.detail,
                                    reading: Box::new(crate::read::Reading {
                                        form: report,
                                        kind: SourceKind::Json,
                                        diagnostics,
                                        positions: sources,
                                    }),
                                    cells,
                                })
                            }
                            Err(error) => Err(ReadError::Json {
                                form: Some(entry.name().to_owned()),
                                error,
                            }),
                        };
                    }
                    // The first form that takes the JSON; if none does, why the first did not.
                    let mut first_error = None;
                    for entry in &candidates {
                        match entry.parse(&text) {
                            Ok(form) => return Ok((entry, json_reading(form))),
                            Err(err) => {
                                first_error.get_or_insert(err);
                            }
                        }
                    }
                    Err(ReadError::Json {
                        form: (candidates.len() > 1).then(|| first.name().to_owned()),
                        error: first_error.ok_or(ReadError::NoForm)?,
                    })
                }
                Source::Document { kind, document } => {
                    let infos: Vec<_> = candidates.iter().map(|e| e.info()).collect();
                    let (mut index, mut read) =
                        read_best(&infos, &document).ok_or(ReadError::NoForm)?;
                    // A variant is taken over its base only for reading more of the cells.
                    if let Some(base) = candidates[index].variant_of()
                        && let Some(b) = candidates.iter().position(|e| e.name() == base)
                    {
                        let base_read = read_form(infos[b], &document);
                        if base_read.cells_read(infos[b]) >= read.cells_read(infos[index]) {
                            (index, read) = (b, base_read);
                        }
                    }
                    let entry = candidates[index];
                    let reading = into_reading(read, kind, entry.info(), |text| entry.parse(text))
                        .map_err(|err| match err {
                            ReadError::Incomplete {
                                pointer,
                                detail,
                                reading,
                                cells,
                                ..
                            } => ReadError::Incomplete {
                                form: Some(entry.name().to_owned()),
                                pointer,
                                detail,
                                reading,
                                cells,
                            },
                            other => other,
                        })?;
                    Ok((entry, reading))
                }
            }
        }

        /// The form and report of what `read` writes (`{"form": NAME, "report": {..},
        /// "diagnostics": [..], "sources": {..}}`), when `text` is that and names a form of
        /// the set (the one named, if any); a filled form's own JSON never has those four keys
        /// alone unless its form declares them, and then it is taken as itself. The reading's
        /// diagnostics and sources come with it: a check of it says what the reading left
        /// unread, as the check of the report itself does.
        fn reading_envelope<'s>(
            &'s self,
            text: &str,
            named: Option<&'s Entry>,
        ) -> Option<Envelope<'s>> {
            // The report as written, digit for digit (no detour through `Value`'s floats).
            #[derive(serde::Deserialize)]
            #[serde(deny_unknown_fields)]
            struct Written<'a> {
                form: String,
                #[serde(borrow)]
                report: &'a serde_json::value::RawValue,
                diagnostics: Vec<serde_json::Value>,
                sources: BTreeMap<String, serde_json::Value>,
            }
            let written: Written<'_> = serde_json::from_str(text).ok()?;
            let entry = self.get(&written.form).ok()?;
            if named.is_some_and(|n| n.name() != entry.name()) {
                return None;
            }
            // A form whose own fields are these four keys is read as itself.
            if entry.parse(text).is_ok() {
                return None;
            }
            Some(Envelope {
                entry,
                report: written.report.get().to_owned(),
                diagnostics: written
                    .diagnostics
                    .iter()
                    .map(crate::read::Diagnostic::from_json)
                    .collect(),
                sources: written
                    .sources
                    .iter()
                    .filter_map(|(k, v)| Some((k.clone(), crate::Position::from_json(v)?)))
                    .collect(),
            })
        }

        /// Reads the file at `path` as [`FormSet::read`] does, its name telling its kind unless
        /// `options` does.
        pub fn read_at(
            &self,
            path: &std::path::Path,
            options: &Options,
            form: Option<&str>,
        ) -> Result<SetReading<'_>, ReadError> {
            let bytes = input::file(path)?;
            self.read(bytes, &options.clone().with_path(path), form)
        }
    }
}
