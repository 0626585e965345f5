#!/usr/bin/env python3
"""Writes a hostile corpus for newsgrist: every way a scraped dump can hurt.

    scripts/hostile-inputs.py DIR [--line-mb 100] [--bomb-mb 1024]
        [--tiny-docs 100000] [--near-limit-mb 9] [--manifest FILE]

Standard library only. DIR is created (it must be empty or absent). The
full-size defaults match issue #9: a 100 MB single line, a 1 GB gzip bomb
(about 1 MB on disk), 100,000 tiny documents; the test suite
(tests/it/hostile.rs) runs the same generator with smaller sizes.

Cases (file: what newsgrist must do; reasons as in rejects.jsonl):

  good/*                      ordinary articles: documents (the rest of the corpus)
  invalid-utf8.txt            Latin-1 bytes: invalid_utf8
  invalid-utf8.jsonl          line 2 holds Latin-1 bytes: invalid_utf8; lines 1, 3 documents
  utf16-le-bom.txt            UTF-16 LE with a BOM: a document
  utf16-be-bom.html           UTF-16 BE with a BOM: a document
  utf16-no-bom.txt            UTF-16 without a BOM (NUL bytes): binary
  nul-bytes.txt               NUL bytes in text: binary
  nul-bytes.jsonl             line 2 holds a raw NUL: binary; lines 1, 3 documents
  huge-line.jsonl             line 2 is one line of --line-mb MB: too_large; lines 1, 3 documents
  bomb.txt.gz                 --bomb-mb MB of 'a' gzipped: too_large after --max-doc-bytes
  bomb.jsonl.gz               one --bomb-mb MB line gzipped: too_large, then a document
  near-limit.txt              --near-limit-mb MB, one paragraph without a full stop:
                              a document (the analysers must stay bounded too)
  deep.json                   100,000 nested arrays: malformed_json (no stack overflow)
  deep.jsonl                  line 1: 100,000 nested objects: malformed_json; line 2 a document
  tiny.jsonl                  --tiny-docs tiny documents, each a document
  tiny/NNNN.txt               1,000 tiny files (fewer with a small --tiny-docs): documents
  unterminated.html           unclosed tags: a document
  unterminated-comment.html   a comment never closed: empty_text
  unterminated-script.html    a script never closed: empty_text
  loops/self -> ..            a symlink loop: walk_error
  loops/a -> b, loops/b -> a  a two-link cycle (.txt names): walk_error
  loops/dangling.txt          a symlink to nothing: walk_error
  unreadable.txt              chmod 000: unreadable, but a document when run as
                              root (root reads any file; the manifest says so)
  unreadable-dir/             chmod 000 directory: walk_error (a document as root)
  "name\\nwith newline.txt"   a file name holding a line break: a document
  "latin1-\\xe9.txt"          a file name that is not UTF-8: a document (path shown lossily)
  fifo.jsonl                  a named pipe with no writer: unreadable, never a hang

--manifest FILE writes one JSON object per expected outcome:
{"path": relative path, "line": JSONL line or null, "expect": "document" or a
reject reason, "count": documents expected from that path}.
"""
import argparse
import gzip
import json
import os
import sys

CHUNK = 1 << 20


def article(n):
    return (
        f"Article {n}. Police said at least {n % 9 + 2} people were killed and "
        f"{n % 7 + 3} injured when a bomb exploded at a market on Tuesday. "
        "Officials blamed a local militia."
    )


