//! A developer's own command line: `tests/own-cli`, a crate outside the workspace whose `main`
//! is one line, `baobiao::cli::run(baobiao::forms![LibraryReport, WebsiteReport])`, is built
//! and every subcommand run on its own form and on the official website form: forms listed by
//! their declared names, JSON taken by the form that fits, published renderings read back and
//! recognised as the right form.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const CRATE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/own-cli");
const WEBSITE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/reports/website-example.json"
);
const WEBSITE_PLANTED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/reports/website-planted-errors.json"
);
const LIBRARY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/own-cli/reports/library.json"
);

/// The built binary, built once for all tests of this file.
fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        // Shared with tests/generated_forms.rs: baobiao is built once for both outside crates.
        let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("outside-crates");
        let build = Command::new(env!("CARGO"))
            .args(["build", "--quiet", "--locked", "--manifest-path"])
            .arg(Path::new(CRATE).join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", &target)
            .output()
            .unwrap();
        assert!(
            build.status.success(),
            "{}",
            String::from_utf8_lossy(&build.stderr)
        );
        target.join("debug").join("baobiao-own-cli")
    })
}

fn run(args: &[&str]) -> Output {
    Command::new(binary()).args(args).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn json_file(path: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn lists_its_forms_by_their_declared_names() {
    let out = run(&["rules", "--list"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        "library\t公共图书馆年度服务统计表\nwebsite\t政府网站工作年度报表\n"
    );
    let rules = run(&["rules", "--form", "library"]);
    assert!(stdout(&rules).contains("L-LOANS"), "{}", stdout(&rules));
    let schema = run(&["schema", "website"]);
    let schema: serde_json::Value = serde_json::from_slice(&schema.stdout).unwrap();
    assert_eq!(schema["title"], "政府网站工作年度报表");
}

#[test]
fn checks_each_form_json_as_the_form_that_takes_it() {
    let library = run(&["check", LIBRARY]);
    assert_eq!(library.status.code(), Some(0), "{}", stdout(&library));
    assert!(stdout(&library).contains("公共图书馆年度服务统计表"));

    let website = run(&["check", WEBSITE]);
    assert_eq!(website.status.code(), Some(0), "{}", stdout(&website));
    assert!(stdout(&website).contains("政府网站工作年度报表"));

    let planted = run(&["check", WEBSITE_PLANTED, "--format", "json"]);
    assert_eq!(planted.status.code(), Some(1));
    let summary: serde_json::Value = serde_json::from_slice(&planted.stdout).unwrap();
    let failed: Vec<&str> = summary["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["rule"].as_str().unwrap())
        .collect();
    for id in ["W-UV", "W-POSTS", "W-ONLINE", "W-CASES"] {
        assert!(failed.contains(&id), "{id} not among {failed:?}");
    }
}

/// Repeated rows (the library's branches): a sum over them that exceeds the whole fails,
/// naming every branch's cell; none is a sum of 0.
#[test]
fn checks_sums_over_the_librarys_branches() {
    let mut report = json_file(LIBRARY);
    report["branches"][2]["visits"] = 1_100_000.into();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("own-cli-renderings");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("library-branches.json");
    std::fs::write(&file, report.to_string()).unwrap();
    let out = run(&["check", file.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let violation = &summary["violations"][0];
    assert_eq!(violation["rule"], "L-BRANCHES", "{summary}");
    let cells: Vec<&str> = violation["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(cells, ["/branches/*/visits", "/visits"]);
    report["branches"] = serde_json::json!([]);
    std::fs::write(&file, report.to_string()).unwrap();
    let none = run(&["check", file.to_str().unwrap()]);
    assert_eq!(none.status.code(), Some(0), "{}", stdout(&none));
}

#[test]
fn renders_and_reads_back_recognising_the_form() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("own-cli-renderings");
    std::fs::create_dir_all(&dir).unwrap();
    for (report, form) in [(LIBRARY, "library"), (WEBSITE, "website")] {
        for (to, extension) in [("html", "html"), ("xlsx", "xlsx"), ("csv", "csv")] {
            let file = dir.join(format!("{form}.{extension}"));
            let render = run(&["render", report, "--to", to, "-o", file.to_str().unwrap()]);
            assert!(
                render.status.success(),
                "{}",
                String::from_utf8_lossy(&render.stderr)
            );
            // No form named: the reader finds which of the two it is.
            let read = run(&["read", file.to_str().unwrap()]);
            assert!(
                read.status.success(),
                "{}",
                String::from_utf8_lossy(&read.stderr)
            );
            let reading: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
            assert_eq!(reading["form"], form, "{to}");
            assert_eq!(reading["report"], json_file(report), "{form} from {to}");
            assert_eq!(
                reading["diagnostics"],
                serde_json::json!([]),
                "{form} from {to}"
            );

            let check = run(&["check", file.to_str().unwrap()]);
            assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
        }
    }
}

#[test]
fn an_unknown_form_name_lists_the_known_ones() {
    let out = run(&["check", LIBRARY, "--form", "museum"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("library, website"), "{stderr}");
}
