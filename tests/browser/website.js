// Measures the 政府网站工作年度报表 as drawn by a baobiao HTML page and writes the findings, as
// JSON, into a pre element with id "geometry" (see tests/browser.rs).
(function () {
  const findings = { tables: 0, sections: [], merged: [], boxes: {}, yesNo: [], failing: [], problems: [] };
  const rect = (el) => el.getBoundingClientRect();
  const near = (a, b) => Math.abs(a - b) <= 1;
  const tables = document.querySelectorAll("table.baobiao");
  findings.tables = tables.length;
  const table = tables[0];
  const rows = [...table.querySelectorAll("tr")];

  // Every merged label is exactly as tall as the rows it spans.
  rows.forEach((row, index) => {
    for (const th of row.querySelectorAll("th[rowspan]")) {
      const span = Number(th.getAttribute("rowspan"));
      const first = rect(rows[index]);
      const last = rect(rows[index + span - 1]);
      const r = rect(th);
      const ok = near(r.top, first.top) && near(r.bottom, last.bottom);
      findings.merged.push({ label: th.textContent, rows: span, ok });
      if (!ok) findings.problems.push(`${th.textContent} is not as tall as its ${span} rows`);
      // A section: a merged label in the table's first column.
      if (near(r.left, rect(rows[0].cells[0]).left)) findings.sections.push(th.textContent);
    }
  });

  // Check boxes and yes/no values, and every value cell to the right of its label.
  for (const td of table.querySelectorAll("td")) {
    const text = td.textContent;
    if (text.includes("☑") || text.includes("□")) findings.boxes[td.dataset.pointer] = text;
    if (text === "是" || text === "否") findings.yesNo.push(td.dataset.pointer);
    if (td.classList.contains("fail")) {
      const style = getComputedStyle(td);
      findings.failing.push({ pointer: td.dataset.pointer, background: style.backgroundColor, title: td.title });
    }
    const label = td.parentElement.querySelector("th");
    if (label && rect(label).right > rect(td).left + 1) findings.problems.push(`${td.dataset.pointer} overlaps its label`);
  }
  const plain = table.querySelector("td:not(.fail)");
  findings.plainBackground = plain ? getComputedStyle(plain).backgroundColor : null;
  const pre = document.createElement("pre");
  pre.id = "geometry";
  pre.textContent = JSON.stringify(findings);
  document.body.appendChild(pre);
})();
