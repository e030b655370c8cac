//! Exact numbers for rule arithmetic.
//!
//! Counts are summed as `i128` (a sum of `u64` cells cannot overflow it in any real form, and
//! every operation is checked anyway); as soon as an amount takes part the arithmetic moves to
//! [`Decimal`], again checked. Nothing here ever rounds or wraps: an overflow is a `None`
//! that the checker reports.

use core::cmp::Ordering;
use core::fmt;

use rust_decimal::Decimal;

/// An exact number: an integer, or a decimal once an amount is involved.
#[derive(Clone, Copy, Debug)]
pub enum Num {
    /// An integer.
    Int(i128),
    /// A decimal.
    Dec(Decimal),
}

impl Num {
    /// Zero.
    pub const ZERO: Num = Num::Int(0);

    /// The number as a decimal; `None` for an integer beyond a decimal's range.
    pub fn as_decimal(self) -> Option<Decimal> {
        match self {
            Num::Int(i) => Decimal::try_from_i128_with_scale(i, 0).ok(),
            Num::Dec(d) => Some(d),
        }
    }

    /// `self + other`, or `None` on overflow.
    #[inline]
    pub fn checked_add(self, other: Num) -> Option<Num> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a.checked_add(b).map(Num::Int),
            (a, b) => a.as_decimal()?.checked_add(b.as_decimal()?).map(Num::Dec),
        }
    }

    /// `self - other`, or `None` on overflow.
    #[inline]
    pub fn checked_sub(self, other: Num) -> Option<Num> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a.checked_sub(b).map(Num::Int),
            (a, b) => a.as_decimal()?.checked_sub(b.as_decimal()?).map(Num::Dec),
        }
    }

    /// `self × other`, exactly, or `None` when the product needs more than a decimal holds
    /// (never rounded).
    #[inline]
    pub fn checked_mul(self, other: Num) -> Option<Num> {
        let parts = |n: Num| match n {
            Num::Int(i) => (i, 0),
            Num::Dec(d) => (d.mantissa(), d.scale()),
        };
        let ((a, sa), (b, sb)) = (parts(self), parts(other));
        let mantissa = a.checked_mul(b)?;
        match (self, other) {
            (Num::Int(_), Num::Int(_)) => Some(Num::Int(mantissa)),
            _ => Decimal::try_from_i128_with_scale(mantissa, sa + sb)
                .ok()
                .map(Num::Dec),
        }
    }

    /// `-self`, or `None` on overflow.
    #[inline]
    pub fn checked_neg(self) -> Option<Num> {
        match self {
            Num::Int(a) => a.checked_neg().map(Num::Int),
            Num::Dec(d) => Some(Num::Dec(-d)),
        }
    }

    /// Reads an integer or decimal literal as written in a form declaration.
    pub fn parse(text: &str) -> Option<Num> {
        if let Ok(i) = text.parse::<i128>() {
            return Some(Num::Int(i));
        }
        text.parse::<Decimal>().ok().map(Num::Dec)
    }
}

impl From<i128> for Num {
    fn from(value: i128) -> Num {
        Num::Int(value)
    }
}

impl PartialEq for Num {
    fn eq(&self, other: &Num) -> bool {
        self.partial_cmp(other) == Some(Ordering::Equal)
    }
}

impl Eq for Num {}

impl PartialOrd for Num {
    fn partial_cmp(&self, other: &Num) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Num {
    fn cmp(&self, other: &Num) -> Ordering {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a.cmp(b),
            // Against zero (every `range(min = 0)`), the sign says it.
            (Num::Int(0), Num::Dec(b)) if b.is_zero() => Ordering::Equal,
            (Num::Int(0), Num::Dec(b)) if b.is_sign_negative() => Ordering::Greater,
            (Num::Int(0), Num::Dec(_)) => Ordering::Less,
            // An i128 beyond Decimal's 96-bit range is larger in magnitude than any Decimal.
            (Num::Int(a), Num::Dec(b)) => match Num::Int(*a).as_decimal() {
                Some(a) => a.cmp(b),
                None if *a < 0 => Ordering::Less,
                None => Ordering::Greater,
            },
            (Num::Dec(_), Num::Int(_)) => other.cmp(self).reverse(),
            (Num::Dec(a), Num::Dec(b)) => a.cmp(b),
        }
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Num::Int(i) => i.fmt(f),
            Num::Dec(d) => d.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_arithmetic_is_checked() {
        assert_eq!(Num::Int(i128::MAX).checked_add(Num::Int(1)), None);
        assert_eq!(
            Num::Int(u64::MAX.into()).checked_add(Num::Int(u64::MAX.into())),
            Some(Num::Int(2 * i128::from(u64::MAX)))
        );
    }

    #[test]
    fn mixed_arithmetic_is_exact() {
        let a = Num::parse("0.1").unwrap();
        let sum = a.checked_add(a).unwrap().checked_add(a).unwrap();
        assert_eq!(sum, Num::parse("0.3").unwrap());
        assert_eq!(Num::Int(3), Num::parse("3.00").unwrap());
        assert!(Num::Int(2) < Num::parse("2.5").unwrap());
    }
}
