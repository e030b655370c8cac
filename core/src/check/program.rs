//! A form's rule instances compiled for evaluation: flat arrays of cell indices.
//!
//! [`Instance`]s are the readable, exportable form of the rules; checking a report walks this
//! compact copy instead (one pass over `u32` codes, no per-term enum matching, instances whose
//! outcome the cell types already guarantee left out), which keeps the generated check close to
//! a hand-written one.

use crate::check::rule::{Body, Instance, Op, Operand, Side};
use crate::model::num::Num;

/// One evaluable instance.
#[derive(Clone, Debug)]
pub enum Step {
    /// `Σ codes[lhs] op Σ codes[rhs]`.
    Compare {
        /// Index into the form's instances.
        instance: u32,
        /// Start of the left side in [`Program::codes`].
        start: u32,
        /// End of the left side, start of the right side.
        split: u32,
        /// End of the right side.
        end: u32,
        /// Operator.
        op: Op,
        /// The side holding the stated result, if any.
        result: Option<Side>,
    },
    /// `min <= cell <= max`.
    Range {
        /// Index into the form's instances.
        instance: u32,
        /// The cell.
        cell: u32,
        /// Smallest allowed value.
        min: Option<Num>,
        /// Largest allowed value.
        max: Option<Num>,
    },
}

/// A term: `cell << 2 | constant << 1 | negative`. A constant's index points into
/// [`Program::constants`].
pub type Code = u32;

/// The compiled rules of a form.
#[derive(Clone, Debug, Default)]
pub struct Program {
    /// Evaluable instances, in instance order.
    pub steps: Vec<Step>,
    /// Terms of all comparisons, side after side.
    pub codes: Vec<Code>,
    /// Literal values named by constant codes.
    pub constants: Vec<Num>,
}

impl Program {
    /// Compiles `instances`.
    pub fn compile(instances: &[Instance]) -> Program {
        let mut program = Program::default();
        for (index, instance) in instances.iter().enumerate() {
            let index = u32::try_from(index).expect("fewer than 2^32 rule instances");
            match &instance.body {
                Body::Compare {
                    lhs,
                    op,
                    rhs,
                    result,
                } => {
                    let start = program.len();
                    program.push_terms(lhs);
                    let split = program.len();
                    program.push_terms(rhs);
                    let end = program.len();
                    program.steps.push(Step::Compare {
                        instance: index,
                        start,
                        split,
                        end,
                        op: *op,
                        result: *result,
                    });
                }
                Body::Range { by_type: true, .. } => {}
                Body::Range { cell, min, max, .. } => program.steps.push(Step::Range {
                    instance: index,
                    cell: code_index(*cell),
                    min: *min,
                    max: *max,
                }),
            }
        }
        program
    }

    fn len(&self) -> u32 {
        u32::try_from(self.codes.len()).expect("fewer than 2^32 terms")
    }

    fn push_terms(&mut self, terms: &[crate::check::rule::Term]) {
        for term in terms {
            let negative = u32::from(term.negative);
            let code = match term.operand {
                Operand::Cell(cell) => code_index(cell) << 2 | negative,
                Operand::Const(n) => {
                    self.constants.push(n);
                    code_index(self.constants.len() - 1) << 2 | 0b10 | negative
                }
            };
            self.codes.push(code);
        }
    }
}

fn code_index(index: usize) -> u32 {
    // Two bits of a code are flags, so indices stop at 2^30: far beyond any report form.
    u32::try_from(index)
        .ok()
        .filter(|&i| i < 1 << 30)
        .expect("fewer than 2^30 cells")
}
