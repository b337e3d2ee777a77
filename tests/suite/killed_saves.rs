//! Saves killed at random moments: a child process writes the same file over and over (the
//! `generate` command, alternating two seeds) and is killed after a random delay. Whatever the
//! moment, the file must be the complete old or the complete new budget, and the next save must
//! leave no temporary behind.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use budget_studio::io::to_ron_string;
use budget_studio::synth::generate;

/// Small enough for 200 runs in a debug build, large enough that writing takes a while.
const LINES: usize = 3_000;
const KILLS: usize = 200;

fn generate_into(path: &Path, seed: u64) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_budget-studio"));
    command
        .args([
            "generate",
            "--lines",
            &LINES.to_string(),
            "--seed",
            &seed.to_string(),
        ])
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// A small deterministic generator of delays (xorshift), so a failure can be replayed.
struct Delays(u64);

impl Delays {
    fn next_below(&mut self, limit: Duration) -> Duration {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        let micros = u64::try_from(limit.as_micros()).unwrap().max(1);
        Duration::from_micros(self.0 % micros)
    }
}

#[test]
fn killed_saves_leave_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("budget.ron");
    let texts = [1, 2].map(|seed| to_ron_string(&generate(LINES, seed)).unwrap());
    assert_ne!(texts[0], texts[1]);

    // One uninterrupted run says how long a save takes; kills fall anywhere in it.
    let started = Instant::now();
    assert!(generate_into(&path, 1).status().unwrap().success());
    let run = started.elapsed();
    let mut delays = Delays(0x2545_F491_4F6C_DD1D);

    let mut interrupted = 0;
    let mut temporaries_seen = 0;
    for kill in 0..KILLS {
        let seed = 1 + (kill as u64 % 2);
        let mut child = generate_into(&path, seed).spawn().unwrap();
        std::thread::sleep(delays.next_below(run + run / 5));
        if child.try_wait().unwrap().is_none() {
            interrupted += 1;
        }
        let _ = child.kill();
        child.wait().unwrap();
        let now = fs::read_to_string(&path).unwrap();
        assert!(
            now == texts[0] || now == texts[1],
            "kill {kill}: the file is neither budget ({} bytes)",
            now.len()
        );
        temporaries_seen += fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                let name = e.as_ref().unwrap().file_name();
                name.to_string_lossy().ends_with(".tmp")
            })
            .count();
    }
    eprintln!(
        "{KILLS} kills, {interrupted} of a running save, {temporaries_seen} temporaries seen; \
         one run takes {run:?}"
    );
    assert!(
        interrupted > KILLS / 4,
        "only {interrupted} kills hit a running save"
    );

    // The next save cleans up after all of them.
    assert!(generate_into(&path, 2).status().unwrap().success());
    assert_eq!(fs::read_to_string(&path).unwrap(), texts[1]);
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["budget.ron", "budget.ron.bak"]);
}
