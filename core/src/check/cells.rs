//! A filled form's cells as the evaluator reads them: one word per cell, in declaration order,
//! written by the derive's typed access (`Component::write_cells`).
//!
//! A word is a `u128`: a count in its low 64 bits, or, for a blank or not-applicable cell, 0
//! there and a 1 at bit 96. Adding the words of a side therefore sums its counts below bit 96
//! and counts its blanks above, in one addition per cell, with no branch: a side reads fewer
//! than 2^31 cells, so neither part can spill into the other. Marks and numbers that are not
//! counts (decimals, negative signed counts) are kept exactly beside the words, by cell index;
//! the evaluator never sums the word of such a cell (see [`crate::check::eval`]).

use crate::model::cell::{Mark, Slot};
use crate::model::num::Num;

/// The blank bit of a word.
pub(crate) const EMPTY: u128 = 1 << 96;
/// The part of a sum of words that is the sum of their counts.
pub(crate) const VALUE: u128 = EMPTY - 1;

std::thread_local! {
    /// The cells a check on this thread gathers into: kept between checks, so checking a form
    /// allocates nothing for its cells and writes each word once.
    static SCRATCH: core::cell::RefCell<Cells> = core::cell::RefCell::new(Cells::default());
}

/// Runs `f` with this thread's scratch cells made ready for `cells` cells (or with fresh ones,
/// when a check is already using them further up this thread's stack).
pub(crate) fn with_scratch<R>(cells: usize, f: impl FnOnce(&mut Cells) -> R) -> R {
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => {
            scratch.reset(cells);
            f(&mut scratch)
        }
        Err(_) => {
            let mut fresh = Cells::default();
            fresh.reset(cells);
            f(&mut fresh)
        }
    })
}

/// The cells of one filled form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cells {
    words: Vec<u128>,
    /// Not-applicable marks, by cell index, in order.
    marks: Vec<(u32, Mark)>,
    /// Numbers that are not counts, by cell index, in order.
    others: Vec<(u32, Num)>,
}

impl Cells {
    /// Room for `cells` cells.
    pub fn with_capacity(cells: usize) -> Cells {
        Cells {
            words: Vec::with_capacity(cells),
            marks: Vec::new(),
            others: Vec::new(),
        }
    }

    /// Makes room for exactly `cells` cells, to be set by index: words already there are kept
    /// (every one is overwritten by a form's `write_cells`), side lists emptied.
    pub(crate) fn reset(&mut self, cells: usize) {
        self.words.resize(cells, 0);
        self.marks.clear();
        self.others.clear();
    }

    /// Sets cell `at` to a count.
    #[inline(always)]
    pub fn set_count(&mut self, at: usize, value: u64) {
        self.words[at] = u128::from(value);
    }

    /// Sets cell `at` blank.
    #[inline(always)]
    pub fn set_blank(&mut self, at: usize) {
        self.words[at] = EMPTY;
    }

    /// Sets cell `at` to a not-applicable mark. Cells holding marks or numbers that are not
    /// counts must be set in increasing order, as `write_cells` sets every cell.
    #[inline]
    pub fn set_mark(&mut self, at: usize, mark: Mark) {
        self.words[at] = EMPTY;
        self.marks.push((index_u32(at), mark));
    }

    /// Sets cell `at` to any number (in increasing order, see [`Cells::set_mark`]).
    #[inline]
    pub fn set_num(&mut self, at: usize, value: Num) {
        if let Num::Int(i) = value
            && let Ok(count) = u64::try_from(i)
        {
            return self.set_count(at, count);
        }
        self.words[at] = 0;
        self.others.push((index_u32(at), value));
    }

    /// The cells of `slots`, in order.
    pub fn from_slots(slots: &[Slot]) -> Cells {
        let mut cells = Cells::with_capacity(slots.len());
        for &slot in slots {
            cells.push_slot(slot);
        }
        cells
    }

    /// Appends a count.
    #[inline(always)]
    pub fn push_count(&mut self, value: u64) {
        self.words.push(u128::from(value));
    }

    /// Appends a blank cell.
    #[inline(always)]
    pub fn push_blank(&mut self) {
        self.words.push(EMPTY);
    }

    /// Appends a not-applicable mark.
    #[inline]
    pub fn push_mark(&mut self, mark: Mark) {
        self.marks.push((self.next_index(), mark));
        self.words.push(EMPTY);
    }

    /// Appends any number.
    #[inline]
    pub fn push_num(&mut self, value: Num) {
        if let Num::Int(i) = value
            && let Ok(count) = u64::try_from(i)
        {
            return self.push_count(count);
        }
        self.others.push((self.next_index(), value));
        self.words.push(0);
    }

    /// Appends a cell as rules see it.
    pub fn push_slot(&mut self, slot: Slot) {
        match slot {
            Slot::Num(n) => self.push_num(n),
            Slot::Blank => self.push_blank(),
            Slot::NotApplicable(m) => self.push_mark(m),
        }
    }

    fn next_index(&self) -> u32 {
        index_u32(self.words.len())
    }

    /// How many cells.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The cell at `index` as rules see it; blank past the end.
    pub fn slot(&self, index: usize) -> Slot {
        let Some(&word) = self.words.get(index) else {
            return Slot::Blank;
        };
        let key = u32::try_from(index).unwrap_or(u32::MAX);
        if word & EMPTY != 0 {
            return find(&self.marks, key).map_or(Slot::Blank, Slot::NotApplicable);
        }
        match find(&self.others, key) {
            Some(n) => Slot::Num(n),
            None => Slot::Num(Num::Int(word as i128)),
        }
    }

    /// Every cell as rules see it.
    pub fn slots(&self) -> Vec<Slot> {
        (0..self.len()).map(|i| self.slot(i)).collect()
    }

    /// The words, for the evaluator.
    #[inline(always)]
    pub(crate) fn words(&self) -> &[u128] {
        &self.words
    }
}

fn index_u32(index: usize) -> u32 {
    // Forms have far fewer than 2^31 cells (the evaluator's indices say so too).
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// The entry for cell `key` of a list kept in cell order.
fn find<T: Copy>(list: &[(u32, T)], key: u32) -> Option<T> {
    list.binary_search_by_key(&key, |&(i, _)| i)
        .ok()
        .map(|k| list[k].1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn every_cell_reads_back_as_written() {
        let slots = [
            Slot::Num(Num::Int(0)),
            Slot::Num(Num::Int(u64::MAX.into())),
            Slot::Num(Num::Int(-3)),
            Slot::Num(Num::Int(i128::from(u64::MAX) + 1)),
            Slot::Num(Num::Dec(Decimal::new(9617160, 2))),
            Slot::Blank,
            Slot::NotApplicable(Mark::Wu),
            Slot::NotApplicable(Mark::Slash),
        ];
        let cells = Cells::from_slots(&slots);
        assert_eq!(cells.slots(), slots);
        assert_eq!(cells.slot(99), Slot::Blank);
    }

    #[test]
    fn a_sum_of_words_holds_the_counts_and_the_blanks_apart() {
        let mut cells = Cells::default();
        for _ in 0..1000 {
            cells.push_count(u64::MAX);
            cells.push_blank();
            cells.push_mark(Mark::EmDash);
        }
        let sum: u128 = cells.words().iter().sum();
        assert_eq!(sum & VALUE, 1000 * u128::from(u64::MAX));
        assert_eq!(sum >> 96, 2000);
    }
}
