//! The typst `World` the disclosure is typeset in: the template source embedded in the binary, the
//! document data and chart drawings as virtual files, and the embedded fonts as the only fonts.
//! Nothing is read from the file system or the network and no package can be imported, so the
//! PDF looks the same on every machine.

use std::collections::HashMap;
use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt as _, World};

/// The template: the document's layout, reading its content from `/data.json`.
const TEMPLATE: &str = include_str!("disclosure.typ");

/// The path of the main source.
const MAIN: &str = "/disclosure.typ";

/// The embedded fonts, parsed once: Noto Sans SC regular (the one the app draws with) and bold.
fn fonts() -> &'static [Font] {
    static FONTS: OnceLock<Vec<Font>> = OnceLock::new();
    FONTS.get_or_init(|| {
        [crate::font::BYTES, crate::font::BOLD_BYTES]
            .into_iter()
            .filter_map(|bytes| Font::new(Bytes::new(bytes), 0))
            .collect()
    })
}

/// The standard library, built once.
fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// The font book of the embedded fonts, built once.
fn book() -> &'static LazyHash<FontBook> {
    static BOOK: OnceLock<LazyHash<FontBook>> = OnceLock::new();
    BOOK.get_or_init(|| LazyHash::new(FontBook::from_fonts(fonts())))
}

/// A file id in the project root.
pub(super) fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

/// One typesetting run: the template and the files it may read.
pub(super) struct DisclosureWorld {
    main: Source,
    files: HashMap<FileId, Bytes>,
}

impl DisclosureWorld {
    /// A world whose template reads `files` (path → bytes, paths absolute: `/data.json`).
    /// Returns `None` only if a path is not a valid virtual path (not for the paths we use).
    pub(super) fn new(files: Vec<(String, Vec<u8>)>) -> Option<Self> {
        let main = Source::new(file_id(MAIN)?, TEMPLATE.to_owned());
        let mut map = HashMap::with_capacity(files.len());
        for (path, bytes) in files {
            map.insert(file_id(&path)?, Bytes::new(bytes));
        }
        Some(DisclosureWorld { main, files: map })
    }
}

impl World for DisclosureWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(TEMPLATE));
        }
        self.files.get(&id).cloned().ok_or(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().get(index).cloned()
    }

    /// No clock: the document prints only dates it is given, so the same budget gives the same PDF.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_embedded_fonts_are_offered() {
        let book = book();
        assert_eq!(fonts().len(), 2);
        let families: Vec<String> = book.families().map(|(name, _)| name.to_owned()).collect();
        assert_eq!(families, ["Noto Sans CJK SC"]);
    }

    #[test]
    fn no_file_outside_the_given_ones_can_be_read() {
        let world = DisclosureWorld::new(vec![("/data.json".to_owned(), b"{}".to_vec())]).unwrap();
        assert!(world.file(file_id("/data.json").unwrap()).is_ok());
        assert!(world.file(file_id("/etc/passwd").unwrap()).is_err());
        assert!(world.source(file_id("/other.typ").unwrap()).is_err());
    }
}
