//! Timing several functions in one process, in interleaved rounds, so that a drift in the
//! machine's load touches them alike: what the benchmarks compare is each one's median time per
//! call over the rounds.

use std::time::Instant;

/// The median seconds per call of each function, over `rounds` rounds in which each runs its
/// given number of calls in turn.
pub fn medians(rounds: usize, runs: &[(&dyn Fn(), u32)]) -> Vec<f64> {
    let mut times: Vec<Vec<f64>> = vec![Vec::with_capacity(rounds); runs.len()];
    for _ in 0..rounds {
        for ((f, calls), times) in runs.iter().zip(&mut times) {
            let start = Instant::now();
            for _ in 0..*calls {
                f();
            }
            times.push(start.elapsed().as_secs_f64() / f64::from(*calls));
        }
    }
    times
        .into_iter()
        .map(|mut t| {
            t.sort_by(f64::total_cmp);
            t[t.len() / 2]
        })
        .collect()
}
