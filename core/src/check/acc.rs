//! [`Acc`]: one side of a rule instance being summed, exactly.
//!
//! Both readings of a form sum through it: the check, adding a filled form's cells as the
//! generated traversal reaches them, and [`decide`](crate::check::eval::decide), adding cells
//! given as [`Slot`]s. What the sums then mean is decided in one place,
//! [`settle`](crate::check::eval::settle).

use rust_decimal::Decimal;

use crate::check::rule::Side;
use crate::model::cell::Slot;
use crate::model::num::Num;

/// One side of one rule instance, being summed.
///
/// The sum is exact: an i128 holding the value times 10^`scale`. Counts alone keep scale 0
/// and take an unchecked fast path; the first amount (a decimal) or constant moves the side to
/// checked arithmetic, rescaling as decimals with more places arrive. A sum that no longer
/// fits is flagged as an overflow, never wrapped or rounded (`Decimal`'s own addition would
/// round past 28 digits). Kept at 32 bytes: accumulators sit in registers in the check, and
/// their size shows in its speed.
#[derive(Clone, Copy, Debug)]
pub struct Acc {
    int: i128,
    /// Cells read (low 32 bits) and blank cells among them (high 32 bits), in one word so
    /// that reading a cell is one update.
    counts: u64,
    /// `CHECKED`, `DECIMAL`, `CONSTANT` and `OVERFLOW`.
    flags: u8,
    scale: u8,
}

const ONE_CELL: u64 = 1;
const ONE_BLANK: u64 = 1 << 32;
/// Something other than a count was added: the fast path no longer applies.
const CHECKED: u8 = 1;
/// A decimal was added: the value is a decimal.
const DECIMAL: u8 = 2;
/// A constant was added: the side is not a stated result.
const CONSTANT: u8 = 4;
const OVERFLOW: u8 = 8;

impl Default for Acc {
    fn default() -> Acc {
        Acc::ZERO
    }
}

impl Acc {
    /// An empty side.
    pub const ZERO: Acc = Acc {
        int: 0,
        counts: 0,
        flags: 0,
        scale: 0,
    };

    /// Adds (or subtracts) a count cell's value.
    ///
    /// While only counts were added the sum is unchecked on purpose: a cell holds less than
    /// 2^64 in magnitude and one side reads each cell of a form at most once, so the i128 sum
    /// would need 2^63 cells to overflow.
    #[inline(always)]
    pub fn add_cell_int(&mut self, value: i128, negative: bool) {
        self.counts += ONE_CELL;
        if self.flags != 0 {
            *self = self.plus_scaled(value, 0, negative);
        } else if negative {
            self.int -= value;
        } else {
            self.int += value;
        }
    }

    /// Adds (or subtracts) a cell holding any number (an amount, a signed count).
    #[inline]
    pub fn add_cell_num(&mut self, value: Num, negative: bool) {
        self.counts += ONE_CELL;
        self.add_num(value, negative);
    }

    /// Adds (or subtracts) a constant of the rule.
    #[inline]
    pub fn add_constant(&mut self, value: Num, negative: bool) {
        self.flags |= CONSTANT;
        self.add_num(value, negative);
    }

    /// Adds (or subtracts) `part` multiplied by `factor`, exactly: `2 * a`. Its cells and
    /// blanks count as read; the side is no longer a stated result (it holds a constant).
    #[inline(never)]
    pub fn add_scaled(&mut self, part: Acc, factor: Num, negative: bool) {
        self.counts += part.counts;
        self.flags |= CONSTANT | (part.flags & DECIMAL);
        let (mantissa, scale) = match factor {
            Num::Int(i) => (i, 0),
            Num::Dec(d) => {
                self.flags |= DECIMAL;
                (d.mantissa(), d.scale())
            }
        };
        let product = part.int.checked_mul(mantissa);
        match product {
            Some(product) if part.flags & OVERFLOW == 0 => {
                *self = self.plus_scaled(product, u32::from(part.scale) + scale, negative);
            }
            _ => self.flags |= CHECKED | OVERFLOW,
        }
    }

    /// Marks one blank or not-applicable cell read: it counts as 0.
    #[inline(always)]
    pub fn count_blank(&mut self) {
        self.counts += ONE_CELL | ONE_BLANK;
    }

    /// Adds (or subtracts) a cell as a [`Slot`].
    #[inline]
    pub fn add_slot(&mut self, slot: Slot, negative: bool) {
        match slot {
            Slot::Num(Num::Int(i)) if (0..=i128::from(u64::MAX)).contains(&i) => {
                self.add_cell_int(i, negative);
            }
            Slot::Num(n) => self.add_cell_num(n, negative),
            Slot::Blank | Slot::NotApplicable(_) => self.count_blank(),
            Slot::Overflow => {
                self.counts += ONE_CELL;
                self.flags |= CHECKED | OVERFLOW;
            }
        }
    }

