//! Ready to publish: every crate of the workspace packages as crates.io takes it, and each
//! package builds from what it holds alone (`cargo package --workspace` verifies the three
//! together, the path dependencies resolved through a local registry of the packages just made,
//! so no `--no-verify` is needed). The packages leave the test corpus, benches and schemas out.

use std::path::Path;
use std::process::Command;

fn cargo() -> Command {
    let mut cargo = Command::new(env!("CARGO"));
    cargo.current_dir(env!("CARGO_MANIFEST_DIR"));
    cargo
}

#[test]
fn every_crate_packages_and_builds_from_its_package() {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("package");
    let out = cargo()
        .args(["package", "--workspace", "--allow-dirty", "--target-dir"])
        .arg(&target)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    for krate in ["baobiao-core", "baobiao-macros", "baobiao"] {
        assert!(stderr.contains(&format!("Verifying {krate} v")), "{stderr}");
    }
}

#[test]
fn the_packages_hold_the_code_and_leave_the_test_data_out() {
    for krate in ["baobiao", "baobiao-core", "baobiao-macros"] {
        let out = cargo()
            .args(["package", "--list", "--allow-dirty", "-p", krate])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let files = String::from_utf8_lossy(&out.stdout);
        for needed in [
            "Cargo.toml",
            "README.md",
            "LICENSE-MIT",
            "LICENSE-APACHE",
            "src/lib.rs",
        ] {
            assert!(files.lines().any(|f| f == needed), "{krate}: {needed}");
        }
        for file in files.lines() {
            assert!(
                !file.starts_with("tests/")
                    && !file.starts_with("benches/")
                    && !file.starts_with("schemas/")
                    && !file.starts_with("snapshots/"),
                "{krate} packages {file}"
            );
        }
    }
}
