//! Shapes: what a field's type looks like to rules, known at compile time.
//!
//! The derive cannot see inside the types of a struct's fields, so every [`Component`]
//! carries a `const SHAPE`, and generated code asserts in a `const` item that a `total` can be
//! summed from its siblings and that the operands of an element-wise `check` line up. A
//! mismatch is then a compile error at the attribute, not a surprise at run time.
//!
//! [`Component`]: crate::Component

/// The shape of a component, as rules see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One numeric cell.
    Cell,
    /// One numeric cell a report may leave out (`Option<Count>`): a cell to the rules, not a
    /// column of a row (every row has every column).
    AbsentCell,
    /// No numbers: narrative text or metadata.
    Text,
    /// One row of cells: a `#[form(columns)]` struct. The number identifies its column layout.
    Row(u64),
    /// Rows (or groups of rows) that all share one column layout.
    Rows(u64),
    /// Numbers in some other arrangement.
    Record,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

const fn mix(mut hash: u64, byte: u8) -> u64 {
    hash ^= byte as u64;
    hash.wrapping_mul(FNV_PRIME)
}

const fn mix_u64(mut hash: u64, value: u64) -> u64 {
    let bytes = value.to_le_bytes();
    let mut i = 0;
    while i < bytes.len() {
        hash = mix(hash, bytes[i]);
        i += 1;
    }
    hash
}

impl Shape {
    /// True when the component holds numbers.
    pub const fn is_numeric(self) -> bool {
        !matches!(self, Shape::Text)
    }

    /// The shape of a `#[form(columns)]` struct with these fields (name, shape).
    pub const fn row(fields: &[(&str, Shape)]) -> Shape {
        let mut hash = FNV_OFFSET;
        let mut i = 0;
        while i < fields.len() {
            let (name, shape) = fields[i];
            i += 1;
            let nested = match shape {
                Shape::Cell => 1,
                Shape::AbsentCell => panic!(
                    "a column of a `#[form(columns)]` struct cannot be absent (`Option<Count>`): every row has every column; a blank cell is `Count`'s `null`"
                ),
                Shape::Row(sig) => sig,
                Shape::Text => continue,
                Shape::Rows(_) | Shape::Record => return Shape::Record,
            };
            let bytes = name.as_bytes();
            let mut b = 0;
            while b < bytes.len() {
                hash = mix(hash, bytes[b]);
                b += 1;
            }
            hash = mix(hash, 0);
            hash = mix_u64(hash, nested);
        }
        Shape::Row(hash)
    }

    /// The shape of a plain struct with fields of these shapes.
    pub const fn group(fields: &[Shape]) -> Shape {
        let mut layout: Option<u64> = None;
        let mut numeric = false;
        let mut i = 0;
        while i < fields.len() {
            let sig = match fields[i] {
                Shape::Text => {
                    i += 1;
                    continue;
                }
                Shape::Row(sig) | Shape::Rows(sig) => sig,
                Shape::Cell | Shape::AbsentCell | Shape::Record => return Shape::Record,
            };
            numeric = true;
            match layout {
                None => layout = Some(sig),
                Some(first) if first == sig => {}
                Some(_) => return Shape::Record,
            }
            i += 1;
        }
        match layout {
            Some(sig) if numeric => Shape::Rows(sig),
            _ => Shape::Text,
        }
    }

    /// True for a row (a `#[form(columns)]` struct).
    pub const fn is_row(self) -> bool {
        matches!(self, Shape::Row(_))
    }

    /// How many instances a `total` of this shape and size has: one per column of a row, else
    /// one.
    pub const fn total_width(self, cells: usize) -> usize {
        if self.is_row() { cells } else { 1 }
    }

    /// The layout of the rows this component holds, if it is a row or rows of one layout.
    pub const fn layout(self) -> Option<u64> {
        match self {
            Shape::Row(sig) | Shape::Rows(sig) => Some(sig),
            _ => None,
        }
    }
}

/// Compile-time check behind `#[form(total)]`: `total` must be summable from `siblings`.
///
/// A single cell sums every numeric cell of its siblings; a row sums its siblings' rows column
/// by column, so each sibling must be a row of the same layout or a group of such rows.
pub const fn assert_total(total: Shape, siblings: &[Shape]) {
    let mut any = false;
    let mut i = 0;
    while i < siblings.len() {
        let sibling = siblings[i];
        i += 1;
        if !sibling.is_numeric() {
            continue;
        }
        any = true;
        match total {
            Shape::Cell | Shape::AbsentCell => {}
            Shape::Row(sig) => match sibling.layout() {
                Some(other) if other == sig => {}
                _ => panic!(
                    "`#[form(total)]` on a row: every sibling must be a row of the same columns, or a group of such rows"
                ),
            },
            _ => panic!(
                "`#[form(total)]` needs a field that is one cell or one row (a `#[form(columns)]` struct)"
            ),
        }
    }
    if !any {
        panic!("`#[form(total)]` has no numeric siblings to sum");
    }
}

/// Compile-time check behind `#[form(check(..))]`: operands are all single cells, or all rows of
/// one column layout (compared column by column).
pub const fn assert_elementwise(operands: &[Shape]) {
    let mut layout: Option<u64> = None;
    let mut cells = false;
    let mut i = 0;
    while i < operands.len() {
        match operands[i] {
            Shape::Cell | Shape::AbsentCell => cells = true,
            Shape::Row(sig) => match layout {
                None => layout = Some(sig),
                Some(first) if first == sig => {}
                Some(_) => panic!(
                    "`#[form(check(..))]` compares rows with different columns; element-wise operands must share one columns struct"
                ),
            },
            Shape::Text => panic!("`#[form(check(..))]` operand holds no numbers"),
            Shape::Rows(_) | Shape::Record => panic!(
                "`#[form(check(..))]` operand is a group of rows; name a single cell or a single row"
            ),
        }
        i += 1;
    }
    if cells && layout.is_some() {
        panic!("`#[form(check(..))]` mixes single cells and rows; compare like with like");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_with_the_same_columns_share_a_layout() {
        let a = Shape::row(&[("x", Shape::Cell), ("y", Shape::Cell)]);
        let b = Shape::row(&[("x", Shape::Cell), ("y", Shape::Cell)]);
        let c = Shape::row(&[("x", Shape::Cell), ("z", Shape::Cell)]);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(
            Shape::group(&[a, Shape::Text, b]),
            Shape::Rows(a.layout().unwrap())
        );
        assert_eq!(Shape::group(&[a, c]), Shape::Record);
    }
}
