//! What the installers put on a desktop: the desktop entry and the budget file type, checked with
//! the tools a Linux desktop reads them with; the Debian package's metadata, which must install
//! every asset where the desktop looks for it; and the release workflow, which only GitHub runs.
//!
//! Tests that need a system tool skip with a note when it is missing here, and fail when it is
//! missing in CI (`CI=true`), where `.ci/run` installs them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails on a broken fixture

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use yaml_rust2::{Yaml, YamlLoader};

/// The budget file type of the MIME database and the desktop entry.
const BUDGET_TYPE: &str = "application/x-budget-studio";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(root().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// The program `name` from PATH; `None` with a note when it is absent (a failure in CI).
fn tool(name: &str, debian_package: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|path| path.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{name} is missing; CI installs {debian_package} (see .ci/run)"
        );
        // Straight to stderr: the test harness would hide a println! of a passing test.
        let _ = writeln!(
            std::io::stderr(),
            "skipped: {name} is not installed (apt-get install {debian_package})"
        );
    }
    found
}

/// The `[Desktop Entry]` group as key → value.
fn desktop_entry() -> BTreeMap<String, String> {
    read("packaging/budget-studio.desktop")
        .lines()
        .filter_map(|line| line.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

#[test]
fn the_desktop_entry_passes_desktop_file_validate() {
    let Some(validate) = tool("desktop-file-validate", "desktop-file-utils") else {
        return;
    };
    let out = Command::new(validate)
        .arg(root().join("packaging/budget-studio.desktop"))
        .output()
        .unwrap();
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && said.trim().is_empty(), "{said}");
}

#[test]
fn the_desktop_entry_names_the_app_in_both_languages_and_opens_budgets() {
    let entry = desktop_entry();
    let get = |key: &str| entry.get(key).map_or("", String::as_str);
    assert_eq!(get("Name"), "Budget Studio");
    assert_eq!(get("Name[zh_CN]"), "预算公开编制");
    assert!(!get("Comment").is_empty() && !get("Comment[zh_CN]").is_empty());
    let categories: Vec<&str> = get("Categories").split(';').collect();
    assert!(categories.contains(&"Office") && categories.contains(&"Finance"));
    // One file per start: %f, which the app takes as its FILE argument.
    assert_eq!(get("Exec"), "budget-studio %f");
    assert_eq!(get("MimeType"), format!("{BUDGET_TYPE};"));
    assert_eq!(get("Terminal"), "false");
    // eframe gives the window this app id; the desktop matches it to the entry by name.
    assert_eq!(get("StartupWMClass"), "budget-studio");
    assert_eq!(get("Icon"), "budget-studio");
    assert!(read("packaging/budget-studio.xml").contains(&format!("type=\"{BUDGET_TYPE}\"")));
}

/// A private MIME database with the system's types and ours, as `update-mime-database` builds
/// it on install; `None` when the tool is missing.
fn mime_database() -> Option<tempfile::TempDir> {
    let update = tool("update-mime-database", "shared-mime-info")?;
    let system = Path::new("/usr/share/mime/packages/freedesktop.org.xml");
    let dir = tempfile::tempdir().unwrap();
    let packages = dir.path().join("mime/packages");
    std::fs::create_dir_all(&packages).unwrap();
    std::fs::copy(system, packages.join("freedesktop.org.xml")).unwrap();
    std::fs::copy(
        root().join("packaging/budget-studio.xml"),
        packages.join("budget-studio.xml"),
    )
    .unwrap();
    let out = Command::new(update)
        .arg(dir.path().join("mime"))
        // Where it will be read from; otherwise it adds a note that it is not.
        .env("XDG_DATA_DIRS", dir.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    // It reports mistakes in a package file as warnings and still succeeds, so look at both.
    assert!(out.status.success() && said.trim().is_empty(), "{said}");
    assert!(
        dir.path()
            .join("mime/application/x-budget-studio.xml")
            .is_file()
    );
    Some(dir)
}

/// The type of `file` as the desktop tools see it with only `db` installed: `xdg-mime` outside
/// a desktop session (which asks `mimetype`) and, where present, GIO, which file managers use.
fn file_types(db: &Path, file: &Path) -> Vec<String> {
    let mut types = Vec::new();
    let env = |c: &mut Command| {
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", db)
            // As in any desktop session; `mimetype` cannot read a Chinese file name without it.
            .env("LANG", "C.UTF-8")
            .env("XDG_DATA_HOME", db.join("home"))
            .env("XDG_DATA_DIRS", db);
    };
    let mut xdg = Command::new("xdg-mime");
    env(&mut xdg);
    let out = xdg.args(["query", "filetype"]).arg(file).output().unwrap();
    types.push(String::from_utf8_lossy(&out.stdout).trim().to_owned());
    if let Some(gio) = tool("gio", "libglib2.0-bin") {
        let mut gio = Command::new(gio);
        env(&mut gio);
        let out = gio
            .args(["info", "--attributes=standard::content-type"])
            .arg(file)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let found = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("standard::content-type:"))
            .unwrap_or("");
        types.push(found.trim().to_owned());
    }
    types
}

#[test]
fn budgets_are_recognised_by_their_content_and_other_ron_files_are_not() {
    if tool("xdg-mime", "xdg-utils").is_none()
        || tool("mimetype", "libfile-mimeinfo-perl").is_none()
    {
        return;
    }
    let Some(db) = mime_database() else {
        return;
    };
    let files = tempfile::tempdir().unwrap();
    let sample = read("sample_budgets/xinzhou-industry-2022.ron");
    let write = |name: &str, text: &str| {
        let path = files.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let budgets = [
        write("xinzhou.ron", &sample),
        // Saved by a Windows editor: byte-order mark and CRLF line ends.
        write(
            "windows.ron",
            &format!("\u{feff}{}", sample.replace('\n', "\r\n")),
        ),
        // No extension, a Chinese name: found by content alone.
        write("预算草稿", &sample),
    ];
    for file in &budgets {
        for found in file_types(db.path(), file) {
            assert_eq!(found, BUDGET_TYPE, "{}", file.display());
        }
    }
    let others = [
        write(
            "game.ron",
            "(\n    name: \"level 1\",\n    format_version: 2,\n)\n",
        ),
        write(
            "config.ron",
            "(\n    window: (width: 800, height: 600),\n)\n",
        ),
    ];
    for file in &others {
        for found in file_types(db.path(), file) {
            assert_eq!(found, "text/plain", "{}", file.display());
        }
    }
}

/// `[package.metadata.<name>]` of Cargo.toml.
fn metadata(name: &str) -> toml::Table {
    let manifest: toml::Table = read("Cargo.toml").parse().unwrap();
    manifest["package"]["metadata"][name]
        .as_table()
        .unwrap()
        .clone()
}

/// The deb's assets as (source, destination) pairs.
fn deb_assets() -> Vec<(String, String)> {
    metadata("deb")["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|asset| {
            let asset = asset.as_array().unwrap();
            let text = |i: usize| asset[i].as_str().unwrap().to_owned();
            (text(0), text(1))
        })
        .collect()
}

/// The width and height a PNG's header gives.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[1..4], b"PNG", "{}", path.display());
    let number = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (number(16), number(20))
}

