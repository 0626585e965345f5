//! Line reading with a cap, so one 100 MB line cannot take the memory.
use std::io::{self, BufRead};

/// One line as read.
pub enum Line {
    /// The line's bytes without the trailing newline.
    Bytes(Vec<u8>),
    /// The line was longer than the cap; its bytes were skipped.
    TooLong { bytes: u64 },
}

/// Reads lines of at most `cap` bytes; longer ones are skipped to their end
/// and reported, never held in memory.
pub struct BoundedLines<R> {
    reader: R,
    cap: usize,
    done: bool,
}

impl<R: BufRead> BoundedLines<R> {
    pub fn new(reader: R, cap: usize) -> Self {
        Self {
            reader,
            cap,
            done: false,
        }
    }

    fn read_line(&mut self) -> io::Result<Option<Line>> {
        let mut line = Vec::new();
        let mut total: u64 = 0;
        let mut overflow = false;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(err),
            };
            if buf.is_empty() {
                self.done = true;
                if total == 0 {
                    return Ok(None);
                }
                break;
            }
            let (chunk, found_newline) = match buf.iter().position(|&b| b == b'\n') {
                Some(pos) => (&buf[..pos], true),
                None => (buf, false),
            };
            total += chunk.len() as u64;
            if !overflow && line.len() + chunk.len() > self.cap {
                overflow = true;
                line = Vec::new();
            }
            if !overflow {
                line.extend_from_slice(chunk);
            }
            let consumed = chunk.len() + usize::from(found_newline);
            self.reader.consume(consumed);
            if found_newline {
                break;
            }
        }
        if overflow {
            return Ok(Some(Line::TooLong { bytes: total }));
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Ok(Some(Line::Bytes(line)))
    }
}

impl<R: BufRead> Iterator for BoundedLines<R> {
    type Item = io::Result<Line>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.read_line() {
            Ok(Some(line)) => Some(Ok(line)),
            Ok(None) => None,
            Err(err) => {
                self.done = true;
                Some(Err(err))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], cap: usize) -> Vec<String> {
        BoundedLines::new(io::BufReader::with_capacity(4, input), cap)
            .map(|line| match line.expect("in-memory read") {
                Line::Bytes(bytes) => String::from_utf8(bytes).expect("ascii"),
                Line::TooLong { bytes } => format!("<too long: {bytes}>"),
            })
            .collect()
    }

    #[test]
    fn splits_lines_across_buffer_boundaries() {
        assert_eq!(lines(b"abcdefgh\nij\r\n\nk", 100), ["abcdefgh", "ij", "", "k"]);
    }

    #[test]
    fn skips_overlong_lines_and_goes_on() {
        assert_eq!(
            lines(b"short\n0123456789abc\nnext\n", 8),
            ["short", "<too long: 13>", "next"]
        );
    }
}