def jsonl_line(doc_id, text):
    return json.dumps({"id": doc_id, "title": f"Title {doc_id}", "text": text}).encode() + b"\n"


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def gzip_repeated(path, byte, total, trailer=b""):
    """Gzips `total` copies of `byte` (plus `trailer`) without holding them."""
    block = byte * CHUNK
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9) as out:
        left = total
        while left > 0:
            step = min(left, CHUNK)
            out.write(block if step == CHUNK else byte * step)
            left -= step
        out.write(trailer)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir")
    parser.add_argument("--line-mb", type=float, default=100)
    parser.add_argument("--bomb-mb", type=float, default=1024)
    parser.add_argument("--tiny-docs", type=int, default=100_000)
    parser.add_argument("--near-limit-mb", type=float, default=9)
    parser.add_argument("--manifest")
    parser.add_argument("--no-fifo", action="store_true", help="skip the named pipe")
    args = parser.parse_args()

    root = args.dir
    os.makedirs(root, exist_ok=True)
    if os.listdir(root):
        sys.exit(f"hostile-inputs: {root} is not empty")
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    manifest = []

    def expect(path, outcome, line=None, count=1):
        manifest.append({"path": path, "line": line, "expect": outcome, "count": count})

    def p(*parts):
        return os.path.join(root, *parts)

    # The rest of the corpus: ordinary articles in every format.
    os.makedirs(p("good"))
    write(p("good", "a.txt"), f"Headline\n\n{article(1)}".encode())
    write(p("good", "b.html"), f"<html><head><title>B</title></head><body><article><p>{article(2)}</p></article></body></html>".encode())
    write(p("good", "c.jsonl"), b"".join(jsonl_line(f"good-{n}", article(n)) for n in range(3, 8)))
    with gzip.open(p("good", "d.json.gz"), "wb") as f:
        f.write(json.dumps({"id": "good-gz", "text": article(8)}).encode())
    for name, count in [("good/a.txt", 1), ("good/b.html", 1), ("good/c.jsonl", 5), ("good/d.json.gz", 1)]:
        expect(name, "document", count=count)

    # Encodings.
    write(p("invalid-utf8.txt"), "Café bombing in Zürich".encode("latin-1"))
    expect("invalid-utf8.txt", "invalid_utf8")
    write(
        p("invalid-utf8.jsonl"),
        jsonl_line("iu-1", article(11))
        + b'{"id": "iu-2", "text": "Caf\xe9 attack"}\n'
        + jsonl_line("iu-3", article(13)),
    )
    expect("invalid-utf8.jsonl", "document", line=1)
    expect("invalid-utf8.jsonl", "invalid_utf8", line=2)
    expect("invalid-utf8.jsonl", "document", line=3)
    write(p("utf16-le-bom.txt"), b"\xff\xfe" + f"UTF-16 title\n\n{article(21)}".encode("utf-16-le"))
    expect("utf16-le-bom.txt", "document")
    write(
        p("utf16-be-bom.html"),
        b"\xfe\xff" + f"<html><body><p>{article(22)}</p></body></html>".encode("utf-16-be"),
    )
    expect("utf16-be-bom.html", "document")
    write(p("utf16-no-bom.txt"), article(23).encode("utf-16-le"))
    expect("utf16-no-bom.txt", "binary")
    write(p("nul-bytes.txt"), b"Text with a \x00 NUL byte in it.")
    expect("nul-bytes.txt", "binary")
    write(
        p("nul-bytes.jsonl"),
        jsonl_line("nul-1", article(31)) + b'{"id": "nul-2", "text": "a\x00b"}\n' + jsonl_line("nul-3", article(33)),
    )
    expect("nul-bytes.jsonl", "document", line=1)
    expect("nul-bytes.jsonl", "binary", line=2)
    expect("nul-bytes.jsonl", "document", line=3)

    # Size: one huge line, gzip bombs, a document just under the limit.
    with open(p("huge-line.jsonl"), "wb") as f:
        f.write(jsonl_line("huge-1", article(41)))
        f.write(b'{"id": "huge-2", "text": "')
        left = int(args.line_mb * CHUNK)
        block = b"word " * (CHUNK // 5)
        while left > 0:
            f.write(block[: min(left, len(block))])
            left -= len(block)
        f.write(b'"}\n')
        f.write(jsonl_line("huge-3", article(43)))
    expect("huge-line.jsonl", "document", line=1)
    expect("huge-line.jsonl", "too_large", line=2)
    expect("huge-line.jsonl", "document", line=3)
    bomb = int(args.bomb_mb * CHUNK)
    gzip_repeated(p("bomb.txt.gz"), b"a", bomb)
    expect("bomb.txt.gz", "too_large")
    gzip_repeated(p("bomb.jsonl.gz"), b" ", bomb, trailer=b"x\n" + jsonl_line("after-bomb", article(51)))
    expect("bomb.jsonl.gz", "too_large", line=1)
    expect("bomb.jsonl.gz", "document", line=2)
    if args.near_limit_mb > 0:
        words = b"and the crowd kept growing near the old bridge while officials counted "
        size = int(args.near_limit_mb * CHUNK)
        write(p("near-limit.txt"), (words * (size // len(words) + 1))[:size])
        expect("near-limit.txt", "document")

    # Structure.
    write(p("deep.json"), b"[" * 100_000 + b"]" * 100_000)
    expect("deep.json", "malformed_json")
    write(p("deep.jsonl"), b'{"a":' * 100_000 + b"1" + b"}" * 100_000 + b"\n" + jsonl_line("deep-2", article(62)))
    expect("deep.jsonl", "malformed_json", line=1)
    expect("deep.jsonl", "document", line=2)
    with open(p("tiny.jsonl"), "wb") as f:
        for n in range(args.tiny_docs):
            f.write(b'{"id":"t%d","text":"Tiny %d."}\n' % (n, n))
    expect("tiny.jsonl", "document", count=args.tiny_docs)
    os.makedirs(p("tiny"))
    tiny_files = min(1000, max(1, args.tiny_docs // 100))
    for n in range(tiny_files):
        write(p("tiny", f"{n:04d}.txt"), b"Tiny file %d." % n)
    expect("tiny", "document", count=tiny_files)
    write(p("unterminated.html"), f"<html><body><article><p>{article(71)} <b>Unclosed".encode())
    expect("unterminated.html", "document")
    write(p("unterminated-comment.html"), f"<html><body><!-- {article(72)}".encode())
    expect("unterminated-comment.html", "empty_text")
    write(p("unterminated-script.html"), f"<html><body><script>var s = '{article(73)}".encode())
    expect("unterminated-script.html", "empty_text")

    # The file system.
    os.makedirs(p("loops"))
    os.symlink("..", p("loops", "self"))
    expect("loops/self", "walk_error")
    os.symlink("b.txt", p("loops", "a.txt"))
    os.symlink("a.txt", p("loops", "b.txt"))
    expect("loops/a.txt", "walk_error")
    expect("loops/b.txt", "walk_error")
    os.symlink("missing.txt", p("loops", "dangling.txt"))
    expect("loops/dangling.txt", "walk_error")
    write(p("unreadable.txt"), article(81).encode())
    os.chmod(p("unreadable.txt"), 0)
    expect("unreadable.txt", "document" if as_root else "unreadable")
    os.makedirs(p("unreadable-dir"))
    write(p("unreadable-dir", "inside.txt"), article(82).encode())
    os.chmod(p("unreadable-dir"), 0)
    expect("unreadable-dir" + ("/inside.txt" if as_root else ""), "document" if as_root else "walk_error")
    write(p("name\nwith newline.txt"), article(91).encode())
    expect("name\nwith newline.txt", "document")
    latin1_name = os.fsencode(root) + b"/latin1-\xe9.txt"
    write(latin1_name, article(92).encode())
    expect("latin1-\ufffd.txt", "document")
    if not args.no_fifo and hasattr(os, "mkfifo"):
        os.mkfifo(p("fifo.jsonl"))
        expect("fifo.jsonl", "unreadable")

    if args.manifest:
        with open(args.manifest, "w", encoding="utf-8") as f:
            for entry in manifest:
                f.write(json.dumps(entry) + "\n")
    documents = sum(e["count"] for e in manifest if e["expect"] == "document")
    rejects = sum(e["count"] for e in manifest if e["expect"] != "document")
    print(f"hostile corpus in {root}: {len(manifest)} cases, {documents} documents and {rejects} rejects expected"
          + (" (running as root: chmod 000 does not stop reads)" if as_root else ""))


if __name__ == "__main__":
    main()