fn files_in(relative: &str, extension: &str) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(root().join(relative))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .map(|p| format!("{relative}/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    found.sort();
    found
}

#[test]
fn the_debian_package_installs_every_asset_where_the_desktop_looks() {
    let assets = deb_assets();
    let dest_of = |source: &str| -> String {
        let found = assets.iter().find(|(s, _)| s == source);
        found
            .unwrap_or_else(|| panic!("{source} is not in [package.metadata.deb] assets"))
            .1
            .clone()
    };
    for (source, _) in &assets {
        if !source.starts_with("target/") {
            assert!(
                root().join(source).is_file(),
                "asset {source} does not exist"
            );
        }
    }
    assert_eq!(dest_of("target/release/budget-studio"), "usr/bin/");
    let icon = desktop_entry()["Icon"].clone();
    // Every file of packaging/ a Linux desktop reads, and every sample.
    for source in files_in("packaging", "desktop") {
        assert_eq!(dest_of(&source), "usr/share/applications/");
    }
    for source in files_in("packaging", "xml") {
        assert_eq!(dest_of(&source), "usr/share/mime/packages/");
    }
    for source in files_in("packaging/icons", "svg") {
        assert_eq!(dest_of(&source), "usr/share/icons/hicolor/scalable/apps/");
        assert!(source.ends_with(&format!("/{icon}.svg")));
    }
    let pngs = files_in("packaging/icons", "png");
    assert_eq!(pngs.len(), 3, "48, 128 and 256 px: {pngs:?}");
    for source in pngs {
        let (width, height) = png_size(&root().join(&source));
        assert_eq!(width, height, "{source}");
        let wanted = format!("usr/share/icons/hicolor/{width}x{height}/apps/{icon}.png");
        assert_eq!(dest_of(&source), wanted);
    }
    for source in files_in("sample_budgets", "ron") {
        assert_eq!(dest_of(&source), "usr/share/budget-studio/sample/");
    }
    // The font is inside the binary; its licence asks to travel with it.
    assert_eq!(
        dest_of("assets/fonts/LICENSE-OFL.txt"),
        "usr/share/doc/budget-studio/"
    );
}

#[test]
fn the_debian_package_depends_on_what_the_app_loads_at_run_time() {
    let deb = metadata("deb");
    let field = |name: &str| deb[name].as_str().unwrap().to_owned();
    let depends = field("depends");
    let packages: Vec<&str> = depends.split(',').map(str::trim).collect();
    for library in [
        "$auto",
        "libgl1",
        "libegl1",
        "libxkbcommon-x11-0",
        "libwayland-client0",
        "libxcursor1",
        "libxi6",
        "libxrandr2",
        "libfontconfig1",
    ] {
        assert!(packages.contains(&library), "Depends lacks {library}");
    }
    let recommends = field("recommends");
    assert!(recommends.contains("xdg-desktop-portal") && recommends.contains("zenity"));
}

#[test]
fn the_windows_and_macos_installers_find_their_icons_and_open_budgets() {
    let packager = metadata("packager");
    for icon in packager["icons"].as_array().unwrap() {
        let pattern = icon.as_str().unwrap();
        // A path, or the one glob form used: a literal prefix, `*`, a suffix.
        let matches = match pattern.split_once('*') {
            None => usize::from(root().join(pattern).is_file()),
            Some((prefix, suffix)) => {
                let (dir, _) = prefix.rsplit_once('/').unwrap();
                std::fs::read_dir(root().join(dir))
                    .unwrap()
                    .map(|e| format!("{dir}/{}", e.unwrap().file_name().to_string_lossy()))
                    .filter(|path| path.starts_with(prefix) && path.ends_with(suffix))
                    .count()
            }
        };
        assert!(matches > 0, "icon {pattern} matches no file");
    }
    let installer_icon = packager["nsis"]["installer-icon"].as_str().unwrap();
    assert!(root().join(installer_icon).is_file());
    let association = &packager["file-associations"].as_array().unwrap()[0];
    assert_eq!(
        association["extensions"].as_array().unwrap()[0].as_str(),
        Some("ron")
    );
    assert_eq!(association["mime-type"].as_str(), Some(BUDGET_TYPE));
    for resource in packager["resources"].as_array().unwrap() {
        let source = resource["src"].as_str().unwrap();
        assert!(root().join(source).is_file(), "resource {source}");
    }
}

/// The release workflow's jobs by name.
fn workflow() -> Yaml {
    let text = read(".github/workflows/release.yml");
    let mut docs = YamlLoader::load_from_str(&text).unwrap();
    assert_eq!(docs.len(), 1);
    docs.remove(0)
}

/// Every `run` script of a job, joined.
fn scripts(job: &Yaml) -> String {
    job["steps"]
        .as_vec()
        .unwrap()
        .iter()
        .filter_map(|step| step["run"].as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_release_workflow_builds_the_three_installers_on_a_version_tag() {
    let flow = workflow();
    let tags = flow["on"]["push"]["tags"].as_vec().unwrap();
    assert_eq!(tags[0].as_str(), Some("v*"));
    let jobs = flow["jobs"].as_hash().unwrap();
    let job = |name: &str| {
        let job = &flow["jobs"][name];
        assert!(!job.is_badvalue(), "no job {name}");
        job
    };
    // Every step does one thing, and every action is pinned to a release.
    for (name, job) in jobs {
        for step in job["steps"].as_vec().unwrap() {
            let run = step["run"].as_str().is_some();
            let uses = step["uses"].as_str();
            assert!(run != uses.is_some(), "{name:?}: a step needs run or uses");
            if let Some(action) = uses {
                let (_, version) = action.split_once('@').unwrap();
                assert!(version.starts_with('v'), "{action} is not pinned");
            }
        }
    }
    let linux = job("linux-deb");
    assert_eq!(linux["container"].as_str(), Some("debian:12"));
    let linux_scripts = scripts(linux);
    assert!(linux_scripts.contains("cargo deb --locked"));
    assert!(linux_scripts.contains("packaging/check-deb.sh"));
    let windows = job("windows-installer");
    assert!(windows["runs-on"].as_str().unwrap().starts_with("windows"));
    assert!(scripts(windows).contains("cargo packager --release --formats nsis"));
    let macos = job("macos-dmg");
    assert!(macos["runs-on"].as_str().unwrap().starts_with("macos"));
    assert!(scripts(macos).contains("cargo packager --release --formats dmg"));
    let needs: Vec<&str> = job("publish")["needs"]
        .as_vec()
        .unwrap()
        .iter()
        .filter_map(Yaml::as_str)
        .collect();
    assert_eq!(needs, ["linux-deb", "windows-installer", "macos-dmg"]);
    // The tools are pinned to the versions the metadata was written for.
    let env = &flow["env"];
    assert_eq!(
        env["RUST_TOOLCHAIN"].as_str(),
        Some(env!("CARGO_PKG_RUST_VERSION"))
    );
    assert!(env["CARGO_DEB_VERSION"].as_str().is_some());
    assert!(env["CARGO_PACKAGER_VERSION"].as_str().is_some());
    // Scripts the workflow runs from the checkout exist.
    assert!(root().join("packaging/check-deb.sh").is_file());
}
