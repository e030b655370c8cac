//! Choices: a field whose value is one of labelled options (`网站类型：□政府门户网站 ☑部门网站
//! □专项网站`), or any set of them (`创新发展`'s check boxes). Declared as a fieldless enum
//! with `#[derive(Choice)]`; a set is a `BTreeSet` of it.

// Read by the readers and the renderers, features that may be off.
#![cfg_attr(not(all(feature = "read", feature = "render")), allow(dead_code))]

use serde::Serialize;

/// One option of a choice: its key in the form's JSON and its label in the template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct ChoiceOption {
    /// The option in JSON (serde renames applied).
    pub key: &'static str,
    /// The option as the template prints it.
    pub label: &'static str,
}

/// A fieldless enum whose value is one of labelled options. Implemented by
/// `#[derive(Choice)]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a choice: a field of `Option<{Self}>` or `BTreeSet<{Self}>` needs an enum with `#[derive(baobiao::Choice)]`",
    label = "not a choice",
    note = "`Option<T>` is a field kind for yes/no, choices, text, dates and metadata numbers; a number cell is never `Option`: `Count`, `SignedCount` and `Amount` are blank as `null` themselves"
)]
pub trait Choice: 'static {
    /// The options, in the template's order.
    const OPTIONS: &'static [ChoiceOption];

    /// Which option `self` is: its index in [`Choice::OPTIONS`].
    fn position(&self) -> usize;

    /// The option `self` is.
    fn option(&self) -> ChoiceOption {
        Self::OPTIONS[self.position()]
    }
}

/// How a published report marks an option as chosen or not, in the template's check boxes.
pub const CHECKED: &[char] = &['☑', '■', '√', '✓', '✔', '☒', '◼', '▣'];
/// Marks of an option not chosen.
pub const UNCHECKED: &[char] = &['□', '☐', '◻', '▢'];

/// The options `text` marks as chosen: in check boxes (`☑部门网站 □专项网站`, `√多语言版本`),
/// or named alone (`部门网站`, `搜索即服务、无障碍浏览`). `None` when the text names or marks
/// something that is not an option, or marks nothing while naming options in boxes (`□A □B`
/// chooses none: `Some(vec![])`).
pub fn chosen(text: &str, options: &[ChoiceOption]) -> Option<Vec<usize>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(Vec::new());
    }
    let boxed = text
        .chars()
        .any(|c| CHECKED.contains(&c) || UNCHECKED.contains(&c));
    if boxed {
        // Each mark stands before its option's label.
        let mut chosen = Vec::new();
        let mut rest = text;
        while let Some(at) = rest.find(|c| CHECKED.contains(&c) || UNCHECKED.contains(&c)) {
            let mark = rest[at..].chars().next()?;
            let after = &rest[at + mark.len_utf8()..];
            let next = after
                .find(|c| CHECKED.contains(&c) || UNCHECKED.contains(&c))
                .unwrap_or(after.len());
            let label = after[..next].trim();
            let option = options.iter().position(|o| same(o.label, label))?;
            if CHECKED.contains(&mark) {
                chosen.push(option);
            }
            rest = &after[next..];
        }
        return Some(chosen);
    }
    text.split(['、', ',', '，', ';', '；', ' ', '\n'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            options
                .iter()
                .position(|o| same(o.label, part) || o.key == part)
        })
        .collect()
}

/// Labels compared as written, less white space inside (a wrapped cell).
fn same(label: &str, text: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    squeeze(label) == squeeze(text)
}

/// The options drawn as the template's check boxes: `☑部门网站 □专项网站`.
pub fn boxes(options: &[ChoiceOption], chosen: &[usize]) -> String {
    options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let mark = if chosen.contains(&i) { '☑' } else { '□' };
            format!("{mark}{}", o.label)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &[ChoiceOption] = &[
        ChoiceOption {
            key: "portal",
            label: "政府门户网站",
        },
        ChoiceOption {
            key: "department",
            label: "部门网站",
        },
        ChoiceOption {
            key: "special",
            label: "专项网站",
        },
    ];

    #[test]
    fn boxes_and_labels_read_back() {
        assert_eq!(boxes(SITE, &[1]), "□政府门户网站 ☑部门网站 □专项网站");
        assert_eq!(chosen(&boxes(SITE, &[1]), SITE), Some(vec![1]));
        assert_eq!(
            chosen("√政府门户网站 □部门网站□专项网站", SITE),
            Some(vec![0])
        );
        assert_eq!(chosen("■部门网站 ■专项网站", SITE), Some(vec![1, 2]));
        assert_eq!(
            chosen("□政府门户网站 □部门网站 □专项网站", SITE),
            Some(vec![])
        );
        assert_eq!(chosen("部门网站", SITE), Some(vec![1]));
        assert_eq!(chosen("政府门户网站、专项网站", SITE), Some(vec![0, 2]));
        assert_eq!(chosen("☑新闻网站", SITE), None);
        assert_eq!(chosen("新闻网站", SITE), None);
        assert_eq!(chosen(" ", SITE), Some(vec![]));
    }
}
