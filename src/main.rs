//! `budget-studio`: with no subcommand, the desktop app (optionally opening FILE); `check`,
//! `summary`, `export xlsx`, `import xlsx` and the others work on files from the command line.

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
    /// Write the disclosure as a file of another kind.
    Export {
        #[command(subcommand)]
        what: ExportKind,
    },
    /// Read a budget from a file of another kind.
    Import {
        #[command(subcommand)]
        what: ImportKind,
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

#[derive(Subcommand)]
enum ExportKind {
    /// The tables, forms and findings as an Excel workbook (.xlsx); exit 2 if FILE is unreadable.
    Xlsx {
        /// The budget file (.ron).
        file: PathBuf,
        /// The workbook to write.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum ImportKind {
    /// A budget from an Excel workbook (the app's own export or the official table layouts);
    /// exit 2 if the workbook cannot be taken.
    Xlsx {
        /// The workbook (.xlsx, .xls or .ods).
        file: PathBuf,
        /// The budget file to write (.ron).
        #[arg(long)]
        out: PathBuf,
        /// The template the workbook follows, for what it does not say itself.
        #[arg(long, value_enum, default_value_t = TemplateArg::Shanxi)]
        template: TemplateArg,
    },
}

/// The disclosure templates a workbook can follow.
#[derive(Clone, Copy, ValueEnum)]
enum TemplateArg {
    /// Shanxi / Xinzhou: 万元, one code column, the five income sources of the seed.
    Shanxi,
    /// Shanghai district: 元, codes in 类/款/项 columns, 事业收入 and the like.
    Shanghai,
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
    match args.command {
        Some(Command::Check { file }) => Ok(cli::check(
            &file,
            zh,
            &mut stdout.lock(),
            &mut stderr.lock(),
        )?),
        Some(Command::Summary { file, json }) => Ok(cli::summary(
            &file,
            json,
            zh,
            &mut stdout.lock(),
            &mut stderr.lock(),
        )?),
        Some(Command::Generate { lines, seed, out }) => {
            let budget = budget_studio::synth::generate(lines, seed);
            budget_studio::io::save(&budget, &out)?;
            println!(
                "{}: {} lines, {} projects",
                out.display(),
                budget.function_lines.len(),
                budget.projects.len()
            );
            Ok(0)
        }
        Some(Command::Export {
            what: ExportKind::Xlsx { file, out },
        }) => Ok(cli::export_xlsx(
            &file,
            &out,
            zh,
            &mut stdout.lock(),
            &mut stderr.lock(),
        )?),
        Some(Command::Import {
            what:
                ImportKind::Xlsx {
                    file,
                    out,
                    template,
                },
        }) => {
            let template = match template {
                TemplateArg::Shanxi => budget_studio::io::xlsx::Template::Shanxi,
                TemplateArg::Shanghai => budget_studio::io::xlsx::Template::Shanghai,
            };
            Ok(cli::import_xlsx(
                &file,
                &out,
                template,
                zh,
                &mut stdout.lock(),
                &mut stderr.lock(),
            )?)
        }
        Some(Command::Charts { file, out, dark }) => Ok(cli::charts(
            &file,
            &out,
            zh,
            dark,
            &mut stdout.lock(),
            &mut stderr.lock(),
        )?),
        None => {
            budget_studio::app::run(args.file, started)?;
            Ok(0)
        }
    }
}
