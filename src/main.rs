//! `budget-studio`: with no subcommand, the desktop app (optionally opening FILE); `check` and
//! `summary` work on a file from the command line.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};

use budget_studio::cli;

#[derive(Parser)]
#[command(
    name = "budget-studio",
    version,
    about = "部门预算公开编制与展示 / budget disclosure studio"
)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// Budget file to open in the app (the bundled sample when omitted).
    file: Option<PathBuf>,
    /// Language of messages.
    #[arg(long, value_enum, default_value_t = Lang::Zh, global = true)]
    lang: Lang,
}

#[derive(Clone, Copy, ValueEnum)]
enum Lang {
    Zh,
    En,
}

#[derive(Subcommand)]
enum Command {
    /// List the reconciliation findings; exit 0 without errors, 1 with errors, 2 if unreadable.
    Check {
        /// The budget file (.ron).
        file: PathBuf,
    },
    /// Print the derived figures.
    Summary {
        /// The budget file (.ron).
        file: PathBuf,
        /// Machine-readable JSON (amounts as exact decimal strings).
        #[arg(long)]
        json: bool,
    },
    /// Write a synthetic but valid budget of about N lines (deterministic for a seed).
    Generate {
        /// About how many 功能分类 lines.
        #[arg(long, default_value_t = 100_000)]
        lines: usize,
        /// Seed of the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to write the budget (.ron).
        out: PathBuf,
    },
    /// Export every chart as a 1920×1080 PNG, without opening a window.
    Charts {
        /// The budget file (.ron).
        file: PathBuf,
        /// Folder to write into (created if missing).
        #[arg(long, default_value = ".")]
        out: PathBuf,
        /// Dark background (for a dark projector room).
        #[arg(long)]
        dark: bool,
    },
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    match run(started) {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(e) => {
            eprintln!("{e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(started: std::time::Instant) -> Result<i32> {
    let args = Args::parse();
    let zh = matches!(args.lang, Lang::Zh);
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let report = match args.command {
        Some(Command::Check { file }) => {
            cli::check(&file, zh, &mut stdout.lock(), &mut stderr.lock())
        }
        Some(Command::Summary { file, json }) => {
            cli::summary(&file, json, zh, &mut stdout.lock(), &mut stderr.lock())
        }
        Some(Command::Charts { file, out, dark }) => cli::charts(
            &file,
            &out,
            zh,
            dark,
            &mut stdout.lock(),
            &mut stderr.lock(),
        ),
        Some(Command::Generate { lines, seed, out }) => {
            let budget = budget_studio::synth::generate(lines, seed);
            budget_studio::io::save(&budget, &out)?;
            println!(
                "{}: {} lines, {} projects",
                out.display(),
                budget.function_lines.len(),
                budget.projects.len()
            );
            return Ok(0);
        }
        None => {
            budget_studio::app::run(args.file, started)?;
            return Ok(0);
        }
    };
    // Failing to write the report (a closed pipe, a full disk) is an I/O failure too: exit 2.
    Ok(report.unwrap_or_else(|e| {
        eprintln!("{e}");
        cli::EXIT_UNREADABLE
    }))
}
