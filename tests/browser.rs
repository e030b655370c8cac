//! The HTML page in a real browser: headless Chromium loads the rendered report and a script
//! measures the tables (tests/browser/geometry.js): `法人或其他组织` exactly as wide as its five
//! columns, `三、本年度办理结果` exactly as tall as its 22 rows, every number under its header.
//! A screenshot is saved as `target/browser/report.png` for people to look at. The website form
//! likewise (tests/browser/website.js): one table, sections merged vertically, check boxes,
//! planted errors marked; `target/browser/website.png`.
//!
//! Needs Chromium (Debian's `chromium`, which `.ci/run` installs). Without it the test says so
//! and skips, except under CI (`CI` set), where it fails.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::forms::website::WebsiteReport;
use baobiao::{Form, Lang, render};

fn chromium() -> Option<PathBuf> {
    common::program(&["chromium", "chromium-browser", "google-chrome"])
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

/// Chromium, or under CI a failure; elsewhere `None` and a note that the test skips.
fn browser_or_skip() -> Option<PathBuf> {
    let browser = chromium();
    if browser.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium is needed and missing under CI"
        );
        eprintln!("skipping: this test needs Chromium (apt-get install chromium)");
    }
    browser
}

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn profile(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("chromium-profile-{name}"))
}

/// Saves `page` as `target/browser/{name}.html`, loads a copy with `tests/browser/{script}`
/// appended in headless Chromium and gives the JSON the script wrote.
fn measure(browser: &Path, page: &str, name: &str, script: &str) -> serde_json::Value {
    let out_dir = out_dir();
    std::fs::write(out_dir.join(format!("{name}.html")), page).unwrap();
    let script = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/browser")
            .join(script),
    )
    .unwrap();
    let measured = page.replace("</body>", &format!("<script>{script}</script>\n</body>"));
    let measured_file = out_dir.join(format!("{name}-measured.html"));
    std::fs::write(&measured_file, measured).unwrap();
    let dump = headless(browser, &profile(name))
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
    serde_json::from_str(&json).expect("findings are JSON")
}

/// Screenshots `target/browser/{name}.html` into `target/browser/{name}.png`.
fn screenshot(browser: &Path, name: &str) {
    let out_dir = out_dir();
    let screenshot = out_dir.join(format!("{name}.png"));
    let shot = headless(browser, &profile(name))
        .arg(format!("--screenshot={}", screenshot.display()))
        .arg(format!(
            "file://{}",
            out_dir.join(format!("{name}.html")).display()
        ))
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

#[test]
fn the_page_draws_the_official_geometry_in_chromium() {
    let Some(browser) = browser_or_skip() else {
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

    let findings = measure(&browser, &page, "report", "geometry.js");
    let checks = findings["checks"].as_array().unwrap();
    // Two span checks and one per number: 10 + 175 + 15.
    assert_eq!(checks.len(), 2 + 200, "{findings}");
    assert_eq!(findings["problems"], serde_json::json!([]), "{findings}");

    screenshot(&browser, "report");
}

/// The 政府网站工作年度报表 with planted errors: one table whose sections' names are merged down
/// their items, 网站类型 and 创新发展 as the template's check boxes, yes/no as 是/否, and every
/// cell of every failed rule marked, in a colour of its own. Saved as
/// `target/browser/website.png`.
#[test]
fn the_website_form_is_one_table_with_merged_sections_in_chromium() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/reports/website-planted-errors.json"),
    )
    .unwrap();
    let report: WebsiteReport = serde_json::from_str(&text).unwrap();
    let checked = report.check();
    let page = render::html::page(&render::document(&report, Some(&checked), Lang::Zh));
    let findings = measure(&browser, &page, "website", "website.js");

    assert_eq!(findings["tables"], 1, "{findings}");
    assert_eq!(findings["problems"], serde_json::json!([]), "{findings}");
    assert_eq!(
        findings["sections"],
        serde_json::json!([
            "信息发布（单位：条）",
            "专栏专题（单位：个）",
            "解读回应",
            "办事服务",
            "互动交流",
            "安全防护",
            "移动新媒体"
        ]),
        "{findings}"
    );
    // Items merged within sections too (信息发布 › 总数…, 办件量 › 总数 / 自然人 / 法人).
    let merged: Vec<&str> = findings["merged"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["label"].as_str().unwrap())
        .collect();
    assert!(merged.contains(&"办件量（单位：件）"), "{merged:?}");
    assert!(merged.contains(&"微博"), "{merged:?}");

    assert_eq!(
        findings["boxes"]["/site_type"],
        "☑政府门户网站 □部门网站 □专项网站"
    );
    let innovation = findings["boxes"]["/innovation"].as_str().unwrap();
    assert_eq!(
        innovation.matches('☑').count(),
        report.innovation.len(),
        "{innovation}"
    );
    assert!(innovation.contains('□'), "{innovation}");
    assert!(
        findings["yesNo"].as_array().unwrap().len() >= 3,
        "{findings}"
    );

    // Every cell of every failed rule is marked, and only those, in a colour plain cells lack.
    let mut expected: Vec<String> = checked
        .summary()
        .violations
        .iter()
        .flat_map(|v| v.cells.iter().map(|c| c.pointer.to_string()))
        .collect();
    expected.sort();
    expected.dedup();
    let failing = findings["failing"].as_array().unwrap();
    let mut marked: Vec<String> = failing
        .iter()
        .map(|f| f["pointer"].as_str().unwrap().to_owned())
        .collect();
    marked.sort();
    assert_eq!(marked, expected);
    for planted in ["W-UV", "W-POSTS", "W-ONLINE", "W-CASES", "W-SEC"] {
        assert!(
            failing
                .iter()
                .any(|f| f["title"].as_str().unwrap().contains(planted)),
            "{planted} not marked: {failing:?}"
        );
    }
    for cell in failing {
        assert_ne!(cell["background"], findings["plainBackground"], "{cell}");
    }

    screenshot(&browser, "website");
}

