//! The likely wrong cells: error localisation in the sense of Fellegi and Holt (1976).
//!
//! For the failing rules of a report, the smallest sets of cells whose change makes every rule
//! hold, and the values that would: when one wrong number breaks a row total and a column total,
//! the cell where they cross is the one set of one cell that explains both. Sets are tried by
//! size, up to [`MAX_CELLS`]; every set of the smallest size that works is a candidate (ties
//! are listed, not chosen among).
//!
//! A set must touch every failing instance. Its cells' values are solved from the equalities
//! it touches (exact rational arithmetic); a set whose values the equalities leave open is
//! passed over (with a free cell kept as it is, a smaller set would do). The values found must
//! be of the cells' kinds (a count a whole number, not negative), and every instance the set
//! touches is decided again with them, by the one definition of what an instance means
//! ([`crate::check::eval::decide_gated`]): none may fail. The rules localised over are the
//! error-severity ones; where only rules of lower severity fail, those.
//!
//! Work is bounded: at most [`MAX_CANDIDATE_CELLS`] cells are considered (the cells of the
//! failing instances), and at most [`MAX_SETS`] sets are tried.

use crate::check::condition::Gate;
use crate::check::eval::decide_gated;
use crate::check::op::Op;
use crate::check::outcome::Status;
use crate::check::rule::{Body, Operand, Severity};
use crate::model::cell::{Slot, ValueKind};
use crate::model::info::FormInfo;
use crate::model::num::Num;

/// The most cells a candidate set holds.
pub const MAX_CELLS: usize = 3;
/// The most cells considered: the failing instances' cells beyond it are not localised.
pub const MAX_CANDIDATE_CELLS: usize = 80;
/// The most sets tried in all.
pub const MAX_SETS: usize = 200_000;

/// A cell of a candidate set and the value that would make the rules hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Index into [`FormInfo::cells`].
    pub cell: usize,
    /// The value as read.
    pub was: Slot,
    /// The value that would make every rule hold: the only one where the equalities
    /// determine it, else the one nearest the value read within `allowed`.
    pub value: Num,
    /// Where no equality determines the value, every value from the first to the second
    /// (either open) makes the rules hold: `None` when `value` is the only one.
    pub allowed: Option<(Option<Num>, Option<Num>)>,
}

impl Change {
    /// `三、… › （一）予以公开 › 自然人 = 6，改为 5`.
    pub fn describe(&self, info: &FormInfo, lang: crate::model::lang::Lang) -> String {
        use crate::model::lang::Lang;
        let fix = crate::check::findings::fix_text(self.value, self.allowed, lang);
        let label = info.cells[self.cell].label_path();
        match lang {
            Lang::Zh => format!("{label} = {}，{fix}", self.was.describe(lang)),
            Lang::En => format!("{label} = {}, {fix}", self.was.describe(lang)),
        }
    }
}

/// The likely wrong cells of a report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Localisation {
    /// The smallest sets of cells whose change makes every rule hold, each with its values;
    /// empty when none of up to [`MAX_CELLS`] cells does (or nothing fails).
    pub candidates: Vec<Vec<Change>>,
    /// True when the search stopped at a bound before trying every set up to
    /// [`MAX_CELLS`] cells.
    pub bounded: bool,
}

impl Localisation {
    /// How many cells each candidate changes (0 when there is none).
    pub fn size(&self) -> usize {
        self.candidates.first().map_or(0, Vec::len)
    }

    /// True when exactly one set explains the failures.
    pub fn is_unique(&self) -> bool {
        self.candidates.len() == 1
    }
}

