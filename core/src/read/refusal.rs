//! Why a file is refused before any form is looked for in it: not the package, page, sheet or
//! encoding it claims to be, or beyond the bounds the readers keep. Typed, worded when shown;
//! what a library underneath said (zip, XML) is kept as its own words in `detail`.

use core::fmt;

use crate::model::lang::Lang;

/// Why a file could not be opened as a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A PDF, and this build reads none (the `pdf` feature is off).
    Pdf,
    /// Not a PDF the parser can open.
    NotPdf {
        /// What the PDF parser said.
        detail: String,
    },
    /// More pages than any report.
    TooManyPages {
        /// Its pages.
        pages: usize,
        /// The most taken.
        limit: usize,
    },
    /// A PDF whose pages draw no text: a scan, whose figures are pictures.
    PdfWithoutText {
        /// Its pages.
        pages: usize,
        /// The images its pages paint.
        images: usize,
    },
    /// A PDF compressed with a filter that is not read.
    PdfCompression {
        /// The filter.
        filter: &'static str,
    },
    /// A PDF whose streams inflate past the budget: a bomb, or no report.
    PdfBomb {
        /// The budget, in bytes.
        limit: u64,
    },
    /// A Word or Excel file in the binary format before 2007 (`.doc`, `.xls`): to be saved as
    /// DOCX or XLSX first.
    LegacyOffice,
    /// Not a ZIP package, as XLSX and DOCX files are.
    NotZip {
        /// What the ZIP reader said.
        detail: String,
    },
    /// More entries than an Office file has.
    TooManyEntries {
        /// How many it has.
        entries: usize,
        /// The most taken.
        limit: usize,
    },
    /// A part of the package could not be read or inflated.
    PartUnreadable {
        /// The part.
        part: String,
        /// What the ZIP reader said.
        detail: String,
    },
    /// A part inflates past the package's budget: a zip bomb, or no report.
    ZipBomb {
        /// The part.
        part: String,
        /// The budget, in bytes.
        limit: u64,
    },
    /// A part is not UTF-8 XML.
    PartNotUtf8 {
        /// The part.
        part: String,
    },
    /// A part is not well-formed XML.
    NotXml {
        /// The part.
        part: String,
        /// What the XML parser said.
        detail: String,
    },
    /// The package lacks the part that makes it a workbook or a Word document.
    NotOffice {
        /// The part missing.
        part: &'static str,
        /// What the file was taken for (`Excel workbook`, `Word document`).
        kind: SourceKindName,
    },
    /// A part the package names is missing, or has not the element it must.
    Malformed {
        /// The part.
        part: String,
        /// What is missing or wrong, in the format's own terms (`no w:body`, `shared string
        /// "7" not found`, `"B" is not a cell reference`).
        detail: String,
    },
    /// A sheet reaches beyond the rows and columns a report table has.
    SheetTooLarge {
        /// The sheet's name.
        sheet: String,
        /// Its rows.
        rows: usize,
        /// Its columns.
        columns: usize,
    },
    /// A text or CSV file of more lines than any report has.
    TooManyLines {
        /// Its lines.
        lines: usize,
        /// The most taken.
        limit: usize,
    },
    /// A page nests elements deeper than any report page.
    TooDeep {
        /// The deepest taken.
        limit: usize,
    },
    /// No encoding has that name.
    UnknownEncoding {
        /// The name given.
        label: String,
    },
    /// The file is not valid in the encoding named or declared.
    NotInEncoding {
        /// The encoding.
        encoding: &'static str,
    },
}

/// What an Office file was taken for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKindName {
    /// An Excel workbook.
    Workbook,
    /// A Word document.
    Document,
}

