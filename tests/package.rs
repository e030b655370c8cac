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

/// Cargo unpacks the packages it verifies against into its home, under a directory named for
/// the temporary registry (`registry/src/-<hash>/`), and reuses what it unpacked there for the
/// same version: a second run would build the dependent crates against the first run's code.
/// Those unpackings of our own crates are removed first (cargo unpacks them again).
fn forget_unpacked_packages() {
    let home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")));
    let Some(sources) = home.map(|h| h.join("registry/src")) else {
        return;
    };
    let Ok(registries) = std::fs::read_dir(&sources) else {
        return;
    };
    for registry in registries.flatten() {
        // Only the unnamed local registries of package verification; crates.io's is named.
        if !registry.file_name().to_string_lossy().starts_with('-') {
            continue;
        }
        for krate in ["baobiao-core", "baobiao-macros", "baobiao"] {
            let unpacked = registry
                .path()
                .join(format!("{krate}-{}", env!("CARGO_PKG_VERSION")));
            let _ = std::fs::remove_dir_all(unpacked);
        }
    }
}

/// Cargo takes a registry crate of a version it has built for unchanged, so what an earlier
/// run built of our crates is removed from the target directory (the other crates are kept).
fn forget_built_packages(target: &Path) {
    let debug = target.join("debug");
    for dir in [
        debug.join(".fingerprint"),
        debug.join("deps"),
        debug.join("build"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with("baobiao") || name.starts_with("libbaobiao") {
                let path = entry.path();
                let _ = std::fs::remove_dir_all(&path).or_else(|_| std::fs::remove_file(&path));
            }
        }
    }
}

#[test]
fn every_crate_packages_and_builds_from_its_package() {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("package");
    forget_unpacked_packages();
    forget_built_packages(&target);
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