/// Localises the failures among `outcomes` of a form with cells `slots`; `unread` cells (not
/// read from the published report) are never candidates.
pub fn localise(
    info: &FormInfo,
    slots: &[Slot],
    outcomes: &[crate::check::outcome::Outcome],
    unread: &[bool],
) -> Localisation {
    let failing_at = |severity: Option<Severity>| -> Vec<usize> {
        outcomes
            .iter()
            .filter(|o| matches!(o.status, Status::Fail { .. }))
            .filter(|o| {
                severity.is_none_or(|s| info.rules[info.instances[o.instance].rule].severity == s)
            })
            .map(|o| o.instance)
            .collect()
    };
    let mut failing = failing_at(Some(Severity::Error));
    let hard_only = !failing.is_empty();
    if failing.is_empty() {
        failing = failing_at(None);
    }
    if failing.is_empty() {
        return Localisation::default();
    }
    // Instances decided as the report stands, the ones a change must keep or make true.
    let kept: Vec<usize> = outcomes
        .iter()
        .filter(|o| {
            let instance = &info.instances[o.instance];
            let severity = info.rules[instance.rule].severity;
            let decided = match o.status {
                Status::Fail { .. } => true,
                // A condition's gate is the form's to know: a passing conditional instance
                // is left as it is.
                Status::Pass => instance.when.is_none(),
                Status::NotAssessable(_) => false,
            };
            decided && instance.is_evaluated() && (!hard_only || severity == Severity::Error)
        })
        .map(|o| o.instance)
        .collect();

    let mut cells: Vec<usize> = Vec::new();
    for &i in &failing {
        for c in info.instances[i].cells() {
            let editable = info.cells[c].rows.is_none() && !unread.get(c).copied().unwrap_or(false);
            if editable && !cells.contains(&c) {
                cells.push(c);
            }
        }
    }
    cells.sort_unstable();
    let mut bounded = cells.len() > MAX_CANDIDATE_CELLS;
    cells.truncate(MAX_CANDIDATE_CELLS);
    // The instances each cell is in, among those kept.
    let touches = |set: &[usize], instance: usize| {
        info.instances[instance]
            .cells()
            .iter()
            .any(|c| set.contains(c))
    };

    let mut tried = 0usize;
    for size in 1..=MAX_CELLS {
        let mut candidates = Vec::new();
        let mut set = Vec::with_capacity(size);
        let stopped = each_set(&cells, size, &mut set, &mut |set| {
            tried += 1;
            if tried > MAX_SETS {
                return false;
            }
            // Every failing instance must read a cell of the set.
            if failing.iter().all(|&i| touches(set, i))
                && let Some(changes) = solve(info, slots, set, &kept)
            {
                candidates.push(changes);
            }
            true
        });
        if !candidates.is_empty() {
            return Localisation {
                candidates,
                bounded: bounded || stopped,
            };
        }
        if stopped {
            bounded = true;
            break;
        }
    }
    Localisation {
        candidates: Vec::new(),
        bounded,
    }
}

/// Calls `visit` with every set of `size` of `cells` (in order); stops, returning true, when
/// `visit` says to.
fn each_set(
    cells: &[usize],
    size: usize,
    set: &mut Vec<usize>,
    visit: &mut dyn FnMut(&[usize]) -> bool,
) -> bool {
    if set.len() == size {
        return !visit(set);
    }
    let start = match set.last() {
        Some(last) => cells
            .iter()
            .position(|c| c == last)
            .map_or(cells.len(), |p| p + 1),
        None => 0,
    };
    for &cell in &cells[start..] {
        set.push(cell);
        let stopped = each_set(cells, size, set, visit);
        set.pop();
        if stopped {
            return true;
        }
    }
    false
}

/// One instance as a linear condition on the cells of a set: Σ coefficients × cells `op`
/// constant, the other cells at their values.
struct Condition {
    coefficients: Vec<Q>,
    op: Op,
    constant: Q,
}

/// The values of `set` that make every instance of `kept` it touches hold, where the
/// equalities determine them (or, for one cell, the inequalities bound it); `None` otherwise.
fn solve(info: &FormInfo, slots: &[Slot], set: &[usize], kept: &[usize]) -> Option<Vec<Change>> {
    let touching: Vec<usize> = kept
        .iter()
        .copied()
        .filter(|&i| info.instances[i].cells().iter().any(|c| set.contains(c)))
        .collect();
    let mut conditions = Vec::with_capacity(touching.len());
    for &i in &touching {
        conditions.push(condition(info, slots, set, i)?);
    }
    let equalities: Vec<(Vec<Q>, Q)> = conditions
        .iter()
        .filter(|c| c.op == Op::Eq)
        .map(|c| (c.coefficients.clone(), c.constant))
        .collect();
    let (values, allowed) = match eliminate(equalities, set.len()) {
        Solved::One(values) => (values, None::<Vec<Option<(Option<Num>, Option<Num>)>>>),
        Solved::None => return None,
        // Cells no equality reads, each bounded on its own by inequalities on it alone.
        Solved::Many => separately(info, slots, set, &conditions)?,
    };
    let mut changes = Vec::with_capacity(set.len());
    for (k, &cell) in set.iter().enumerate() {
        let number = values[k].to_num()?;
        let allowed = allowed.as_ref().and_then(|a| a[k]);
        if !fits(info.cells[cell].kind, number) {
            return None;
        }
        let was = slots.get(cell).copied().unwrap_or(Slot::Blank);
        // A cell left as it was is no change: a smaller set would do.
        if was == Slot::Num(number) {
            return None;
        }
        changes.push(Change {
            cell,
            was,
            value: number,
            allowed,
        });
    }
    // Every instance the set touches is decided again with the new values: none may fail.
    let changed = |c: usize| {
        changes.iter().find(|change| change.cell == c).map_or_else(
            || slots.get(c).copied().unwrap_or(Slot::Blank),
            |change| Slot::Num(change.value),
        )
    };
    for &i in &touching {
        let (status, _) = decide_gated(&info.instances[i], changed, Gate::Open);
        if matches!(status, Status::Fail { .. }) {
            return None;
        }
    }
    Some(changes)
}

