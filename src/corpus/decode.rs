//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, and the
//! checks that tell a binary file from an article.
use super::document::RejectReason;

/// Decodes a whole file or line. The error says where the bad bytes are.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, (RejectReason, String)> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes);
    }
    let bytes = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    if let Some(pos) = memchr_nul(&bytes) {
        return Err((
            RejectReason::Binary,
            format!("NUL byte at byte offset {pos}: this looks like a binary file, not an article"),
        ));
    }
    String::from_utf8(bytes).map_err(|err| {
        let pos = err.utf8_error().valid_up_to();
        let bytes = err.as_bytes();
        let line = 1 + bytes[..pos].iter().filter(|&&b| b == b'\n').count();
        (
            RejectReason::InvalidUtf8,
            format!(
                "invalid UTF-8 at byte offset {pos} (line {line}); re-encode the file as UTF-8 \
                 (e.g. `iconv -f latin1 -t utf-8`)"
            ),
        )
    })
}

fn decode_utf16(bytes: &[u8], to_unit: fn([u8; 2]) -> u16) -> Result<String, (RejectReason, String)> {
    if !bytes.len().is_multiple_of(2) {
        return Err((
            RejectReason::InvalidUtf8,
            "UTF-16 text with an odd number of bytes".to_owned(),
        ));
    }
    let units = bytes.chunks_exact(2).map(|pair| to_unit([pair[0], pair[1]]));
    let text: Result<String, _> = char::decode_utf16(units).collect();
    match text {
        Ok(text) if text.contains('\0') => Err((
            RejectReason::Binary,
            "NUL character in UTF-16 text: this looks like a binary file".to_owned(),
        )),
        Ok(text) => Ok(text),
        Err(err) => Err((
            RejectReason::InvalidUtf8,
            format!(
                "invalid UTF-16 (unpaired surrogate {:#06x})",
                err.unpaired_surrogate()
            ),
        )),
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_utf8_bom() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFhello".to_vec()).unwrap(), "hello");
    }

    #[test]
    fn decodes_utf16_le_and_be_with_bom() {
        let le: Vec<u8> = [0xFF, 0xFE, b'h', 0, b'i', 0].to_vec();
        let be: Vec<u8> = [0xFE, 0xFF, 0, b'h', 0, b'i'].to_vec();
        assert_eq!(decode_text(le).unwrap(), "hi");
        assert_eq!(decode_text(be).unwrap(), "hi");
    }

    #[test]
    fn invalid_utf8_names_offset_and_line() {
        let (reason, message) = decode_text(b"ok\nbad \xFF here".to_vec()).unwrap_err();
        assert_eq!(reason, RejectReason::InvalidUtf8);
        assert!(message.contains("byte offset 7"), "{message}");
        assert!(message.contains("line 2"), "{message}");
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let (reason, _) = decode_text(b"PK\x03\x04\x00\x00".to_vec()).unwrap_err();
        assert_eq!(reason, RejectReason::Binary);
    }
}
