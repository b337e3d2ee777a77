//! `budget-studio`: with no subcommand, the desktop app (optionally opening FILE); `check` and
//! `summary` work on a file from the command line.
//!
//! On Windows the program is built for the GUI subsystem, so starting the app from the Start menu
//! or by double-clicking a budget opens no console window beside it. Such a program gets no
//! console of its own, so at start it borrows the one of the shell it was started from, if any:
//! then the subcommands, `--help` and `--version` print there as usual.

// The GUI subsystem: no console window for the app (see above).
#![cfg_attr(windows, windows_subsystem = "windows")]
//! `budget-studio`: with no subcommand, the desktop app (optionally opening FILE); `check`,
//! `summary`, `narrative`, `compare`, `export xlsx`, `import xlsx` and the others work on files from the command line.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};

use budget_studio::cli;
use budget_studio::model::TemplateId;

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
    /// A template file (.ron) to publish in, instead of the template the budget names (for
    /// check, summary, narrative and the exports). Exit 2 if it cannot be read.
    #[arg(long, global = true, value_name = "FILE")]
    template_file: Option<PathBuf>,
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
    /// Print the 情况说明 written from the figures; exit 2 if FILE is unreadable.
    Narrative {
        /// The budget file (.ron).
        file: PathBuf,
        /// Last year's budget file, as the base of every change (instead of the last-year
        /// figures written in FILE).
        #[arg(long)]
        last_year: Option<PathBuf>,
    },
    /// Print the lines that differ between last year's and this year's budget (matched by code);
    /// exit 2 if a file is unreadable.
    Compare {
        /// Last year's budget file (.ron).
        old: PathBuf,
        /// This year's budget file (.ron).
        new: PathBuf,
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
        /// A department of this many units, each with its own budget, the lines shared out
        /// among them.
        #[arg(long)]
        units: Option<usize>,
        /// Where to write the budget (.ron).
        out: PathBuf,
    },
    /// Start next year's budget from this year's: structure and texts carried over, this year's
    /// figures as last year's, amounts empty. FILE is never changed; an existing OUT is kept
    /// unless --force. Exit 2 if FILE is unreadable or OUT exists or cannot be written.
    NewYear {
        /// This year's budget file (.ron).
        file: PathBuf,
        /// Where to write next year's budget (.ron).
        #[arg(long)]
        out: PathBuf,
        /// Replace OUT if it exists (its previous content is kept as OUT.bak).
        #[arg(long)]
        force: bool,
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
    /// The templates: the built-in ones and the files loaded with --template-file.
    Template {
        #[command(subcommand)]
        what: TemplateCommand,
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

/// Where an export goes: one file, or every disclosure of a department into a folder.
#[derive(clap::Args)]
struct Destination {
    /// The file to write.
    #[arg(long, required_unless_present = "all_units")]
    out: Option<PathBuf>,
    /// The 单位预算 of this unit (its code, or its name), instead of the department's.
    #[arg(long, conflicts_with = "all_units")]
    unit: Option<String>,
    /// Write the department's disclosure and each unit's into DIR, named CODE-NAME with the
    /// export's extension.
    #[arg(long, value_name = "DIR", conflicts_with = "out")]
    all_units: Option<PathBuf>,
}

impl Destination {
    /// The export's target (clap has made sure one of `out` and `all_units` is given).
    fn target(self) -> cli::units::Target {
        match (self.all_units, self.out) {
            (Some(dir), _) => cli::units::Target::AllUnits(dir),
            (None, out) => cli::units::Target::One {
                out: out.unwrap_or_default(),
                unit: self.unit,
            },
        }
    }
}

#[derive(Subcommand)]
enum ExportKind {
    /// The tables, forms and findings as an Excel workbook (.xlsx); exit 2 if FILE is unreadable.
    Xlsx {
        /// The budget file (.ron).
        file: PathBuf,
        #[command(flatten)]
        to: Destination,
        /// Only what is published: leave out the findings sheet (the officer's, not the
        /// public's) and the hidden sheet that carries the rest of the budget (texts, notes,
        /// assets) back on import.
        #[arg(long)]
        tables_only: bool,
    },
    /// The publishable disclosure as a PDF (cover, contents, tables, 情况说明, forms, glossary,
    /// charts); exit 2 if FILE is unreadable or OUT cannot be written.
    Pdf {
        /// The budget file (.ron).
        file: PathBuf,
        #[command(flatten)]
        to: Destination,
        /// Leave out the appendix with the charts.
        #[arg(long, conflicts_with = "charts")]
        no_charts: bool,
        /// Print the appendix with the charts where the template prints none.
        #[arg(long)]
        charts: bool,
    },
}

#[derive(Subcommand)]
enum TemplateCommand {
    /// One line per template: id, version, name, where it comes from.
    List,
    /// Print template ID as a whole file, to copy and change (then load it with
    /// --template-file, or put it in the app's templates folder); exit 2 for an unknown ID.
    Show {
        /// The template's id (see `template list`).
        id: String,
    },
}

#[derive(Subcommand)]
enum ImportKind {
    /// A budget from an Excel workbook (the app's own export or the official table layouts);
    /// exit 2 if the workbook cannot be taken.
    Xlsx {
        /// The workbook (.xlsx, .xls or .ods), or a folder of units' workbooks.
        file: PathBuf,
        /// The budget file to write (.ron).
        #[arg(long)]
        out: PathBuf,
        /// With a folder: the department file whose units the workbooks are, matched by code or
        /// name (the department file is not changed; the result goes to --out).
        #[arg(long, value_name = "DEPT.ron")]
        into: Option<PathBuf>,
        /// The id of the template the workbook follows (see `template list`), for what it does
        /// not say itself; by default the one the app's own workbook names, or the one whose
        /// table titles the sheets print.
        #[arg(long, value_name = "ID")]
        template: Option<String>,
    },
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    #[cfg(windows)]
    attach_parent_console();
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
    // Standard error is locked per message, never for a whole command: the exports work on
    // several threads, and a thread that reports (a panic's message, say) while the main thread
    // held the lock would wait for it for ever.
    let stderr = std::io::stderr();
    if let Some(path) = &args.template_file
        && let Err(code) = cli::use_template_file(path, zh, &mut &stderr)
    {
        return Ok(code);
    }
    let report = match args.command {
        Some(Command::Check { file }) => cli::check(&file, zh, &mut stdout.lock(), &mut &stderr),
        Some(Command::Summary { file, json }) => {
            cli::summary(&file, json, zh, &mut stdout.lock(), &mut &stderr)
        }
        Some(Command::Narrative { file, last_year }) => cli::narrative(
            &file,
            last_year.as_deref(),
            zh,
            &mut stdout.lock(),
            &mut &stderr,
        ),
        Some(Command::Compare { old, new, json }) => {
            cli::compare(&old, &new, json, zh, &mut stdout.lock(), &mut &stderr)
        }
        Some(Command::Template {
            what: TemplateCommand::List,
        }) => cli::template_list(zh, &mut stdout.lock()),
        Some(Command::Template {
            what: TemplateCommand::Show { id },
        }) => cli::template_show(&id, zh, &mut stdout.lock(), &mut &stderr),
        Some(Command::Charts { file, out, dark }) => {
            cli::charts(&file, &out, zh, dark, &mut stdout.lock(), &mut &stderr)
        }
        Some(Command::Generate {
            lines,
            seed,
            units,
            out,
        }) => {
            let budget = match units {
                Some(n) => budget_studio::synth::generate_department(n, lines, seed),
                None => budget_studio::synth::generate(lines, seed),
            };
            budget_studio::io::save(&budget, &out)?;
            // A department's lines and projects are its units'.
            let mut all: Vec<&budget_studio::model::Budget> =
                budget_studio::calc::units::unit_budgets(&budget)
                    .map(|(_, _, b)| b)
                    .collect();
            if all.is_empty() {
                all.push(&budget);
            }
            let lines: usize = all.iter().map(|b| b.function_lines.len()).sum();
            let projects: usize = all.iter().map(|b| b.projects.len()).sum();
            match units {
                Some(_) => println!(
                    "{}: {} units, {lines} lines, {projects} projects",
                    out.display(),
                    all.len()
                ),
                None => println!("{}: {lines} lines, {projects} projects", out.display()),
            }
            return Ok(0);
        }
        Some(Command::NewYear { file, out, force }) => {
            cli::new_year(&file, &out, force, zh, &mut stdout.lock(), &mut &stderr)
        }
        Some(Command::Export {
            what:
                ExportKind::Xlsx {
                    file,
                    to,
                    tables_only,
                },
        }) => {
            let options = budget_studio::io::xlsx::ExportOptions {
                tables_only,
                ..Default::default()
            };
            let target = to.target();
            cli::export_xlsx(
                &file,
                &target,
                &options,
                zh,
                &mut stdout.lock(),
                &mut &stderr,
            )
        }
        Some(Command::Export {
            what:
                ExportKind::Pdf {
                    file,
                    to,
                    no_charts,
                    charts,
                },
        }) => cli::export_pdf(
            &file,
            &to.target(),
            zh,
            match (charts, no_charts) {
                (true, _) => Some(true),
                (_, true) => Some(false),
                _ => None,
            },
            &mut stdout.lock(),
            &mut &stderr,
        ),
        Some(Command::Import {
            what:
                ImportKind::Xlsx {
                    file,
                    out,
                    into,
                    template,
                },
        }) => {
            let template = match template {
                None => None,
                Some(t) => match budget_studio::model::template::registry::named(&t) {
                    Some(id) => Some(id),
                    None => {
                        let known: Vec<String> =
                            TemplateId::all().iter().map(ToString::to_string).collect();
                        eprintln!(
                            "{}",
                            if zh {
                                format!("没有模板 {t}；已有：{}", known.join(", "))
                            } else {
                                format!("no template {t}; there are: {}", known.join(", "))
                            }
                        );
                        return Ok(cli::EXIT_UNREADABLE);
                    }
                },
            };
            cli::import_xlsx(
                &file,
                &out,
                into.as_deref(),
                template,
                zh,
                &mut stdout.lock(),
                &mut &stderr,
            )
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

/// Borrows the console of the shell that started the program (cmd, PowerShell), so that output
/// reaches it although a GUI-subsystem program gets no console. Output redirected to a file or a
/// pipe already has its handles and is left alone. Started from Explorer there is no parent
/// console and this does nothing. Runs before anything is printed: the standard library looks
/// the handles up on every write, so it finds the borrowed console.
#[cfg(windows)]
#[allow(unsafe_code)] // two plain Win32 calls; see the SAFETY notes
fn attach_parent_console() {
    use windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE;
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_OUTPUT_HANDLE,
    };
    let missing = |which| {
        // SAFETY: takes a constant and returns a handle value; no memory of ours is touched.
        let handle = unsafe { GetStdHandle(which) };
        handle.is_null() || handle == INVALID_HANDLE_VALUE
    };
    if missing(STD_OUTPUT_HANDLE) || missing(STD_ERROR_HANDLE) {
        // SAFETY: takes a constant; failure (no parent console) is only a return value, and
        // then there is nowhere to print anyway.
        let _attached = unsafe { AttachConsole(ATTACH_PARENT_PROCESS) };
    }
}
