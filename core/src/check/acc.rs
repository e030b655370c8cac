//! The arithmetic of compiled checks: what generated `evaluate` code calls.
//!
//! `#[derive(Form)]` emits, for every rule, straight-line code that adds the rule's cells into
//! [`Acc`]umulators by direct field access and then [`decide`]s the instance, so checking a
//! form costs about what a hand-written check costs. The semantics are those of
//! `check` (blanks, result sides, exact arithmetic); `tests/` compares the two
//! engines on many reports.

use rust_decimal::Decimal;

use crate::check::rule::{Op, Side};
use crate::check::{Reason, Status};
use crate::model::cell::{Slot, ValueKind};
use crate::model::num::Num;

/// One side of one rule instance, being summed.
///
/// The sum is exact: an i128 holding the value times 10^`scale`. Counts alone keep scale 0
/// and take an unchecked fast path; the first amount (a decimal) or literal moves the side to
/// checked arithmetic, rescaling as decimals with more places arrive. A sum that no longer
/// fits is flagged as an overflow, never wrapped or rounded. Kept at 32 bytes: accumulators sit
/// in registers or small stack slots in generated code, and their size shows in the speed.
#[derive(Clone, Copy, Debug)]
pub struct Acc {
    int: i128,
    /// Cells read (low 32 bits) and blank cells among them (high 32 bits), in one word so
    /// that reading a cell is one update.
    counts: u64,
    /// `CHECKED`, `HAS_DEC` and `OVERFLOW`.
    flags: u8,
    scale: u8,
}