/// The values of a set whose cells the equalities do not read, where each inequality reads
/// at most one of them: each cell bounded on its own, its value the nearest within bounds.
#[allow(clippy::type_complexity)]
fn separately(
    info: &FormInfo,
    slots: &[Slot],
    set: &[usize],
    conditions: &[Condition],
) -> Option<(Vec<Q>, Option<Vec<Option<(Option<Num>, Option<Num>)>>>)> {
    let reads = |c: &Condition| c.coefficients.iter().filter(|a| !a.is_zero()).count();
    let separable = conditions
        .iter()
        .all(|c| reads(c) <= 1 && (c.op != Op::Eq || reads(c) == 0));
    if !separable {
        return None;
    }
    let mut values = Vec::with_capacity(set.len());
    let mut allowed = Vec::with_capacity(set.len());
    for (k, &cell) in set.iter().enumerate() {
        let own: Vec<Condition> = conditions
            .iter()
            .filter(|c| !c.coefficients[k].is_zero())
            .map(|c| Condition {
                coefficients: vec![c.coefficients[k]],
                op: c.op,
                constant: c.constant,
            })
            .collect();
        let was = match slots.get(cell) {
            Some(Slot::Num(n)) => Q::from_num(*n)?,
            _ => Q::ZERO,
        };
        let (value, bounds) = bounded(&own, info.cells[cell].kind, was)?;
        values.push(value);
        allowed.push(Some(bounds));
    }
    Some((values, Some(allowed)))
}

/// Instance `i` as a condition on the cells of `set`.
fn condition(info: &FormInfo, slots: &[Slot], set: &[usize], i: usize) -> Option<Condition> {
    let value = |c: usize| match slots.get(c) {
        Some(Slot::Num(n)) => Q::from_num(*n),
        _ => Some(Q::ZERO),
    };
    let mut coefficients = vec![Q::ZERO; set.len()];
    let mut constant = Q::ZERO;
    match &info.instances[i].body {
        Body::Compare { lhs, op, rhs, .. } => {
            for (terms, side) in [(lhs, Q::ONE), (rhs, Q::MINUS_ONE)] {
                for term in terms {
                    let mut factor = term.factor.map_or(Some(Q::ONE), Q::from_num)?;
                    factor = factor.mul(side)?;
                    if term.negative {
                        factor = factor.neg()?;
                    }
                    match term.operand {
                        Operand::Cell(c) => match set.iter().position(|&s| s == c) {
                            Some(k) => coefficients[k] = coefficients[k].add(factor)?,
                            None => constant = constant.sub(factor.mul(value(c)?)?)?,
                        },
                        Operand::Const(n) => {
                            constant = constant.sub(factor.mul(Q::from_num(n)?)?)?;
                        }
                    }
                }
            }
            Some(Condition {
                coefficients,
                op: *op,
                constant,
            })
        }
        // A range is checked on the values found; as a condition it bounds nothing here.
        Body::Range { .. } => Some(Condition {
            coefficients,
            op: Op::Ne,
            constant: Q::ONE,
        }),
    }
}