    /// Adds (or subtracts) `part`, one column of repeated rows summed apart, as one cell: blank
    /// when it read cells and all were blank, else its sum (0 for no rows).
    #[inline(never)]
    pub fn add_rows(&mut self, part: Acc, negative: bool) {
        if part.cells() > 0 && part.blanks() == part.cells() {
            self.count_blank();
        } else if part.flags == 0 {
            // Counts alone: below 2^64 per cell, and far fewer than 2^63 rows.
            self.add_cell_int(part.int, negative);
        } else if part.flags & OVERFLOW != 0 {
            self.counts += ONE_CELL;
            self.flags |= CHECKED | OVERFLOW;
        } else {
            self.counts += ONE_CELL;
            self.flags |= part.flags & DECIMAL;
            *self = self.plus_scaled(part.int, u32::from(part.scale), negative);
        }
    }

    /// The column of repeated rows this side summed, as one cell ([`Acc::add_rows`]).
    pub fn rows_slot(&self) -> Slot {
        if self.cells() > 0 && self.blanks() == self.cells() {
            return Slot::Blank;
        }
        match self.value() {
            Some(n) => Slot::Num(n),
            None => Slot::Overflow,
        }
    }

    #[inline]
    fn add_num(&mut self, value: Num, negative: bool) {
        match value {
            Num::Int(i) => *self = self.plus_scaled(i, 0, negative),
            Num::Dec(d) => {
                self.flags |= DECIMAL;
                *self = self.plus_scaled(d.mantissa(), d.scale(), negative);
            }
        }
    }

    /// The side plus `mantissa / 10^scale`, exactly, or flagged as overflowed. By value and
    /// out of line: the hot path never takes the accumulator's address.
    #[inline(never)]
    fn plus_scaled(mut self, mantissa: i128, scale: u32, negative: bool) -> Acc {
        self.flags |= CHECKED;
        let target = scale.max(u32::from(self.scale));
        let ten = |places: u32| 10i128.checked_pow(places);
        let sum = ten(target - u32::from(self.scale))
            .and_then(|f| self.int.checked_mul(f))
            .zip(ten(target - scale).and_then(|f| mantissa.checked_mul(f)))
            .and_then(|(own, other)| {
                if negative {
                    own.checked_sub(other)
                } else {
                    own.checked_add(other)
                }
            });
        match (sum, u8::try_from(target)) {
            (Some(sum), Ok(target)) => {
                self.int = sum;
                self.scale = target;
            }
            _ => self.flags |= OVERFLOW,
        }
        self
    }

    /// How many blank or not-applicable cells were read.
    #[inline(always)]
    pub fn blanks(&self) -> u32 {
        (self.counts >> 32) as u32
    }

    /// How many cells were read.
    #[inline(always)]
    pub fn cells(&self) -> u32 {
        self.counts as u32
    }

    /// True while only counts were added: [`Acc::int_sum`] is the sum.
    #[inline(always)]
    pub(crate) fn is_int(&self) -> bool {
        self.flags == 0
    }

    /// The sum of counts, for a side that holds counts only.
    #[inline(always)]
    pub(crate) fn int_sum(&self) -> i128 {
        self.int
    }

    /// The sum, or `None` when it overflowed or is a decimal beyond what [`Decimal`] holds.
    pub fn value(&self) -> Option<Num> {
        if self.flags & OVERFLOW != 0 {
            return None;
        }
        if self.flags & DECIMAL == 0 {
            return Some(Num::Int(self.int));
        }
        Decimal::try_from_i128_with_scale(self.int, u32::from(self.scale))
            .ok()
            .map(Num::Dec)
    }

    /// True when the side is one cell and nothing else: a stated result.
    #[inline(always)]
    fn is_one_cell(&self) -> bool {
        self.cells() == 1 && self.flags & CONSTANT == 0
    }
}

/// Which side of a comparison states its result: the left one when it is a single cell (a
/// total, the `x` of `x == a + b`), else the right one when it is; none otherwise. A blank
/// stated result makes the comparison not assessable.
#[inline(always)]
pub fn stated(lhs: &Acc, rhs: &Acc) -> Option<Side> {
    if lhs.is_one_cell() {
        Some(Side::Lhs)
    } else if rhs.is_one_cell() {
        Some(Side::Rhs)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_sums_never_round() {
        let mut acc = Acc::ZERO;
        acc.add_cell_num(Num::Dec(Decimal::MAX), false);
        acc.add_cell_num(Num::Dec(Decimal::new(1, 1)), false);
        // 79228162514264337593543950335.1 has 30 digits: beyond a Decimal, so an overflow.
        assert_eq!(acc.value(), None);
        let mut acc = Acc::ZERO;
        for _ in 0..3 {
            acc.add_cell_num(Num::Dec(Decimal::new(1, 1)), false);
        }
        acc.add_constant(Num::Int(1), true);
        assert_eq!(acc.value(), Some(Num::Dec(Decimal::new(-7, 1))));
        assert_eq!(acc.cells(), 3);
    }

    #[test]
    fn counts_and_blanks_are_counted_apart() {
        let mut acc = Acc::ZERO;
        acc.add_cell_int(5, false);
        acc.count_blank();
        acc.add_slot(Slot::Blank, false);
        assert_eq!(
            (acc.cells(), acc.blanks(), acc.value()),
            (3, 2, Some(Num::Int(5)))
        );
        assert!(acc.is_int());
    }
}
