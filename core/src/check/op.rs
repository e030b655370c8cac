//! The comparison operators of rules: the one place that says what each means.
//!
//! The derive passes an operator as written (`==`); [`Op::from_symbol`] is evaluated in a
//! `const`, so an operator the runtime does not know is a compile error at the `check`. The
//! evaluator decides with [`Op::holds`]; the JSON Logic export writes [`Op::symbol`], which is
//! JSON Logic's name for the same comparison; explanations of a failure use
//! [`Op::failed_symbol`]. Adding an operator is a change here and nowhere else.

use core::fmt;

use serde::Serialize;

use crate::check::const_str;
use crate::model::num::Num;

/// A comparison between the two sides of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Op {
    /// `==`
    #[serde(rename = "==")]
    Eq,
    /// `!=`
    #[serde(rename = "!=")]
    Ne,
    /// `<`
    #[serde(rename = "<")]
    Lt,
    /// `<=`
    #[serde(rename = "<=")]
    Le,
    /// `>`
    #[serde(rename = ">")]
    Gt,
    /// `>=`
    #[serde(rename = ">=")]
    Ge,
}

impl Op {
    /// Every operator.
    pub const ALL: [Op; 6] = [Op::Eq, Op::Ne, Op::Lt, Op::Le, Op::Gt, Op::Ge];

    /// The operator as Rust (and JSON Logic) writes it.
    pub const fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "==",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }

    /// The operator written `symbol`. A `const fn`: the derive calls it in a `const`, so an
    /// operator not listed here fails to compile where the rule is declared.
    pub const fn from_symbol(symbol: &str) -> Op {
        let mut i = 0;
        while i < Op::ALL.len() {
            if const_str::eq(Op::ALL[i].symbol(), symbol) {
                return Op::ALL[i];
            }
            i += 1;
        }
        panic!("this comparison is not supported in `check`; use one of == != < <= > >=")
    }

    /// Whether `lhs op rhs` holds.
    #[inline(always)]
    pub fn holds<N: Ord>(self, lhs: N, rhs: N) -> bool {
        match self {
            Op::Eq => lhs == rhs,
            Op::Ne => lhs != rhs,
            Op::Lt => lhs < rhs,
            Op::Le => lhs <= rhs,
            Op::Gt => lhs > rhs,
            Op::Ge => lhs >= rhs,
        }
    }

    /// Whether `lhs op rhs` holds when the sides may each be off by their rounding, together at
    /// most `tolerance`: whether some pair of values within it satisfies the comparison.
    /// `difference` is `lhs - rhs`.
    pub fn holds_within(self, difference: Num, tolerance: Num) -> bool {
        let below = tolerance.checked_neg().unwrap_or(tolerance);
        match self {
            Op::Eq => below <= difference && difference <= tolerance,
            Op::Ne => difference < below || tolerance < difference,
            Op::Lt => difference < tolerance,
            Op::Le => difference <= tolerance,
            Op::Gt => difference > below,
            Op::Ge => difference >= below,
        }
    }

    /// [`Op::holds_within`] as JSON Logic, over expressions of the difference and the
    /// tolerance.
    pub fn logic_within(
        self,
        difference: serde_json::Value,
        tolerance: serde_json::Value,
    ) -> serde_json::Value {
        use serde_json::json;
        let below = json!({ "-": [tolerance.clone()] });
        match self {
            Op::Eq => json!({ "<=": [below, difference, tolerance] }),
            Op::Ne => json!({ "!": { "<=": [below, difference, tolerance] } }),
            Op::Lt => json!({ "<": [difference, tolerance] }),
            Op::Le => json!({ "<=": [difference, tolerance] }),
            Op::Gt => json!({ ">": [difference, below] }),
            Op::Ge => json!({ ">=": [difference, below] }),
        }
    }

    /// What a failure of the comparison shows between the two sides: `12 ≠ 13`, `5 > 3`.
    pub const fn failed_symbol(self) -> &'static str {
        match self {
            Op::Eq => "≠",
            Op::Ne => "=",
            Op::Lt => "≥",
            Op::Le => ">",
            Op::Gt => "≤",
            Op::Ge => "<",
        }
    }

    /// The operator with its sides exchanged: `a <= b` is `b >= a`.
    pub const fn flipped(self) -> Op {
        match self {
            Op::Eq => Op::Eq,
            Op::Ne => Op::Ne,
            Op::Lt => Op::Gt,
            Op::Le => Op::Ge,
            Op::Gt => Op::Lt,
            Op::Ge => Op::Le,
        }
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

#[cfg(test)]
mod tests {
    use super::Op;

    #[test]
    fn every_operator_reads_back_from_its_symbol() {
        for op in Op::ALL {
            assert_eq!(Op::from_symbol(op.symbol()), op);
            assert_eq!(op.flipped().flipped(), op);
        }
    }

    #[test]
    fn each_operator_means_its_comparison() {
        let cases = [(1, 2), (2, 2), (3, 2)];
        for (l, r) in cases {
            assert_eq!(Op::Eq.holds(l, r), l == r);
            assert_eq!(Op::Ne.holds(l, r), l != r);
            assert_eq!(Op::Lt.holds(l, r), l < r);
            assert_eq!(Op::Le.holds(l, r), l <= r);
            assert_eq!(Op::Gt.holds(l, r), l > r);
            assert_eq!(Op::Ge.holds(l, r), l >= r);
            for op in Op::ALL {
                assert_eq!(op.holds(l, r), op.flipped().holds(r, l));
            }
        }
    }
}