/// The value of the one cell of a set that the inequalities `conditions` bound, nearest
/// `was`, and the bounds; `None` when they leave no value (or a strict bound on a decimal).
#[allow(clippy::type_complexity)]
fn bounded(
    conditions: &[Condition],
    kind: ValueKind,
    was: Q,
) -> Option<(Q, (Option<Num>, Option<Num>))> {
    let integer = kind != ValueKind::Amount;
    let mut low = (kind == ValueKind::Count).then_some(Q::ZERO);
    let mut high: Option<Q> = None;
    for c in conditions {
        let a = c.coefficients[0];
        if a.is_zero() || matches!(c.op, Op::Eq | Op::Ne) {
            continue;
        }
        // a·x op b  ⇒  x op' b / a, the operator turned where a < 0.
        let bound = c.constant.div(a)?;
        let op = if a.n < 0 { c.op.flipped() } else { c.op };
        let (is_low, strict) = match op {
            Op::Lt => (false, true),
            Op::Le => (false, false),
            Op::Gt => (true, true),
            Op::Ge => (true, false),
            Op::Eq | Op::Ne => continue,
        };
        if strict && !integer {
            return None;
        }
        let bound = match (integer, is_low) {
            (true, true) if strict => bound.floor()?.add(Q::ONE)?,
            (true, true) => bound.ceil()?,
            (true, false) if strict => bound.ceil()?.sub(Q::ONE)?,
            (true, false) => bound.floor()?,
            (false, _) => bound,
        };
        if is_low {
            low = Some(low.map_or(bound, |l| if bound.gt(l) { bound } else { l }));
        } else {
            high = Some(high.map_or(bound, |h| if bound.gt(h) { h } else { bound }));
        }
    }
    if let (Some(l), Some(h)) = (low, high)
        && l.gt(h)
    {
        return None;
    }
    let value = match (low, high) {
        (Some(l), _) if l.gt(was) => l,
        (_, Some(h)) if was.gt(h) => h,
        // Within the bounds already: the inequalities are not what fails.
        _ => return None,
    };
    let num = |q: Option<Q>| q.and_then(Q::to_num);
    Some((value, (num(low), num(high))))
}

/// True when `value` is a value a cell of `kind` can hold.
fn fits(kind: ValueKind, value: Num) -> bool {
    match (kind, value) {
        (ValueKind::Count, Num::Int(i)) => u64::try_from(i).is_ok(),
        (ValueKind::SignedCount, Num::Int(i)) => i64::try_from(i).is_ok(),
        (ValueKind::Amount, _) => true,
        (_, Num::Dec(_)) => false,
    }
}

/// What a system of equalities leaves.
#[derive(Debug, PartialEq, Eq)]
enum Solved {
    /// One solution.
    One(Vec<Q>),
    /// None (or one past exact arithmetic).
    None,
    /// Many: some unknown is not determined.
    Many,
}

/// Solves `rows` (coefficients over `unknowns`, and the constant each sum equals) by
/// Gauss–Jordan elimination.
fn eliminate(rows: Vec<(Vec<Q>, Q)>, unknowns: usize) -> Solved {
    match reduce(rows, unknowns) {
        Some(Some(values)) => Solved::One(values),
        Some(None) => Solved::Many,
        None => Solved::None,
    }
}

/// `Some(Some(values))`: one solution; `Some(None)`: many; `None`: none, or an overflow.
fn reduce(mut rows: Vec<(Vec<Q>, Q)>, unknowns: usize) -> Option<Option<Vec<Q>>> {
    let mut pivot_row = 0;
    let mut determined = true;
    for column in 0..unknowns {
        let Some(found) = (pivot_row..rows.len()).find(|&r| !rows[r].0[column].is_zero()) else {
            // Not determined by the equalities.
            determined = false;
            continue;
        };
        rows.swap(pivot_row, found);
        let pivot = rows[pivot_row].0[column];
        let (coefficients, constant) = &mut rows[pivot_row];
        for c in coefficients.iter_mut() {
            *c = c.div(pivot)?;
        }
        *constant = constant.div(pivot)?;
        let (pivot_coefficients, pivot_constant) = rows[pivot_row].clone();
        for (r, row) in rows.iter_mut().enumerate() {
            if r == pivot_row || row.0[column].is_zero() {
                continue;
            }
            let factor = row.0[column];
            for (c, p) in row.0.iter_mut().zip(&pivot_coefficients) {
                *c = c.sub(factor.mul(*p)?)?;
            }
            row.1 = row.1.sub(factor.mul(pivot_constant)?)?;
        }
        pivot_row += 1;
    }
    // Any equation left over must hold as 0 = 0.
    if rows[pivot_row..]
        .iter()
        .any(|(_, constant)| !constant.is_zero())
    {
        return None;
    }
    if !determined {
        return Some(None);
    }
    Some(Some(
        rows[..unknowns]
            .iter()
            .map(|(_, constant)| *constant)
            .collect(),
    ))
}

/// An exact rational number, reduced, its denominator positive; every operation checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Q {
    n: i128,
    d: i128,
}

impl Q {
    const ZERO: Q = Q { n: 0, d: 1 };
    const ONE: Q = Q { n: 1, d: 1 };
    const MINUS_ONE: Q = Q { n: -1, d: 1 };

