//! Small PDFs written for tests: pages of text lines and ruling lines, uncompressed, text in a
//! composite font whose `ToUnicode` map gives each code's own Unicode value (as WPS and Word
//! embed CJK fonts: two-byte codes, `Identity-H`). No glyph program is embedded: the text layer
//! is what readers read. A page may paint an image instead (a scan).

/// What a test page draws.
pub enum Mark {
    /// Text from its baseline's left end (points, y upwards), in a font of `size` points.
    Text {
        x: f64,
        y: f64,
        size: f64,
        text: String,
    },
    /// A ruling line, stroked.
    Rule { x0: f64, y0: f64, x1: f64, y1: f64 },
    /// A 1×1 grey image painted over the rectangle.
    Image { x: f64, y: f64, w: f64, h: f64 },
}

/// A text mark.
pub fn text(x: f64, y: f64, size: f64, text: &str) -> Mark {
    Mark::Text {
        x,
        y,
        size,
        text: text.to_owned(),
    }
}

/// A PDF of `pages` (A4, 595 × 842 points).
pub fn document(pages: &[Vec<Mark>]) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = Vec::new();
    // 1 catalog, 2 pages, 3 font, 4 descendant, 5 ToUnicode, 6 image; then page, content pairs.
    let page_ids: Vec<usize> = (0..pages.len()).map(|i| 7 + 2 * i).collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objects.push(
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            page_ids
                .iter()
                .map(|i| format!("{i} 0 R"))
                .collect::<Vec<_>>()
                .join(" "),
            pages.len()
        )
        .into_bytes(),
    );
    objects.push(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>"
            .to_vec(),
    );
    objects.push(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [32 126 500] >>"
            .to_vec(),
    );
    let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
        /CMapName /Test-UCS def /CMapType 2 def\n\
        1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
        1 beginbfrange <0000> <FFFF> <0000> endbfrange\n\
        endcmap CMapName currentdict /CMap defineresource pop end end";
    objects.push(stream("", cmap.as_bytes()));
    objects.push(stream(
        "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8",
        &[128],
    ));
    for page in pages {
        let id = objects.len() + 1;
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 6 0 R >> >> /Contents {} 0 R >>",
                id + 1
            )
            .into_bytes(),
        );
        let mut content = String::new();
        for mark in page {
            match mark {
                Mark::Text { x, y, size, text } => {
                    let hex: String = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
                    content.push_str(&format!(
                        "BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm <{hex}> Tj ET\n"
                    ));
                }
                Mark::Rule { x0, y0, x1, y1 } => {
                    content.push_str(&format!("0.5 w {x0} {y0} m {x1} {y1} l S\n"));
                }
                Mark::Image { x, y, w, h } => {
                    content.push_str(&format!("q {w} 0 0 {h} {x} {y} cm /Im1 Do Q\n"));
                }
            }
        }
        objects.push(stream("", content.as_bytes()));
    }
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(dict: &str, bytes: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", bytes.len()).into_bytes();
    out.extend_from_slice(bytes);
    out.extend_from_slice(b"\nendstream");
    out
}

/// A cell of a ruled table: grid row and column, rows and columns spanned, and its lines of
/// text (one character per line for a vertical label; a wrapped label on several).
pub struct Cell<'a> {
    pub row: usize,
    pub column: usize,
    pub rows: usize,
    pub columns: usize,
    pub lines: &'a [&'a str],
}

/// A cell spanning one grid cell.
pub fn cell<'a>(row: usize, column: usize, lines: &'a [&'a str]) -> Cell<'a> {
    Cell {
        row,
        column,
        rows: 1,
        columns: 1,
        lines,
    }
}

/// A ruled table whose top is at `top`, with column boundaries `xs` and rows `height` high:
/// every cell boxed, its lines of text stacked from its top, 8-point text.
pub fn grid(top: f64, xs: &[f64], height: f64, cells: &[Cell<'_>]) -> Vec<Mark> {
    let mut marks = Vec::new();
    for c in cells {
        let (x0, x1) = (xs[c.column], xs[c.column + c.columns]);
        let y1 = top - height * c.row as f64;
        let y0 = y1 - height * c.rows as f64;
        marks.push(Mark::Rule { x0, y0, x1, y1: y0 });
        marks.push(Mark::Rule { x0, y0: y1, x1, y1 });
        marks.push(Mark::Rule { x0, y0, x1: x0, y1 });
        marks.push(Mark::Rule { x0: x1, y0, x1, y1 });
        for (k, line) in c.lines.iter().enumerate() {
            marks.push(text(x0 + 2.0, y1 - 10.0 - 10.0 * k as f64, 8.0, line));
        }
    }
    marks
}
