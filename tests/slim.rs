//! The derive alone: a crate that depends on baobiao with `default-features = false,
//! features = ["derive"]` (`tests/slim`, outside the workspace) builds and runs, declaring,
//! checking and describing a form, and compiles none of what reading, rendering and the
//! command line need.

use std::path::Path;
use std::process::Command;

const MANIFEST: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/slim/Cargo.toml");

/// What only the readers, the renderers or the command line need.
const NOT_FOR_THE_DERIVE: [&str; 8] = [
    "html5ever",
    "scraper",
    "zip",
    "rust_xlsxwriter",
    "roxmltree",
    "encoding_rs",
    "unicode-width",
    "clap",
];

#[test]
fn the_derive_alone_compiles_no_reader_renderer_or_command_line() {
    let tree = Command::new(env!("CARGO"))
        .args(["tree", "--locked", "--manifest-path", MANIFEST])
        .args(["--edges", "normal,build", "--prefix", "none"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&tree.stdout);
    assert!(
        tree.status.success(),
        "{}",
        String::from_utf8_lossy(&tree.stderr)
    );
    let crates: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(crates.contains(&"baobiao-core"), "{stdout}");
    assert!(crates.contains(&"baobiao-macros"), "{stdout}");
    for heavy in NOT_FOR_THE_DERIVE {
        assert!(!crates.contains(&heavy), "{heavy} is compiled: {stdout}");
    }

    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("slim");
    let run = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--locked", "--manifest-path", MANIFEST])
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains("YEAR-TOTAL"), "{stdout}");
    assert!(stdout.contains("expected 42, found 40"), "{stdout}");
    assert!(stdout.contains("schema rules: 1"), "{stdout}");
}
