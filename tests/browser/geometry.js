// Measures the drawn tables of a baobiao HTML page and writes the findings, as JSON, into a
// pre element with id "geometry". tests/browser.rs appends this script to a copy of the page,
// loads it in headless Chromium and reads the dumped DOM.
(function () {
  const findings = { checks: [], problems: [] };
  const rect = (el) => el.getBoundingClientRect();
  const near = (a, b) => Math.abs(a - b) <= 1;
  const check = (name, ok, detail) => {
    findings.checks.push(name);
    if (!ok) findings.problems.push(`${name}: ${JSON.stringify(detail)}`);
  };
  const table3 = document.querySelectorAll("table.baobiao")[1];
  const cells = [...table3.querySelectorAll("th, td")];
  const byText = (text) => cells.find((c) => c.textContent === text);

  // 法人或其他组织 is exactly as wide as its five sub-columns.
  const group = rect(byText("法人或其他组织"));
  const first = rect(byText("商业企业"));
  const last = rect(cells.filter((c) => c.textContent === "其他" && c.tagName === "TH")[0]);
  check("法人或其他组织 spans its five columns", near(group.left, first.left) && near(group.right, last.right), {
    group: [group.left, group.right], children: [first.left, last.right],
  });

  // 三、本年度办理结果 is exactly as tall as its 22 rows.
  const rows = [...table3.querySelectorAll("tr")];
  const outcomes = rect(byText("三、本年度办理结果"));
  const top = rect(rows[3 + 2]);
  const bottom = rect(rows[3 + 2 + 21]);
  check("三、本年度办理结果 spans 22 rows", near(outcomes.top, top.top) && near(outcomes.bottom, bottom.bottom), {
    outcomes: [outcomes.top, outcomes.bottom], rows: [top.top, bottom.bottom],
  });

  // Every number sits in the column of its header, in all three tables.
  for (const table of document.querySelectorAll("table.baobiao")) {
    const headers = [...table.querySelectorAll("th[scope=col]")];
    for (const td of table.querySelectorAll("td")) {
      const r = rect(td);
      const above = headers.filter((h) => near(rect(h).left, r.left) && near(rect(h).right, r.right) && rect(h).bottom <= r.top + 1);
      check(`${td.dataset.pointer} under its header`, above.length > 0, [r.left, r.right]);
    }
  }
  const pre = document.createElement("pre");
  pre.id = "geometry";
  pre.textContent = JSON.stringify(findings);
  document.body.appendChild(pre);
})();