/// The batch summary a supervisor opens: the verdict first, one row per report linked to its
/// page (which exists), sortable by clicking a header (the worst first by verdict, files in
/// order); `target/browser/summary.png`.
#[test]
fn the_batch_summary_opens_with_its_verdict_and_sorts_in_chromium() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let reports = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-batch");
    let _ = std::fs::remove_dir_all(&reports);
    std::fs::create_dir_all(&reports).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (from, to) in [
        (
            "examples/reports/xiangtan-county-police-2024.txt",
            "a-good.txt",
        ),
        (
            "examples/reports/website-planted-errors.json",
            "b-failing.json",
        ),
        ("tests/data/reports/pingtan-2024-page.html", "c-good.html"),
    ] {
        std::fs::copy(root.join(from), reports.join(to)).unwrap();
    }
    std::fs::write(reports.join("d-broken.json"), "{").unwrap();
    let summary = out_dir().join("summary.html");
    let out = Command::new(env!("CARGO_BIN_EXE_baobiao"))
        .args([
            "check",
            reports.to_str().unwrap(),
            "--summary",
            "html",
            "-o",
        ])
        .arg(&summary)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&summary).unwrap();
    let findings = measure(&browser, &page, "summary", "summary.js");
    assert_eq!(findings["problems"], serde_json::json!([]), "{findings}");
    assert_eq!(findings["first"], "verdict", "{findings}");
    assert_eq!(
        findings["verdict"],
        "汇总：共 4 份报告：通过 2，未通过 1，读取不完整 0，无法读取 1。"
    );
    assert_eq!(findings["rows"], 4);
    // Every report read is linked to its page, drawn with its failures marked.
    let links = findings["links"].as_array().unwrap();
    assert_eq!(links.len(), 3, "{findings}");
    for link in links {
        let page = out_dir().join(link.as_str().unwrap());
        assert!(page.exists(), "{}", page.display());
    }
    let failing_page = std::fs::read_to_string(out_dir().join(links[1].as_str().unwrap())).unwrap();
    assert!(
        failing_page.contains("fail"),
        "the failing report's page marks its failures"
    );
    assert_eq!(
        findings["byVerdict"],
        serde_json::json!(["unreadable", "failed", "passed", "passed"])
    );
    let by_file: Vec<&str> = findings["byFile"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert_eq!(
        by_file,
        [
            "a-good.txt",
            "b-failing.json",
            "c-good.html",
            "d-broken.json"
        ]
    );
    screenshot(&browser, "summary");
}