impl Refusal {
    /// The refusal in words.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Refusal::Pdf if zh => {
                "此版本不读取 PDF（编译时未启用 pdf 特性）".to_owned()
            }
            Refusal::Pdf => "this build reads no PDF (it was built without the pdf feature)".to_owned(),
            Refusal::NotPdf { detail } if zh => format!("无法打开此 PDF：{detail}"),
            Refusal::NotPdf { detail } => format!("cannot open the PDF: {detail}"),
            Refusal::TooManyPages { pages, limit } if zh => {
                format!("PDF 有 {pages} 页，多于任何报告（上限 {limit} 页），不予读取")
            }
            Refusal::TooManyPages { pages, limit } => format!(
                "the PDF has {pages} pages, more than any report ({limit} at most): refused"
            ),
            Refusal::PdfWithoutText { pages, images } if zh => format!(
                "PDF 的 {pages} 页上没有文字层（{images} 幅图像）：是扫描件，其中的数字是图片，无法读取；请取得有文字的 PDF 或其他格式的报告"
            ),
            Refusal::PdfWithoutText { pages, images } => format!(
                "the PDF's {} ha{} no text layer ({images} image{}): a scan, whose figures are pictures and cannot be read; get a PDF with text, or the report in another format",
                if *pages == 1 { "page".to_owned() } else { format!("{pages} pages") },
                if *pages == 1 { "s" } else { "ve" },
                if *images == 1 { "" } else { "s" },
            ),
            Refusal::PdfCompression { filter } if zh => {
                format!("PDF 使用了不读取的压缩方式 {filter}")
            }
            Refusal::PdfCompression { filter } => {
                format!("the PDF is compressed with {filter}, which is not read")
            }
            Refusal::PdfBomb { limit } if zh => format!(
                "PDF 的数据流解压后超过 {} MB（压缩炸弹？），不予读取",
                limit / (1024 * 1024)
            ),
            Refusal::PdfBomb { limit } => format!(
                "the PDF's streams inflate past {} MB (a bomb?): refused",
                limit / (1024 * 1024)
            ),
            Refusal::LegacyOffice if zh => {
                "这是 2007 年以前的 Word/Excel 二进制格式（.doc/.xls）：请另存为 DOCX 或 XLSX 再读取".to_owned()
            }
            Refusal::LegacyOffice => "this is the binary Word/Excel format from before 2007 (.doc, .xls): save it as DOCX or XLSX and read that".to_owned(),
            Refusal::NotZip { detail } if zh => {
                format!("不是 ZIP 包（XLSX 和 DOCX 文件都是）：{detail}")
            }
            Refusal::NotZip { detail } => {
                format!("not a ZIP package (XLSX and DOCX files are): {detail}")
            }
            Refusal::TooManyEntries { entries, limit } if zh => {
                format!("包内有 {entries} 个条目，多于 Office 文件可有的 {limit} 个，不予读取")
            }
            Refusal::TooManyEntries { entries, limit } => format!(
                "the package has {entries} entries, more than the {limit} an Office file has: refused"
            ),
            Refusal::PartUnreadable { part, detail } if zh => {
                format!("无法读取包内的 {part}：{detail}")
            }
            Refusal::PartUnreadable { part, detail } => {
                format!("cannot read the part {part}: {detail}")
            }
            Refusal::ZipBomb { part, limit } if zh => format!(
                "包内的 {part} 解压后超过 {} MB（ZIP 炸弹？），不予读取",
                limit / (1024 * 1024)
            ),
            Refusal::ZipBomb { part, limit } => format!(
                "the part {part} inflates past {} MB (a zip bomb?): refused",
                limit / (1024 * 1024)
            ),
            Refusal::PartNotUtf8 { part } if zh => format!("包内的 {part} 不是 UTF-8 的 XML"),
            Refusal::PartNotUtf8 { part } => format!("the part {part} is not UTF-8 XML"),
            Refusal::NotXml { part, detail } if zh => {
                format!("{part} 不是格式良好的 XML：{detail}")
            }
            Refusal::NotXml { part, detail } => {
                format!("{part} is not well-formed XML: {detail}")
            }
            Refusal::NotOffice { part, kind } => {
                let kind = match (kind, zh) {
                    (SourceKindName::Workbook, true) => "Excel 工作簿",
                    (SourceKindName::Workbook, false) => "an Excel workbook",
                    (SourceKindName::Document, true) => "Word 文档",
                    (SourceKindName::Document, false) => "a Word document",
                };
                match zh {
                    true => format!("没有 {part}：不是{kind}"),
                    false => format!("no {part}: not {kind}"),
                }
            }
            Refusal::Malformed { part, detail } if zh => format!("{part} 有误：{detail}"),
            Refusal::Malformed { part, detail } => format!("{part}: {detail}"),
            Refusal::SheetTooLarge {
                sheet,
                rows,
                columns,
            } if zh => format!(
                "工作表 {sheet:?} 用到 {rows} 行 × {columns} 列，超出任何报表的大小，不予读取"
            ),
            Refusal::SheetTooLarge {
                sheet,
                rows,
                columns,
            } => format!(
                "sheet {sheet:?} uses {rows} rows × {columns} columns, more than any report table: refused"
            ),
            Refusal::TooManyLines { lines, limit } if zh => {
                format!("文件有 {lines} 行，多于任何报告（上限 {limit} 行），不予读取")
            }
            Refusal::TooManyLines { lines, limit } => format!(
                "the file has {lines} lines, more than any report ({limit} at most): refused"
            ),
            Refusal::TooDeep { limit } if zh => {
                format!("网页元素嵌套超过 {limit} 层，没有报告网页如此，不予读取")
            }
            Refusal::TooDeep { limit } => format!(
                "the page nests elements deeper than {limit} levels, which no report page does: refused"
            ),
            Refusal::UnknownEncoding { label } if zh => {
                format!("未知的编码 {label:?}（可用 gbk、gb18030、utf-8 等）")
            }
            Refusal::UnknownEncoding { label } => {
                format!("unknown encoding {label:?} (gbk, gb18030, utf-8, …)")
            }
            Refusal::NotInEncoding { encoding } if zh => {
                format!("文件不全是有效的 {encoding} 编码")
            }
            Refusal::NotInEncoding { encoding } => {
                format!("the file is not valid {encoding} throughout")
            }
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}
