//! A line's amounts by income source: a short sorted list that reads and writes like a map
//! (`{GeneralPublic: (basic: "90.71")}`). A `BTreeMap` would allocate a 380-byte node for the one
//! or two sources a line has; at 100,000 lines that was a third of the app's memory. A source
//! written twice is an error when reading, never a silent choice of one of the two.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{IncomeSource, Split};

/// Amounts by income source, in source order, at most one entry per source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Amounts(Vec<(IncomeSource, Split)>);

impl Amounts {
    /// No amounts.
    #[must_use]
    pub fn new() -> Self {
        Amounts(Vec::new())
    }

    /// True when no source has an entry.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entry of `source`.
    #[must_use]
    pub fn get(&self, source: &IncomeSource) -> Option<&Split> {
        self.0
            .binary_search_by(|(s, _)| s.cmp(source))
            .ok()
            .and_then(|i| self.0.get(i))
            .map(|(_, split)| split)
    }

    /// Sets the entry of `source`.
    pub fn insert(&mut self, source: IncomeSource, split: Split) {
        match self.0.binary_search_by(|(s, _)| s.cmp(&source)) {
            Ok(i) => {
                if let Some(entry) = self.0.get_mut(i) {
                    entry.1 = split;
                }
            }
            Err(i) => self.0.insert(i, (source, split)),
        }
    }

    /// Removes the entry of `source`.
    pub fn remove(&mut self, source: &IncomeSource) {
        if let Ok(i) = self.0.binary_search_by(|(s, _)| s.cmp(source)) {
            self.0.remove(i);
        }
    }

    /// The sources with an entry, in order.
    pub fn keys(&self) -> impl Iterator<Item = &IncomeSource> {
        self.0.iter().map(|(s, _)| s)
    }

    /// The entries' amounts, in source order.
    pub fn values(&self) -> impl Iterator<Item = &Split> {
        self.0.iter().map(|(_, v)| v)
    }

    /// The entries, in source order.
    pub fn iter(&self) -> impl Iterator<Item = (&IncomeSource, &Split)> {
        self.0.iter().map(|(s, v)| (s, v))
    }
}

impl Serialize for Amounts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (source, split) in &self.0 {
            map.serialize_entry(source, split)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Amounts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AmountsVisitor;
        impl<'de> Visitor<'de> for AmountsVisitor {
            type Value = Amounts;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map from income source to (basic, project) amounts")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Amounts, A::Error> {
                let mut amounts =
                    Amounts(Vec::with_capacity(access.size_hint().unwrap_or(1).min(11)));
                while let Some(source) = access.next_key::<IncomeSource>()? {
                    // Keeping the last of two entries would drop the first one's money without
                    // a word; refuse before reading the value, so the position names the key.
                    if amounts.get(&source).is_some() {
                        return Err(super::strict::bilingual_error(
                            &format!("收入来源 {source:?} 重复出现"),
                            &format!("duplicate income source `{source:?}`"),
                        ));
                    }
                    let split = access.next_value::<Split>()?;
                    amounts.insert(source, split);
                }
                amounts.0.shrink_to_fit();
                Ok(amounts)
            }
        }
        deserializer.deserialize_map(AmountsVisitor)
    }
}