const ONE_CELL: u64 = 1;
const ONE_BLANK: u64 = 1 << 32;
/// Something other than a count was added: the fast path no longer applies.
const CHECKED: u8 = 1;
/// A decimal was added: the value is a decimal.
const HAS_DEC: u8 = 2;
const OVERFLOW: u8 = 4;

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

    /// Adds (or subtracts) a number that is not a count cell: a literal, or an amount.
    #[inline]
    pub fn add_num(&mut self, value: Num, negative: bool) {
        match value {
            Num::Int(i) => *self = self.plus_scaled(i, 0, negative),
            Num::Dec(d) => {
                self.flags |= HAS_DEC;
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

    /// Adds (or subtracts) an amount cell.
    #[inline]
    pub fn add_cell_num(&mut self, value: Num, negative: bool) {
        self.counts += ONE_CELL;
        self.add_num(value, negative);
    }

    /// Adds (or subtracts) a cell as the interpreting engine reads it.
    #[inline]
    pub fn add_slot(&mut self, slot: Slot, negative: bool) {
        match slot {
            Slot::Num(Num::Int(i)) => self.add_cell_int(i, negative),
            Slot::Num(n) => self.add_cell_num(n, negative),
            Slot::Blank | Slot::NotApplicable(_) => self.count_blank(),
        }
    }

    /// Marks one blank or not-applicable cell read.
    #[inline(always)]
    pub fn count_blank(&mut self) {
        self.counts += ONE_CELL | ONE_BLANK;
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

    /// The integer sum, for sides that hold counts only.
    #[inline(always)]
    pub fn int_value(&self) -> Num {
        Num::Int(self.int)
    }

    /// The sum, or `None` when it overflowed or is a decimal beyond what [`Decimal`] holds.
    pub fn value(&self) -> Option<Num> {
        if self.flags & OVERFLOW != 0 {
            return None;
        }
        if self.flags & HAS_DEC == 0 {
            return Some(Num::Int(self.int));
        }
        Decimal::try_from_i128_with_scale(self.int, u32::from(self.scale))
            .ok()
            .map(Num::Dec)
    }
}

/// The common case of [`decide`]: with no blank, no amount and no overflow on either side,
/// whether the comparison holds; `None` otherwise.
#[inline(always)]
pub fn fast_compare(lhs: &Acc, rhs: &Acc, op: Op) -> Option<bool> {
    if (lhs.counts | rhs.counts) >> 32 != 0 || lhs.flags | rhs.flags != 0 {
        return None;
    }
    Some(fast_compare_ints(lhs.int, rhs.int, op))
}

/// Decides one instance from its two sides, with the documented blank semantics.
#[inline(always)]
///
/// The sides are taken by value so that, in generated code, an accumulator's address never
/// escapes and it can live in registers while the cells are added.
pub fn decide(lhs: Acc, rhs: Acc, op: Op, result: Option<Side>) -> Status {
    // The common case: no blank, no amount, no overflow on either side.
    if (lhs.counts | rhs.counts) >> 32 == 0 && lhs.flags | rhs.flags == 0 {
        return if fast_compare_ints(lhs.int, rhs.int, op) {
            Status::Pass
        } else {
            Status::Fail {
                lhs: Num::Int(lhs.int),
                rhs: Num::Int(rhs.int),
            }
        };
    }
    decide_general(lhs, rhs, op, result)
}

#[inline(never)]
fn decide_general(lhs: Acc, rhs: Acc, op: Op, result: Option<Side>) -> Status {
    for (side, acc) in [(Side::Lhs, &lhs), (Side::Rhs, &rhs)] {
        if result == Some(side) && acc.blanks() > 0 {
            return Status::NotAssessable(Reason::ResultBlank(side));
        }
        if acc.cells() > 0 && acc.blanks() == acc.cells() {
            return Status::NotAssessable(Reason::SideBlank(side));
        }
    }
    if lhs.flags | rhs.flags == 0 {
        // Counts only (blanks read as 0): compare the integers.
        return match fast_compare_ints(lhs.int, rhs.int, op) {
            true => Status::Pass,
            false => Status::Fail {
                lhs: Num::Int(lhs.int),
                rhs: Num::Int(rhs.int),
            },
        };
    }
    match (lhs.value(), rhs.value()) {
        (Some(l), Some(r)) if op.holds(l, r) => Status::Pass,
        (Some(lhs), Some(rhs)) => Status::Fail { lhs, rhs },
        _ => Status::NotAssessable(Reason::Overflow),
    }
}

#[inline(always)]
fn fast_compare_ints(l: i128, r: i128, op: Op) -> bool {
    match op {
        Op::Eq => l == r,
        Op::Le => l <= r,
        Op::Ge => l >= r,
    }
}

/// The bounds of a `range` rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RangeSpec {
    /// Smallest allowed value.
    pub min: Option<Num>,
    /// Largest allowed value.
    pub max: Option<Num>,
    /// The value kinds (as [`ValueKind::bit`]) every value of which satisfies the range.
    guaranteed: u8,
}

impl RangeSpec {
    /// A range from its bounds. A `const fn`, so generated code builds it at compile time.
    pub const fn new(min: Option<Num>, max: Option<Num>) -> RangeSpec {
        // A count is never below 0, a signed count never below i64::MIN: a range with no
        // maximum and a minimum at or below that floor always holds for that kind.
        let mut guaranteed = 0;
        if max.is_none() {
            match min {
                Some(Num::Int(m)) => {
                    if m <= 0 {
                        guaranteed |= ValueKind::Count.bit();
                    }
                    if m <= i64::MIN as i128 {
                        guaranteed |= ValueKind::SignedCount.bit();
                    }
                }
                Some(Num::Dec(d)) if d.is_sign_negative() || d.is_zero() => {
                    guaranteed |= ValueKind::Count.bit();
                }
                Some(Num::Dec(_)) | None => {}
            }
        }
        RangeSpec {
            min,
            max,
            guaranteed,
        }
    }

    /// True when every value of `kind` satisfies the range (a count is never negative): such
    /// instances are kept as data but not evaluated.
    #[inline(always)]
    pub fn guaranteed_for(&self, kind: ValueKind) -> bool {
        self.guaranteed & kind.bit() != 0
    }

    /// True when every value of every kind in `kinds` (a [`ValueKind::bit`] mask) satisfies
    /// the range: a whole struct of counts needs no visit for `min = 0`.
    #[inline(always)]
    pub fn guaranteed_for_all(&self, kinds: u8) -> bool {
        kinds & !self.guaranteed == 0
    }

    /// How one cell fares. A range constrains the values that are given; blanks are the sum
    /// rules' and strict mode's business.
    pub fn status(&self, slot: Slot) -> Status {
        let Some(value) = slot.num() else {
            return Status::Pass;
        };
        match (self.min, self.max) {
            (Some(min), _) if value < min => Status::Fail {
                lhs: value,
                rhs: min,
            },
            (_, Some(max)) if value > max => Status::Fail {
                lhs: value,
                rhs: max,
            },
            _ => Status::Pass,
        }
    }
}