    fn new(n: i128, d: i128) -> Option<Q> {
        if d == 0 {
            return None;
        }
        let g = gcd(n, d);
        let (mut n, mut d) = (n / g, d / g);
        if d < 0 {
            n = n.checked_neg()?;
            d = d.checked_neg()?;
        }
        Some(Q { n, d })
    }

    fn from_num(num: Num) -> Option<Q> {
        match num {
            Num::Int(i) => Some(Q { n: i, d: 1 }),
            Num::Dec(d) => Q::new(d.mantissa(), 10i128.checked_pow(d.scale())?),
        }
    }

    /// The number, where it is one a cell can hold: an integer, or a decimal of at most 28
    /// places.
    fn to_num(self) -> Option<Num> {
        if self.d == 1 {
            return Some(Num::Int(self.n));
        }
        // A denominator of only 2s and 5s is a finite decimal.
        let mut scale = 0u32;
        let mut power = 1i128;
        while power % self.d != 0 {
            scale += 1;
            if scale > 28 {
                return None;
            }
            power = power.checked_mul(10)?;
        }
        let mantissa = self.n.checked_mul(power / self.d)?;
        let decimal = rust_decimal::Decimal::try_from_i128_with_scale(mantissa, scale).ok()?;
        Some(Num::Dec(decimal.normalize()))
    }

    fn is_zero(self) -> bool {
        self.n == 0
    }

    /// `self > other`.
    fn gt(self, other: Q) -> bool {
        // Denominators are positive: compare cross products, in wider checked arithmetic.
        match (self.n.checked_mul(other.d), other.n.checked_mul(self.d)) {
            (Some(a), Some(b)) => a > b,
            _ => false,
        }
    }

    fn floor(self) -> Option<Q> {
        Some(Q {
            n: self.n.div_euclid(self.d),
            d: 1,
        })
    }

    fn ceil(self) -> Option<Q> {
        let floor = self.floor()?;
        if floor == self {
            Some(floor)
        } else {
            floor.add(Q::ONE)
        }
    }

    fn add(self, o: Q) -> Option<Q> {
        Q::new(
            self.n
                .checked_mul(o.d)?
                .checked_add(o.n.checked_mul(self.d)?)?,
            self.d.checked_mul(o.d)?,
        )
    }

    fn neg(self) -> Option<Q> {
        Some(Q {
            n: self.n.checked_neg()?,
            d: self.d,
        })
    }

    fn sub(self, o: Q) -> Option<Q> {
        self.add(o.neg()?)
    }

    fn mul(self, o: Q) -> Option<Q> {
        Q::new(self.n.checked_mul(o.n)?, self.d.checked_mul(o.d)?)
    }

    fn div(self, o: Q) -> Option<Q> {
        Q::new(self.n.checked_mul(o.d)?, self.d.checked_mul(o.n)?)
    }
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    // Never 0 for a denominator that is not; i128::MIN's magnitude does not fit back.
    i128::try_from(a).unwrap_or(1).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rationals_stay_exact() {
        let third = Q::new(1, 3).unwrap();
        assert_eq!(third.add(third).unwrap().add(third).unwrap(), Q::ONE);
        assert_eq!(third.to_num(), None);
        assert_eq!(
            Q::new(5, 2).unwrap().to_num(),
            Some(Num::Dec("2.5".parse().unwrap()))
        );
        assert_eq!(Q::new(-6, -3).unwrap(), Q { n: 2, d: 1 });
        assert_eq!(Q::new(1, 0), None);
        assert_eq!(Q { n: i128::MAX, d: 1 }.add(Q::ONE), None);
    }

    #[test]
    fn systems_solve_exactly_or_say_there_is_no_one_solution() {
        let q = |n| Q { n, d: 1 };
        // x + y = 3, x - y = 1.
        let rows = vec![(vec![q(1), q(1)], q(3)), (vec![q(1), q(-1)], q(1))];
        assert_eq!(eliminate(rows, 2), Solved::One(vec![q(2), q(1)]));
        // x + y = 3 alone: many.
        assert_eq!(eliminate(vec![(vec![q(1), q(1)], q(3))], 2), Solved::Many);
        // No equation at all: many.
        assert_eq!(eliminate(vec![], 1), Solved::Many);
        // x = 1, x = 2: none.
        assert_eq!(
            eliminate(vec![(vec![q(1)], q(1)), (vec![q(1)], q(2))], 1),
            Solved::None
        );
        // x = 1 twice: one.
        assert_eq!(
            eliminate(vec![(vec![q(1)], q(1)), (vec![q(1)], q(1))], 1),
            Solved::One(vec![q(1)])
        );
    }
}
