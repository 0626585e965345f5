//! Which reader handles a file, decided by its extension.
use std::path::Path;

/// The article formats newsgrist reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`, `.text`, `.md`: the first line is the title when a blank line follows it.
    Text,
    /// `.html`, `.htm`, `.xhtml`: main text through an HTML parser.
    Html,
    /// `.json`: one article object, or an array of them.
    Json,
    /// `.jsonl`, `.ndjson`: one article object per line.
    Jsonl,
}

/// A format and whether the bytes are gzip-compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKind {
    pub format: Format,
    pub gzip: bool,
}

impl FileKind {
    /// Reads the kind off the file name (`a.jsonl.gz` is gzip JSONL); `None`
    /// for extensions newsgrist does not read.
    pub fn from_path(path: &Path) -> Option<Self> {
        // Lossy: a name that is not UTF-8 ("caf\xe9.txt") is still an article.
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let (stem, gzip) = match name.strip_suffix(".gz") {
            Some(stem) => (stem.to_owned(), true),
            None => (name, false),
        };
        let ext = stem.rsplit_once('.')?.1;
        let format = match ext {
            "txt" | "text" | "md" => Format::Text,
            "html" | "htm" | "xhtml" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::Jsonl,
            _ => return None,
        };
        Some(Self { format, gzip })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(name: &str) -> Option<FileKind> {
        FileKind::from_path(Path::new(name))
    }

    #[test]
    fn reads_plain_and_gzip_extensions() {
        assert_eq!(
            kind("a/b.JSONL.gz"),
            Some(FileKind {
                format: Format::Jsonl,
                gzip: true
            })
        );
        assert_eq!(kind("x.htm").map(|k| k.format), Some(Format::Html));
        assert_eq!(kind("x.md").map(|k| k.format), Some(Format::Text));
        assert_eq!(kind("x.ndjson").map(|k| k.format), Some(Format::Jsonl));
    }

    #[test]
    fn names_that_are_not_utf8_keep_their_extension() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"latin1-\xe9.txt");
        assert_eq!(
            FileKind::from_path(Path::new(name)).map(|k| k.format),
            Some(Format::Text)
        );
    }

    #[test]
    fn rejects_unknown_and_bare_gz() {
        assert_eq!(kind("photo.jpg"), None);
        assert_eq!(kind("archive.gz"), None);
        assert_eq!(kind("README"), None);
    }
}
