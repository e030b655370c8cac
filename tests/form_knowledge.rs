//! The reader and the renderers know no particular form: no string in `core/src/read` or
//! `core/src/render` names a field of the official forms, or holds one of their labels.
//! What they need to know of a form, its declaration says (roles, labels, layout).

use std::path::{Path, PathBuf};

use baobiao::Form;
use baobiao::Node;
use baobiao::forms::annual_report_2019::AnnualReport2019;
use baobiao::forms::annual_report_2021::AnnualReport;

/// Every field name (Rust and JSON) and every label of the forms.
fn names_and_labels() -> (Vec<&'static str>, Vec<&'static str>) {
    fn walk(node: &Node, names: &mut Vec<&'static str>, labels: &mut Vec<&'static str>) {
        names.extend(
            [node.field.ident, node.field.key]
                .into_iter()
                .filter(|n| !n.is_empty()),
        );
        labels.extend(node.field.label);
        labels.extend(node.field.aliases.iter().copied());
        if let Some(info) = node.as_struct() {
            labels.extend(info.label.into_iter().chain(info.corner));
            for field in &info.fields {
                walk(field, names, labels);
            }
        }
    }
    let (mut names, mut labels) = (Vec::new(), Vec::new());
    for info in [
        AnnualReport::info(),
        AnnualReport2019::info(),
        baobiao::forms::website::WebsiteReport::info(),
    ] {
        walk(&info.root, &mut names, &mut labels);
    }
    names.sort_unstable();
    names.dedup();
    labels.sort_unstable();
    labels.dedup();
    (names, labels)
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals of Rust source text (plain and raw), as written.
fn literals(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            // A comment runs to the end of its line: its words are not strings of the code.
            '/' if chars.peek().is_some_and(|&(_, n)| n == '/') => {
                for (_, n) in chars.by_ref() {
                    if n == '\n' {
                        break;
                    }
                }
            }
            '\'' => {
                // A char literal (`'"'`, `'\''`) or a lifetime (`'a`): skip a literal whole.
                let ahead: Vec<char> = chars.clone().take(3).map(|(_, c)| c).collect();
                match ahead.as_slice() {
                    ['\\', _, '\''] => {
                        chars.nth(2);
                    }
                    ['\\', ..] => {
                        // `'\u{..}'`: to the closing quote.
                        for (_, n) in chars.by_ref() {
                            if n == '\'' {
                                break;
                            }
                        }
                    }
                    [_, '\'', ..] => {
                        chars.nth(1);
                    }
                    _ => {}
                }
            }
            '"' => {
                let mut literal = String::new();
                while let Some((_, n)) = chars.next() {
                    match n {
                        '\\' => {
                            if let Some((_, escaped)) = chars.next() {
                                literal.push(escaped);
                            }
                        }
                        '"' => break,
                        other => literal.push(other),
                    }
                }
                out.push(literal);
            }
            _ => {}
        }
    }
    out
}

/// Strings that are a field's name by chance, each with what it is there.
const KNOWN: &[(&str, &str)] = &[
    // The HTML element, whose content the nesting guard does not count.
    ("read/nesting.rs", "title"),
    // The HTML element of the same name, skipped by the nesting guard like `title`.
    ("read/nesting.rs", "head"),
    // The attribute of a workbook's `<sheet>` element holding the sheet's name.
    ("read/xlsx.rs", "name"),
    // The attribute of a page's `<meta name="ArticleTitle">`.
    ("read/html.rs", "name"),
];

#[test]
fn read_and_render_name_no_field_and_hold_no_label_of_the_official_forms() {
    let (names, labels) = names_and_labels();
    assert!(names.contains(&"agency") && names.contains(&"natural_persons"));
    assert!(labels.contains(&"三、收到和处理政府信息公开申请情况"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("core/src");
    let mut files = Vec::new();
    sources(&root.join("read"), &mut files);
    sources(&root.join("render"), &mut files);
    assert!(files.len() > 20, "{files:?}");
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        // Unit tests build their own inputs; the code above them is what must not know.
        let code = text.split("#[cfg(test)]").next().unwrap_or(&text);
        for literal in literals(code) {
            let known = KNOWN
                .iter()
                .any(|(f, l)| file.ends_with(f) && *l == literal);
            if names.contains(&literal.as_str()) && !known {
                found.push(format!("{}: the field name {literal:?}", file.display()));
            }
            // Labels of a word or two (`标题`, `其他`) are words of any message.
            if let Some(label) = labels
                .iter()
                .find(|l| l.chars().count() >= 4 && literal.contains(**l))
            {
                found.push(format!(
                    "{}: {literal:?} holds the label {label:?}",
                    file.display()
                ));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_string_scanner_finds_what_a_form_aware_line_would_write() {
    let code = "let t = json.get(\"title\"); // not \"agency\"\nlet c = '\"'; let q = '\\''; fn f<'a>(s: &'a str) {} let s = r\"x\";";
    assert_eq!(literals(code), ["title", "x"]);
}
