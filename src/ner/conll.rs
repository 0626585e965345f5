//! CoNLL-format NER data: `word POS chunk TAG` or `word TAG` per line,
//! blank lines between sentences, `-DOCSTART-` lines between documents.
//! The word is the first column and the tag the last, as conlleval and
//! `read_conll` in `scripts/ner_common.py` read them.
//!
//! For the model, a document becomes one text: words joined with single
//! spaces, sentences joined with newlines. That is how the model was
//! trained (each sentence with its document's neighbouring sentences as
//! context) and the tokens are the same as tokenizing word by word.
use std::ops::Range;

/// A line that is not CoNLL.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct ConllError {
    pub line: usize,
    pub reason: String,
}

/// A sentence: words and their gold tags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
}

/// A document: its sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub sentences: Vec<Sentence>,
}

/// Parses a CoNLL file's text.
pub fn parse(text: &str) -> Result<Vec<Document>, ConllError> {
    let mut documents = Vec::new();
    let mut document = Document::default();
    let mut sentence = Sentence::default();
    for (index, line) in text.lines().enumerate() {
        let mut columns = line.split_whitespace();
        let Some(word) = columns.next() else {
            if !sentence.words.is_empty() {
                document.sentences.push(std::mem::take(&mut sentence));
            }
            continue;
        };
        if word == "-DOCSTART-" {
            if !sentence.words.is_empty() {
                document.sentences.push(std::mem::take(&mut sentence));
            }
            if !document.sentences.is_empty() {
                documents.push(std::mem::take(&mut document));
            }
            continue;
        }
        let Some(tag) = columns.next_back() else {
            return Err(ConllError {
                line: index + 1,
                reason: format!("{line:?} has one column; expected `word TAG` or `word POS chunk TAG`"),
            });
        };
        sentence.words.push(word.to_owned());
        sentence.tags.push(tag.to_owned());
    }
    if !sentence.words.is_empty() {
        document.sentences.push(sentence);
    }
    if !document.sentences.is_empty() {
        documents.push(document);
    }
    Ok(documents)
}

/// A document as one text, with where each sentence and word lies in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentText {
    pub text: String,
    /// Byte range of each sentence.
    pub sentences: Vec<Range<usize>>,
    /// Byte range of each word, per sentence.
    pub words: Vec<Vec<Range<usize>>>,
}

impl Document {
    /// Words joined with spaces, sentences with newlines.
    pub fn to_text(&self) -> DocumentText {
        let mut text = String::new();
        let mut sentences = Vec::with_capacity(self.sentences.len());
        let mut words = Vec::with_capacity(self.sentences.len());
        for sentence in &self.sentences {
            if !text.is_empty() {
                text.push('\n');
            }
            let start = text.len();
            let mut ranges = Vec::with_capacity(sentence.words.len());
            for word in &sentence.words {
                if text.len() > start {
                    text.push(' ');
                }
                ranges.push(text.len()..text.len() + word.len());
                text.push_str(word);
            }
            sentences.push(start..text.len());
            words.push(ranges);
        }
        DocumentText {
            text,
            sentences,
            words,
        }
    }

    /// Number of words.
    pub fn word_count(&self) -> usize {
        self.sentences.iter().map(|sentence| sentence.words.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBRUSSELS B-LOC\n";

    #[test]
    fn reads_documents_sentences_and_both_column_layouts() {
        let documents = parse(SAMPLE).expect("valid CoNLL");
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0].sentences.len(), 2);
        assert_eq!(documents[0].sentences[1].words, ["Peter", "Blackburn"]);
        assert_eq!(documents[0].sentences[1].tags, ["B-PER", "I-PER"]);
        assert_eq!(documents[1].sentences[0].tags, ["B-LOC"]);
        assert_eq!(documents[0].word_count(), 4);
    }

    #[test]
    fn a_file_without_docstart_is_one_document() {
        let documents = parse("a O\nb B-LOC\n\nc O").expect("valid CoNLL");
        assert_eq!(documents.len(), 1);
        assert_eq!(documents[0].sentences.len(), 2);
    }

    #[test]
    fn one_column_lines_are_errors() {
        let err = parse("a O\nlonely\n").expect_err("one column");
        assert_eq!(err.line, 2);
    }

    #[test]
    fn text_keeps_word_and_sentence_offsets() {
        let documents = parse(SAMPLE).expect("valid CoNLL");
        let text = documents[0].to_text();
        assert_eq!(text.text, "EU rejects\nPeter Blackburn");
        assert_eq!(text.sentences, [0..10, 11..26]);
        assert_eq!(&text.text[text.words[1][1].clone()], "Blackburn");
    }
}
