//! Budget Studio: prepare and present a department's annual budget disclosure (部门预算公开).
//!
//! Data flows one way: [`model`] holds what the officer entered, [`calc`] derives every total,
//! [`checks`] compares figures that must agree, [`io`] reads and writes the budget file, and the
//! desktop app (`ui`, `app`) shows all of it and turns gestures into edits.

pub mod app;
pub mod calc;
pub mod chart;
pub mod checks;
pub mod cli;
pub mod document;
pub mod font;
pub mod io;
pub mod model;
pub mod sample;
pub mod synth;
pub mod ui;

/// mimalloc for everything that links this crate: the app, the tests and the benchmarks measure
/// the same allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
