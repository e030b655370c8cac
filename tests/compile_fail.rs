//! Compile-fail and compile-pass tests of the derive (trybuild).
//!
//! The `.stderr` files are pinned to one toolchain, the one named in `PINNED`: compiler messages
//! change between releases, so on any other toolchain this test says so and does nothing.
//! Refresh them with `TRYBUILD=overwrite cargo test --test compile_fail`.

const PINNED: &str = "1.95.0";

fn toolchain() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    std::process::Command::new(rustc)
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

#[test]
fn ui() {
    let version = toolchain();
    if !version.starts_with(&format!("rustc {PINNED} ")) {
        eprintln!("skipping UI tests: they are pinned to rustc {PINNED}, this is {version:?}");
        return;
    }
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/*.rs");
    t.compile_fail("tests/ui/attr/*.rs");
    t.compile_fail("tests/ui/check/*.rs");
    t.compile_fail("tests/ui/total/*.rs");
    t.compile_fail("tests/ui/shape/*.rs");
    t.compile_fail("tests/ui/rows/*.rs");
    t.compile_fail("tests/ui/kinds/*.rs");
    t.compile_fail("tests/ui/serde/*.rs");
    t.compile_fail("tests/ui/ids/*.rs");
}
