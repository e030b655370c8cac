//! The ZIP packages of Office files (XLSX, DOCX), opened with bounds: a package is refused when
//! it has too many entries or when its parts inflate past a budget, so a zip bomb costs at most
//! the budget in time and memory. Sizes are counted while inflating, not taken from the
//! archive's directory, which a hostile file can fill with any numbers.

use std::io::{Cursor, Read};

/// Most entries a package may have.
pub const MAX_ENTRIES: usize = 10_000;
/// Most bytes all parts read from a package may inflate to, together.
pub const MAX_INFLATED: u64 = 64 * 1024 * 1024;

/// An Office package whose parts are read within [`MAX_INFLATED`].
pub struct Package {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
    budget: u64,
}

impl Package {
    /// Opens `bytes` as a ZIP package.
    pub fn open(bytes: Vec<u8>) -> Result<Package, String> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| format!("not a ZIP package (XLSX and DOCX files are): {e}"))?;
        if zip.len() > MAX_ENTRIES {
            return Err(format!(
                "the package has {} entries, more than the {MAX_ENTRIES} an Office file has: refused",
                zip.len()
            ));
        }
        Ok(Package {
            zip,
            budget: MAX_INFLATED,
        })
    }

    /// The part `name` as text, `None` when the package has no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<String>, String> {
        let file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(format!("cannot read the part {name}: {e}")),
        };
        let mut bytes = Vec::new();
        let read = file
            .take(self.budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot inflate the part {name}: {e}"))?;
        if read as u64 > self.budget {
            return Err(format!(
                "the part {name} inflates past {} MB (a zip bomb?): refused",
                MAX_INFLATED / (1024 * 1024)
            ));
        }
        self.budget -= read as u64;
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|e| format!("the part {name} is not UTF-8 XML: {e}"))
    }
}

/// Parses a part's XML, saying which part is broken.
pub fn parse<'a>(name: &str, text: &'a str) -> Result<roxmltree::Document<'a>, String> {
    roxmltree::Document::parse(text).map_err(|e| format!("{name} is not well-formed XML: {e}"))
}

/// True when `node` is the element `name` (any namespace prefix).
pub fn is(node: &roxmltree::Node<'_, '_>, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name
}

/// The attribute `name` of `node`, whatever its namespace.
pub fn attr<'a>(node: &roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name)
        .map(|a| a.value())
}
