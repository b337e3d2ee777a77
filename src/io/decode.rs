//! The text encodings a budget file may arrive in. The app writes UTF-8 without a byte-order mark;
//! files that went through Windows tools may carry a UTF-8 byte-order mark, be UTF-16 (Notepad's
//! "Unicode") or be in the Chinese legacy encoding GBK/GB18030. All of these are read; the last two
//! are saved back as UTF-8, which the load result says.

use std::borrow::Cow;

/// The encoding a file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian (by its byte-order mark).
    Utf16Le,
    /// UTF-16, big-endian (by its byte-order mark).
    Utf16Be,
    /// GBK or its superset GB18030.
    Gb18030,
}

impl Encoding {
    /// The name users know it by.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GBK/GB18030",
        }
    }
}

/// Why the bytes are not text in any encoding we read; the position is that of the first byte
/// that is not UTF-8 (1-based line and column, in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Undecodable {
    /// Line of the first byte that is not UTF-8.
    pub line: usize,
    /// Column of that byte.
    pub column: usize,
}

/// Decodes a file's bytes: UTF-8 (a byte-order mark is dropped), UTF-16 by its byte-order mark,
/// otherwise GBK/GB18030 when the bytes are valid in it.
///
/// # Errors
/// [`Undecodable`] when none of these fits, or the bytes hold NUL characters (UTF-16 without a
/// byte-order mark, UTF-32, or not text at all).
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), Undecodable> {
    let start = Undecodable { line: 1, column: 1 };
    // UTF-32's marks begin like UTF-16's, so they are looked at first, and refused.
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(start);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok((Cow::Borrowed(text), Encoding::Utf8)),
            Err(e) => Err(position_of(rest, e.valid_up_to())),
        };
    }
    for (bom, encoding, kind) in [
        (&[0xFF, 0xFE], encoding_rs::UTF_16LE, Encoding::Utf16Le),
        (&[0xFE, 0xFF], encoding_rs::UTF_16BE, Encoding::Utf16Be),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return encoding
                .decode_without_bom_handling_and_without_replacement(rest)
                .filter(|text| !text.contains('\0'))
                .map(|text| (Cow::Owned(text.into_owned()), kind))
                .ok_or(start);
        }
    }
    // Text files hold no NUL; one that does is UTF-16 without a mark, or not text at all.
    if bytes.contains(&0) {
        return Err(start);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((Cow::Borrowed(text), Encoding::Utf8)),
        Err(e) => encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|text| (Cow::Owned(text.into_owned()), Encoding::Gb18030))
            .ok_or_else(|| position_of(bytes, e.valid_up_to())),
    }
}

/// Line and column of byte `offset`, counting the valid UTF-8 before it.
fn position_of(bytes: &[u8], offset: usize) -> Undecodable {
    let before = bytes
        .get(..offset)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    Undecodable { line, column }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_encoding_is_recognised() {
        let text = "(name: \"忻州市工业和信息化局\")\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let mut utf16le = vec![0xFF, 0xFE];
        let mut utf16be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            utf16le.extend(unit.to_le_bytes());
            utf16be.extend(unit.to_be_bytes());
        }
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(text.as_bytes());
        let cases: [(&[u8], Encoding); 5] = [
            (text.as_bytes(), Encoding::Utf8),
            (&bom, Encoding::Utf8),
            (&utf16le, Encoding::Utf16Le),
            (&utf16be, Encoding::Utf16Be),
            (&gbk, Encoding::Gb18030),
        ];
        for (bytes, want) in cases {
            let (decoded, encoding) = decode(bytes).unwrap();
            assert_eq!((decoded.as_ref(), encoding), (text, want));
        }
    }

    #[test]
    fn bytes_in_no_known_encoding_are_refused_with_a_position() {
        // 0xFF is neither UTF-8 nor a GB18030 lead byte.
        let bytes = b"(\n  name: \"ab\xFF\"\n)";
        assert_eq!(
            decode(bytes),
            Err(Undecodable {
                line: 2,
                column: 12
            })
        );
        let utf16_without_mark = b"(\0n\0a\0m\0e\0";
        assert!(decode(utf16_without_mark).is_err());
        assert!(decode(&[0xFF, 0xFE, 0, 0, b'(', 0, 0, 0]).is_err());
    }
}
