//! The reports a `check` names: files, folders searched recursively, glob patterns, and `-`
//! for standard input, each report once.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::Lang;

use super::super::input::Input;

/// The kinds of file a folder is searched for, by name: what the readers take.
pub const KINDS: &[&str] = &[
    "json", "html", "htm", "xhtml", "txt", "text", "md", "markdown", "csv", "xlsx", "docx", "pdf",
];

/// What the paths named.
pub struct Inputs {
    /// Each report once, in the order named (a folder's files in name order).
    pub reports: Vec<Input>,
    /// A path that named nothing to read: the path and why.
    pub problems: Vec<(String, String)>,
    /// Files in the folders searched that are of no kind a reader takes.
    pub skipped: usize,
    /// Reports named more than once (a file and its folder, two patterns), checked once.
    pub repeated: usize,
    /// True when the paths name a batch (more than one path, a folder or a pattern), not one
    /// report to say everything about.
    pub batch: bool,
}

/// Expands `paths`.
pub fn expand(paths: &[PathBuf], lang: Lang) -> Inputs {
    let mut inputs = Inputs {
        reports: Vec::new(),
        problems: Vec::new(),
        skipped: 0,
        repeated: 0,
        batch: paths.len() > 1,
    };
    // The same file named two ways (`a.pdf`, `./a.pdf`, through a link) is one report.
    let mut seen = BTreeSet::new();
    let mut add = |inputs: &mut Inputs, input: Input| {
        let key = match &input {
            Input::File(path) => Input::File(std::fs::canonicalize(path).unwrap_or(path.clone())),
            Input::Stdin => Input::Stdin,
        };
        if seen.insert(key) {
            inputs.reports.push(input);
        } else {
            inputs.repeated += 1;
        }
    };
    for path in paths {
        if path.as_os_str() == "-" {
            add(&mut inputs, Input::Stdin);
        } else if path.is_dir() {
            inputs.batch = true;
            let mut found = Vec::new();
            inputs.skipped += walk(path, &mut found, &mut inputs.problems, lang);
            for file in found {
                add(&mut inputs, Input::File(file));
            }
        } else if path.exists() || !is_pattern(path) {
            // A file, or a path that names nothing: its reading says why.
            add(&mut inputs, Input::File(path.clone()));
        } else {
            inputs.batch = true;
            let pattern = path.to_string_lossy();
            // `*` does not match a leading dot: hidden files stay out, as in a folder.
            let options = glob::MatchOptions {
                require_literal_leading_dot: true,
                ..glob::MatchOptions::new()
            };
            let matches = match glob::glob_with(&pattern, options) {
                Ok(matches) => matches,
                Err(err) => {
                    inputs.problems.push((
                        pattern.into_owned(),
                        format!(
                            "{}: {err}",
                            lang.pick("通配符写法有误", "not a valid pattern")
                        ),
                    ));
                    continue;
                }
            };
            let mut any = false;
            for found in matches {
                let found = match found {
                    Ok(found) => found,
                    Err(err) => {
                        inputs.problems.push((
                            err.path().display().to_string(),
                            format!("{}: {}", lang.pick("无法读取", "cannot read"), err.error()),
                        ));
                        continue;
                    }
                };
                any = true;
                if found.is_dir() {
                    let mut files = Vec::new();
                    inputs.skipped += walk(&found, &mut files, &mut inputs.problems, lang);
                    for file in files {
                        add(&mut inputs, Input::File(file));
                    }
                } else {
                    add(&mut inputs, Input::File(found));
                }
            }
            if !any {
                inputs.problems.push((
                    pattern.into_owned(),
                    lang.pick("没有文件与该通配符匹配", "no file matches the pattern")
                        .to_owned(),
                ));
            }
        }
    }
    inputs
}

/// `*`, `?` or `[`: a pattern for `glob`, not a name.
fn is_pattern(path: &Path) -> bool {
    path.to_string_lossy().contains(['*', '?', '['])
}

/// The files under `dir` of a kind the readers take, in name order, hidden files and folders
/// left out; symbolic links to folders are not followed (no loops). Returns how many other
/// files were passed over.
fn walk(
    dir: &Path,
    found: &mut Vec<PathBuf>,
    problems: &mut Vec<(String, String)>,
    lang: Lang,
) -> usize {
    let mut skipped = 0;
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) => {
                problems.push((
                    dir.display().to_string(),
                    format!(
                        "{}: {err}",
                        lang.pick("无法读取文件夹", "cannot read the folder")
                    ),
                ));
                continue;
            }
        };
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        let mut folders = Vec::new();
        for entry in entries {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            if kind.is_dir() {
                folders.push(path);
            } else if is_report(&path) {
                found.push(path);
            } else {
                skipped += 1;
            }
        }
        // Depth first, in name order.
        stack.extend(folders.into_iter().rev());
    }
    skipped
}

fn is_report(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| KINDS.contains(&e.to_ascii_lowercase().as_str()))
}
