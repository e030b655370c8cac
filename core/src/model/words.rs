//! How reports write a yes or a no. The renderers write the first of each; the readers take
//! any.

// Read by the readers and the renderers, features that may be off.
#![cfg_attr(not(all(feature = "read", feature = "render")), allow(dead_code))]

/// Words and marks for yes: `是` as the template prints it, `有`, and the check marks.
pub const YES: &[&str] = &[
    "是", "有", "√", "✓", "✔", "☑", "■", "Y", "Yes", "yes", "true",
];

/// Words and marks for no.
pub const NO: &[&str] = &[
    "否", "无", "×", "✗", "✘", "☐", "□", "N", "No", "no", "false",
];

/// The yes/no a text says, if it says one (surrounding white space ignored).
pub fn yes_no(text: &str) -> Option<bool> {
    let text = text.trim();
    if YES.contains(&text) {
        Some(true)
    } else if NO.contains(&text) {
        Some(false)
    } else {
        None
    }
}
