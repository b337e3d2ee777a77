//! The 科目 catalogue: codes and names of the 支出功能分类 and the 经济分类, to pick a line by code
//! or name instead of typing both from memory, and to notice a name that differs from the
//! official one. It is data: the built-in catalogue is `assets/catalogue/*.csv` (each entry with
//! the source it was checked against), and an officer loads the 科目 their budget platform
//! exports — a CSV or workbook of two columns, code and name.

use std::sync::LazyLock;

/// Which classification a code belongs to: 功能分类 codes start with 2, economic ones with 3
/// (部门预算经济分类) or 5 (政府预算经济分类).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// 支出功能分类.
    Function,
    /// 经济分类.
    Economic,
}

impl Kind {
    /// The classification of `code`, by its first digit.
    #[must_use]
    pub fn of(code: &str) -> Option<Kind> {
        match code.as_bytes().first() {
            Some(b'2') => Some(Kind::Function),
            Some(b'3' | b'5') => Some(Kind::Economic),
            _ => None,
        }
    }
}

/// One 科目.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// 3-, 5- or 7-digit code.
    pub code: String,
    /// The name.
    pub name: String,
    /// Where it was checked or where it comes from (a document, a loaded file).
    pub source: String,
}

/// Codes and names, sorted by classification and code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalogue {
    function: Vec<Entry>,
    economic: Vec<Entry>,
}

/// Why a catalogue file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    /// A row that is not `code,name`.
    #[error(
        "第 {line} 行：{what}（应为两列：编码,名称；编码为 3、5 或 7 位数字，功能分类以 2 开头，经济分类以 3 或 5 开头） / line {line}: {what_en} (expected two columns: code,name; a code of 3, 5 or 7 digits, function codes starting with 2, economic ones with 3 or 5)"
    )]
    Row {
        /// 1-based line (row) number.
        line: usize,
        /// What is wrong, in Chinese.
        what: String,
        /// What is wrong, in English.
        what_en: String,
    },
    /// Nothing usable in the file.
    #[error(
        "文件中没有科目（应为两列：编码,名称） / no codes in the file (expected two columns: code,name)"
    )]
    Empty,
}

impl CatalogueError {
    /// The message in one language.
    #[must_use]
    pub fn describe(&self, zh: bool) -> String {
        match (self, zh) {
            (CatalogueError::Row { line, what, .. }, true) => format!(
                "第 {line} 行：{what}（应为两列：编码,名称；编码为 3、5 或 7 位数字，功能分类以 2 开头，经济分类以 3 或 5 开头）"
            ),
            (CatalogueError::Row { line, what_en, .. }, false) => format!(
                "line {line}: {what_en} (expected two columns: code,name; a code of 3, 5 or 7 digits, function codes starting with 2, economic ones with 3 or 5)"
            ),
            (CatalogueError::Empty, true) => "文件中没有科目（应为两列：编码,名称）".to_owned(),
            (CatalogueError::Empty, false) => {
                "no codes in the file (expected two columns: code,name)".to_owned()
            }
        }
    }
}

static BUILT_IN: LazyLock<Catalogue> = LazyLock::new(|| {
    let mut c = Catalogue::default();
    for text in [
        include_str!("../../assets/catalogue/function.csv"),
        include_str!("../../assets/catalogue/economic.csv"),
    ] {
        // The shipped files are checked by a test; a bad row would only be left out here.
        if let Ok(part) = Catalogue::from_csv(text, "") {
            c.merge(&part);
        }
    }
    c
});

fn row_error(line: usize, what: &str, what_en: &str) -> CatalogueError {
    CatalogueError::Row {
        line,
        what: what.to_owned(),
        what_en: what_en.to_owned(),
    }
}

/// Splits one CSV line into fields: commas, fields in double quotes with `""` for a quote.
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    fields.push(field);
    fields
}

