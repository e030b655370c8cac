//! The command line keeps the habits of the command lines its users know: `-` for standard
//! input, a closed pipe ends it quietly, no binary on a terminal, `--quiet`, `--color` and
//! `NO_COLOR`, completions, `--help` listing every value, each message in one language, and
//! an HTML page that opens with its verdict.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn baobiao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baobiao"))
        .args(args)
        .output()
        .expect("run baobiao")
}

/// Runs baobiao with `input` on standard input.
fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_baobiao"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn failing_file() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-habits");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("failing.json");
    let json = common::bump(
        &common::bundled_json(),
        "/applications/outcomes/granted/natural_persons",
        1,
    );
    std::fs::write(&path, json.to_string()).unwrap();
    path
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// `script` runs a command on a pseudo-terminal (util-linux, in every Debian); without it
/// the terminal cases skip, except under CI.
fn on_terminal(command: &str, env: &[(&str, &str)]) -> Option<Output> {
    let available = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        assert!(
            std::env::var_os("CI").is_none(),
            "script is needed under CI"
        );
        eprintln!("skipping: this case needs `script` (util-linux)");
        return None;
    }
    let mut run = Command::new("script");
    run.args(["-qec", command, "/dev/null"]);
    run.env_remove("NO_COLOR");
    for (key, value) in env {
        run.env(key, value);
    }
    Some(run.output().unwrap())
}

#[test]
fn a_dash_reads_standard_input() {
    let bundled = std::fs::read(common::BUNDLED).unwrap();
    let out = with_stdin(&["check", "-"], &bundled);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("检查 - "),
        "{}",
        text(&out.stdout)
    );
    // A published report's kind is told by its content.
    let published =
        std::fs::read(root().join("examples/reports/xiangtan-county-police-2024.txt")).unwrap();
    let out = with_stdin(&["check", "-", "--format", "json"], &published);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["file"], "-");
    assert_eq!(json["agency"], "湘潭县公安局");
    let out = with_stdin(&["read", "-"], &published);
    let read: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(read["report"]["year"], 2024);
    let out = with_stdin(&["render", "-", "--to", "md"], &bundled);
    assert!(text(&out.stdout).contains("申请人情况 / 自然人 |"));
}

