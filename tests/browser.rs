//! The HTML page in a real browser: headless Chromium loads the rendered report and a script
//! measures the tables (tests/browser/geometry.js): `法人或其他组织` exactly as wide as its five
//! columns, `三、本年度办理结果` exactly as tall as its 22 rows, every number under its header.
//! A screenshot is saved as `target/browser/report.png` for people to look at.
//!
//! Needs Chromium (Debian's `chromium`, which `.ci/run` installs). Without it the test says so
//! and skips, except under CI (`CI` set), where it fails.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::{Form, Lang, render};

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .map(PathBuf::from)
}

fn headless(browser: &Path, profile: &Path) -> Command {
    let mut command = Command::new(browser);
    command.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--window-size=1400,4200",
    ]);
    command.arg(format!("--user-data-dir={}", profile.display()));
    command
}

#[test]
fn the_page_draws_the_official_geometry_in_chromium() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium is needed and missing under CI"
        );
        eprintln!("skipping: this test needs Chromium (apt-get install chromium)");
        return;
    };
    let report: AnnualReport = serde_json::from_value(common::bump(
        &common::bundled_json(),
        "/applications/outcomes/granted/natural_persons",
        1,
    ))
    .unwrap();
    let checked = report.check();
    let page = render::html::page(&render::document(&report, Some(&checked), Lang::Zh));

    let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    std::fs::create_dir_all(&out_dir).unwrap();
    let page_file = out_dir.join("report.html");
    std::fs::write(&page_file, &page).unwrap();
    let script = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/geometry.js"),
    )
    .unwrap();
    let measured = page.replace("</body>", &format!("<script>{script}</script>\n</body>"));
    let measured_file = out_dir.join("report-measured.html");
    std::fs::write(&measured_file, measured).unwrap();
    let profile = Path::new(env!("CARGO_TARGET_TMPDIR")).join("chromium-profile");

    let dump = headless(&browser, &profile)
        .arg("--dump-dom")
        .arg(format!("file://{}", measured_file.display()))
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&dump.stdout);
    let start =
        dom.rfind("<pre id=\"geometry\">").expect("the script ran") + "<pre id=\"geometry\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    let json = dom[start..end]
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    let findings: serde_json::Value = serde_json::from_str(&json).expect("findings are JSON");
    let checks = findings["checks"].as_array().unwrap();
    // Two span checks and one per number: 10 + 175 + 15.
    assert_eq!(checks.len(), 2 + 200, "{findings}");
    assert_eq!(findings["problems"], serde_json::json!([]), "{findings}");

    let screenshot = out_dir.join("report.png");
    let shot = headless(&browser, &profile)
        .arg(format!("--screenshot={}", screenshot.display()))
        .arg(format!("file://{}", page_file.display()))
        .output()
        .expect("run chromium");
    assert!(
        shot.status.success(),
        "{}",
        String::from_utf8_lossy(&shot.stderr)
    );
    assert!(
        std::fs::metadata(&screenshot)
            .map(|m| m.len() > 10_000)
            .unwrap_or(false)
    );
}