impl Catalogue {
    /// The catalogue shipped with the app.
    #[must_use]
    pub fn built_in() -> &'static Catalogue {
        &BUILT_IN
    }

    /// Reads rows of `code,name[,source]` (a header row and blank lines are skipped). Entries
    /// without a source column get `origin`.
    ///
    /// # Errors
    /// [`CatalogueError`] naming the first bad row; nothing is taken from a file with one.
    pub fn from_csv(text: &str, origin: &str) -> Result<Catalogue, CatalogueError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let rows = text.lines().enumerate().map(|(i, line)| {
            let mut fields = csv_fields(line.trim_end_matches('\r'));
            fields.iter_mut().for_each(|f| *f = f.trim().to_owned());
            (i + 1, fields)
        });
        Catalogue::from_rows(rows, origin)
    }

    /// Reads rows already split into cells (a workbook's first sheet): the first two cells of each
    /// row are code and name, an optional third the source. A first row whose code cell is not a
    /// number is a header; rows with every cell empty are skipped.
    ///
    /// # Errors
    /// [`CatalogueError`] naming the first bad row.
    pub fn from_rows(
        rows: impl IntoIterator<Item = (usize, Vec<String>)>,
        origin: &str,
    ) -> Result<Catalogue, CatalogueError> {
        let mut c = Catalogue::default();
        let mut first = true;
        for (line, fields) in rows {
            if fields.iter().all(|f| f.is_empty()) {
                continue;
            }
            let code = fields.first().map_or("", String::as_str);
            let header = first && !code.chars().all(|c| c.is_ascii_digit());
            first = false;
            if header {
                continue;
            }
            let name = fields.get(1).map_or("", String::as_str);
            if !code.chars().all(|c| c.is_ascii_digit()) || !matches!(code.len(), 3 | 5 | 7) {
                return Err(row_error(
                    line,
                    &format!("编码“{code}”不是 3、5 或 7 位数字"),
                    &format!("code “{code}” is not 3, 5 or 7 digits"),
                ));
            }
            let Some(kind) = Kind::of(code) else {
                return Err(row_error(
                    line,
                    &format!("编码“{code}”不是功能分类或经济分类的编码"),
                    &format!("code “{code}” is neither a function nor an economic code"),
                ));
            };
            if name.is_empty() {
                return Err(row_error(line, "缺少名称", "the name is missing"));
            }
            let source = fields
                .get(2)
                .filter(|s| !s.is_empty())
                .map_or(origin, String::as_str);
            c.list_mut(kind).push(Entry {
                code: code.to_owned(),
                name: name.to_owned(),
                source: source.to_owned(),
            });
        }
        if c.function.is_empty() && c.economic.is_empty() {
            return Err(CatalogueError::Empty);
        }
        for list in [&mut c.function, &mut c.economic] {
            list.sort_by(|a, b| a.code.cmp(&b.code));
            // The last row of a code wins, as a later correction in a spreadsheet would.
            list.reverse();
            list.dedup_by(|a, b| a.code == b.code);
            list.reverse();
        }
        Ok(c)
    }

    fn list(&self, kind: Kind) -> &[Entry] {
        match kind {
            Kind::Function => &self.function,
            Kind::Economic => &self.economic,
        }
    }

    fn list_mut(&mut self, kind: Kind) -> &mut Vec<Entry> {
        match kind {
            Kind::Function => &mut self.function,
            Kind::Economic => &mut self.economic,
        }
    }

    /// Adds `other`'s entries; an entry of `other` replaces one with the same code.
    pub fn merge(&mut self, other: &Catalogue) {
        for kind in [Kind::Function, Kind::Economic] {
            for e in other.list(kind) {
                self.insert(kind, e.clone());
            }
        }
    }

    /// Adds an entry unless its code is already there.
    pub fn offer(&mut self, kind: Kind, entry: Entry) {
        if self.get(kind, &entry.code).is_none() {
            self.insert(kind, entry);
        }
    }

    fn insert(&mut self, kind: Kind, entry: Entry) {
        let list = self.list_mut(kind);
        match list.binary_search_by(|e| e.code.as_str().cmp(&entry.code)) {
            Ok(i) => list[i] = entry,
            Err(i) => list.insert(i, entry),
        }
    }

    /// Number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.function.len() + self.economic.len()
    }

    /// True when empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entry of `code`.
    #[must_use]
    pub fn get(&self, kind: Kind, code: &str) -> Option<&Entry> {
        let list = self.list(kind);
        list.binary_search_by(|e| e.code.as_str().cmp(code))
            .ok()
            .and_then(|i| list.get(i))
    }

    /// The entries whose code starts with `query` (when it is digits) or whose name contains it,
    /// codes first, at most `limit`. An empty query finds nothing.
    #[must_use]
    pub fn search(&self, kind: Kind, query: &str, limit: usize) -> Vec<&Entry> {
        let query = query.trim();
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let list = self.list(kind);
        if query.chars().all(|c| c.is_ascii_digit()) {
            let from = list.partition_point(|e| e.code.as_str() < query);
            return list[from..]
                .iter()
                .take_while(|e| e.code.starts_with(query))
                .take(limit)
                .collect();
        }
        let mut found: Vec<&Entry> = list.iter().filter(|e| e.name.contains(query)).collect();
        // An exact name first, then broader lines before their sub-lines.
        found.sort_by_key(|e| (e.name != query, e.code.len()));
        found.truncate(limit);
        found
    }

    /// `code` and the parents it needs (类, then 款), each as the catalogue names it; `None`
    /// where the catalogue lacks one of them.
    #[must_use]
    pub fn with_parents(&self, kind: Kind, code: &str) -> Option<Vec<&Entry>> {
        let mut chain = Vec::new();
        for len in [3, 5, 7] {
            if len > code.len() {
                break;
            }
            chain.push(self.get(kind, code.get(..len)?)?);
        }
        Some(chain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_files_read_whole_and_every_entry_has_its_parents_and_a_source() {
        for text in [
            include_str!("../../assets/catalogue/function.csv"),
            include_str!("../../assets/catalogue/economic.csv"),
        ] {
            let c = Catalogue::from_csv(text, "").expect("the shipped file reads");
            assert_eq!(c.len(), text.lines().count() - 1, "a row was lost");
        }
        let c = Catalogue::built_in();
        for kind in [Kind::Function, Kind::Economic] {
            for e in c.list(kind) {
                assert!(!e.source.is_empty(), "{e:?}");
                assert!(c.with_parents(kind, &e.code).is_some(), "{e:?}");
            }
        }
        assert_eq!(
            c.get(Kind::Function, "20103").map(|e| e.name.as_str()),
            Some("政府办公厅（室）及相关机构事务")
        );
    }

    #[test]
    fn search_by_code_prefix_or_by_name_and_parents_come_along() {
        let c = Catalogue::built_in();
        let by_code = c.search(Kind::Function, "2080", 50);
        assert!(!by_code.is_empty());
        assert!(by_code.iter().all(|e| e.code.starts_with("2080")));
        let by_name = c.search(Kind::Function, "行政运行", 5);
        assert!(by_name.iter().all(|e| e.name.contains("行政运行")));
        let chain = c
            .with_parents(Kind::Function, "2010301")
            .expect("in the catalogue");
        let codes: Vec<&str> = chain.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(codes, ["201", "20103", "2010301"]);
        assert!(c.search(Kind::Function, "", 5).is_empty());
    }

    #[test]
    fn an_officers_file_of_two_columns_reads_and_a_bad_row_names_its_line() {
        let c = Catalogue::from_csv(
            "科目编码,科目名称\n201,一般公共服务支出\n\n\"20101\",\"人大事务\"\n301,工资福利支出\n",
            "导出.csv",
        )
        .expect("reads");
        assert_eq!(c.len(), 3);
        assert_eq!(
            c.get(Kind::Function, "20101").map(|e| e.source.as_str()),
            Some("导出.csv")
        );
        assert!(c.get(Kind::Economic, "301").is_some());
        let bad = Catalogue::from_csv("201,一般公共服务支出\n2011,人大\n", "x").unwrap_err();
        assert!(
            matches!(bad, CatalogueError::Row { line: 2, .. }),
            "{bad:?}"
        );
        assert!(bad.to_string().contains("第 2 行"), "{bad}");
        let nameless = Catalogue::from_csv("201,\n", "x").unwrap_err();
        assert!(nameless.to_string().contains("缺少名称"), "{nameless}");
        assert_eq!(
            Catalogue::from_csv("编码,名称\n", "x"),
            Err(CatalogueError::Empty)
        );
    }
}