#[test]
fn a_closed_pipe_ends_output_quietly() {
    let folder = root().join("examples/reports");
    for args in [
        vec!["check", folder.to_str().unwrap()],
        vec!["check", folder.to_str().unwrap(), "--format", "jsonl"],
        vec!["rules"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_baobiao"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("无法写出"), "{args:?}: {stderr}");
    }
}

#[test]
fn office_files_are_not_written_to_a_terminal() {
    let bin = env!("CARGO_BIN_EXE_baobiao");
    for to in ["xlsx", "docx"] {
        let command = format!("{bin} render {} --to {to}", common::BUNDLED);
        let Some(out) = on_terminal(&command, &[]) else {
            return;
        };
        assert_eq!(out.status.code(), Some(2), "{to}");
        let said = text(&out.stdout);
        assert!(said.contains("二进制文件，不写到终端"), "{said}");
        assert!(!said.contains("PK"), "no zip on the terminal: {said}");
    }
    // To a file, or a pipe, they are written.
    let out = baobiao(&["render", common::BUNDLED, "--to", "xlsx"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"PK"));
}

#[test]
fn quiet_says_nothing_and_keeps_the_exit_code() {
    let failing = failing_file();
    let out = baobiao(&["check", failing.to_str().unwrap(), "--quiet"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(out.stderr.is_empty());
    let folder = root().join("examples/reports");
    let out = baobiao(&["-q", "check", folder.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "province-variant.json is not an official form"
    );
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    // Errors are still said.
    let out = baobiao(&["check", "--quiet", "no-such-file.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no-such-file.json"));
}

#[test]
fn colour_follows_color_and_no_color() {
    let failing = failing_file();
    let failing = failing.to_str().unwrap();
    let coloured = |out: &Output| text(&out.stdout).contains("\u{1b}[");
    assert!(coloured(&baobiao(&["check", failing, "--color", "always"])));
    assert!(!coloured(&baobiao(&["check", failing, "--color", "never"])));
    // Piped, auto is no colour.
    assert!(!coloured(&baobiao(&["check", failing])));
    let bin = env!("CARGO_BIN_EXE_baobiao");
    let command = format!("{bin} check {failing}");
    let Some(terminal) = on_terminal(&command, &[]) else {
        return;
    };
    assert!(coloured(&terminal), "colour on a terminal");
    let no_colour = on_terminal(&command, &[("NO_COLOR", "1")]).unwrap();
    assert!(!coloured(&no_colour), "NO_COLOR on a terminal");
    let never = on_terminal(&format!("{command} --color never"), &[]).unwrap();
    assert!(!coloured(&never));
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = baobiao(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        for word in ["check", "render", "summary", "lang"] {
            assert!(script.contains(word), "{shell} completes {word}");
        }
        if matches!(shell, "bash" | "zsh" | "fish") {
            assert!(script.contains("jsonl"), "{shell} completes the values");
        }
    }
    assert_eq!(baobiao(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn help_lists_every_value() {
    // `-h` lists the values on one line; `--help` each with what it means.
    let short = text(&baobiao(&["check", "-h"]).stdout);
    for values in [
        "[possible values: text, json, jsonl]",
        "[possible values: csv, json, html]",
        "[possible values: zh, en]",
        "[possible values: auto, always, never]",
    ] {
        assert!(short.contains(values), "check -h lists {values}:\n{short}");
    }
    let check = text(&baobiao(&["check", "--help"]).stdout);
    for value in ["- jsonl:", "- html:", "- en:", "- never:"] {
        assert!(check.contains(value), "check --help explains {value}");
    }
    // The forms --form takes.
    assert!(check.contains("annual-report-2021"), "{check}");
    assert!(check.contains("website"), "{check}");
    let render = text(&baobiao(&["render", "--help"]).stdout);
    for target in ["html-fragment", "text", "md", "csv", "xlsx", "docx"] {
        assert!(render.contains(target), "render --help lists {target}");
    }
}

#[test]
fn each_message_is_in_one_language() {
    let failing = failing_file();
    let failing = failing.to_str().unwrap();
    // English: no Chinese but the form's own labels and the report's own text.
    let out = baobiao(&["check", "no-such-file.json", "--lang", "en"]);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("cannot read"), "{stderr}");
    assert!(!has_cjk(&stderr), "{stderr}");
    let out = baobiao(&[
        "--lang",
        "en",
        "check",
        failing,
        root()
            .join("examples/reports/website-example.json")
            .to_str()
            .unwrap(),
    ]);
    let summary = text(&out.stdout);
    let verdict = summary.lines().find(|l| l.starts_with("Summary:")).unwrap();
    assert!(!has_cjk(verdict), "{verdict}");
    let out = baobiao(&["check", failing, "--lang", "en"]);
    let result = text(&out.stdout);
    let result = result.lines().find(|l| l.starts_with("Result:")).unwrap();
    assert!(!has_cjk(result), "{result}");
    // Chinese by default: the error's own words are Chinese.
    let out = baobiao(&["check", "no-such-file.json"]);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("无法读取输入"), "{stderr}");
    assert!(!stderr.contains("cannot"), "{stderr}");
}

#[test]
fn the_html_page_opens_with_the_verdict() {
    let failing = failing_file();
    let out = baobiao(&["render", failing.to_str().unwrap(), "--to", "html"]);
    let page = text(&out.stdout);
    let after_title = &page[page.find("</h1>").unwrap() + "</h1>\n".len()..];
    assert!(
        after_title.starts_with("<p class=\"verdict\" id=\"verdict\">检查结论：未通过。"),
        "{}",
        &after_title[..200]
    );
    assert!(after_title.contains("T3-ROW-TOTAL"));
}
