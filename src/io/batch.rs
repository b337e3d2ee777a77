//! Many documents written side by side (导出全部单位, `export --all-units`): one worker per
//! core and one more, the largest document first, stopping between documents when asked.
//!
//! The extra worker is for the typesetter: a document lays its pages out on the typesetter's
//! own thread pool and waits for it, and a piece of one page run keeps one thread of that pool
//! busy while the other idles. With as many workers as cores a tenth of the machine stood idle
//! so; one more worker fills it (101 PDFs of a 100-unit department, two cores: about a tenth
//! sooner, for a tenth more memory).

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// How many documents are written at once.
#[must_use]
pub fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get) + 1
}

/// Runs `work` on every job, [`workers`] at a time, the jobs of largest `size` first, and hands
/// each result to `done` as it comes (with the job's index). Once `cancel` is set no job is
/// started; those under way finish.
pub fn run_all<J: Sync, R>(
    jobs: &[J],
    size: impl Fn(&J) -> usize,
    cancel: &AtomicBool,
    work: impl Fn(&J) -> R + Sync,
    done: impl Fn(usize, R) + Sync,
) {
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    // The biggest first, so the last to finish is a small one.
    order.sort_by_key(|&i| std::cmp::Reverse(size(&jobs[i])));
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..workers().min(jobs.len()) {
            scope.spawn(|| {
                while !cancel.load(Ordering::Relaxed) {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&i) = order.get(k) else { break };
                    done(i, work(&jobs[i]));
                }
            });
        }
    });
}

/// [`run_all`] without cancelling, the results in the jobs' order.
pub fn map_all<J: Sync, R: Send>(
    jobs: &[J],
    size: impl Fn(&J) -> usize,
    work: impl Fn(&J) -> R + Sync,
) -> Vec<R> {
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..jobs.len()).map(|_| None).collect());
    run_all(jobs, size, &AtomicBool::new(false), work, |i, r| {
        if let Ok(mut all) = results.lock()
            && let Some(slot) = all.get_mut(i)
        {
            *slot = Some(r);
        }
    });
    results
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .into_iter()
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_job_runs_once_and_results_keep_the_jobs_order() {
        let jobs: Vec<usize> = (0..50).collect();
        let ran = AtomicUsize::new(0);
        let out = map_all(
            &jobs,
            |j| *j % 7,
            |j| {
                ran.fetch_add(1, Ordering::Relaxed);
                j * 2
            },
        );
        assert_eq!(ran.load(Ordering::Relaxed), 50);
        assert_eq!(out, jobs.iter().map(|j| j * 2).collect::<Vec<_>>());
    }

    #[test]
    fn the_largest_jobs_start_first_and_none_starts_once_cancelled() {
        let jobs: Vec<usize> = (0..64).map(|j| (j * 37) % 64).collect();
        let cancel = AtomicBool::new(false);
        let started = Mutex::new(Vec::new());
        // The first job to run cancels: each worker runs at most the one job it took.
        run_all(
            &jobs,
            |j| *j,
            &cancel,
            |j| {
                if let Ok(mut s) = started.lock() {
                    s.push(*j);
                }
                cancel.store(true, Ordering::Relaxed);
            },
            |_, ()| {},
        );
        let mut started = started.into_inner().unwrap_or_default();
        started.sort_unstable_by(|a, b| b.cmp(a));
        assert!(!started.is_empty() && started.len() <= workers());
        // The ones started are the largest.
        let largest: Vec<usize> = (64 - started.len()..64).rev().collect();
        assert_eq!(started, largest);
    }
}
