//! The ZIP packages of Office files (XLSX, DOCX), opened with bounds: a package is refused when
//! it has too many entries or when its parts inflate past a budget, so a zip bomb costs at most
//! the budget in time and memory. Sizes are counted while inflating, not taken from the
//! archive's directory, which a hostile file can fill with any numbers.

use std::io::{Cursor, Read};

use crate::read::refusal::Refusal;

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
    pub fn open(bytes: Vec<u8>) -> Result<Package, Refusal> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Refusal::NotZip {
            detail: e.to_string(),
        })?;
        if zip.len() > MAX_ENTRIES {
            return Err(Refusal::TooManyEntries {
                entries: zip.len(),
                limit: MAX_ENTRIES,
            });
        }
        Ok(Package {
            zip,
            budget: MAX_INFLATED,
        })
    }

    /// The part `name` as text, `None` when the package has no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<String>, Refusal> {
        let unreadable = |detail: String| Refusal::PartUnreadable {
            part: name.to_owned(),
            detail,
        };
        let file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(unreadable(e.to_string())),
        };
        let mut bytes = Vec::new();
        let read = file
            .take(self.budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| unreadable(e.to_string()))?;
        if read as u64 > self.budget {
            return Err(Refusal::ZipBomb {
                part: name.to_owned(),
                limit: MAX_INFLATED,
            });
        }
        self.budget -= read as u64;
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| Refusal::PartNotUtf8 {
                part: name.to_owned(),
            })
    }
}

/// Parses a part's XML, saying which part is broken.
pub fn parse<'a>(name: &str, text: &'a str) -> Result<roxmltree::Document<'a>, Refusal> {
    roxmltree::Document::parse(text).map_err(|e| Refusal::NotXml {
        part: name.to_owned(),
        detail: e.to_string(),
    })
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
