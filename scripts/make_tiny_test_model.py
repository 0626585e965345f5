#!/usr/bin/env python3
"""Writes testdata/tiny-token-classifier/: a tiny token-classification model for
the Rust tests of src/model and src/ner (issue #3), small enough to commit.

    .venv-train/bin/python scripts/make_tiny_test_model.py

The "model" has no attention: each token's logits are a lookup of its id
(plus its casing_v1 class), so its predictions do not depend on context,
padding, batch or window. That makes the runner's bookkeeping testable
exactly: windows, merge, word alignment, offsets, casing input, input
detection. The real model's behaviour is tested separately when
models/ner/ is present.

  model.onnx        inputs input_ids, attention_mask, token_type_ids, shape_ids
                    (int64 [batch, sequence]); output logits [batch, sequence, 9]
  model_plain.onnx  inputs input_ids, attention_mask only (an optimum-style
                    export without extra inputs), same logits minus the casing term
  tokenizer.json    BERT-style uncased WordPiece over a 40-word vocabulary
  config.json       id2label (IOB2, CoNLL types) and a `newsgrist` object
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = Path(__file__).resolve().parent.parent / "testdata" / "tiny-token-classifier"
LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", ".", ",", "(", ")", "'", "-",
         "barack", "ob", "##ama", "visited", "paris", "on", "monday", "the", "u", "s",
         "said", "new", "york", "acme", "corp", "and", "met", "in", "berlin", "angela",
         "merkel", "reuters", "german", "##y", "a", "man", "from", "##s", "it", "was"]
# token -> label it votes for (everything else votes O)
ENTITY = {"barack": "B-PER", "ob": "I-PER", "##ama": "I-PER", "angela": "B-PER", "merkel": "I-PER",
          "paris": "B-LOC", "berlin": "B-LOC", "new": "B-LOC", "york": "I-LOC",
          "u": "B-LOC", "s": "I-LOC",
          "acme": "B-ORG", "corp": "I-ORG", "reuters": "B-ORG", "german": "B-MISC"}


def tokenizer_json() -> dict:
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": False, "special": True}
            for i, t in enumerate(VOCAB[:4])
        ],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                       {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                     {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 1}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                               "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}},
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": {t: i for i, t in enumerate(VOCAB)}},
    }


def graph(with_extras: bool) -> onnx.ModelProto:
    token_table = np.zeros((len(VOCAB), len(LABELS)), dtype=np.float32)
    token_table[:, 0] = 1.0
    for tok, lab in ENTITY.items():
        token_table[VOCAB.index(tok), LABELS.index(lab)] = 3.0
    # casing_v1 class 1 (all lowercase) votes strongly for O: "paris" is no place, "Paris" is
    shape_table = np.zeros((7, len(LABELS)), dtype=np.float32)
    shape_table[1, 0] = 10.0
    inits = [numpy_helper.from_array(token_table, "token_table"),
             numpy_helper.from_array(np.array(len(VOCAB), dtype=np.int64), "vocab_size"),
             numpy_helper.from_array(np.array([-1], dtype=np.int64), "last_axis")]
    nodes = [
        helper.make_node("Mod", ["input_ids", "vocab_size"], ["ids_mod"]),
        helper.make_node("Gather", ["token_table", "ids_mod"], ["token_logits"]),
        helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_f", "last_axis"], ["mask_3d"]),
    ]
    inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"]),
              helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"])]
    if with_extras:
        inits += [numpy_helper.from_array(shape_table, "shape_table"),
                  numpy_helper.from_array(np.zeros((2, len(LABELS)), dtype=np.float32), "type_table")]
        nodes += [
            helper.make_node("Gather", ["shape_table", "shape_ids"], ["shape_logits"]),
            helper.make_node("Gather", ["type_table", "token_type_ids"], ["type_logits"]),
            helper.make_node("Add", ["token_logits", "shape_logits"], ["sum1"]),
            helper.make_node("Add", ["sum1", "type_logits"], ["sum2"]),
            helper.make_node("Mul", ["sum2", "mask_3d"], ["logits"]),
        ]
        inputs += [helper.make_tensor_value_info("token_type_ids", TensorProto.INT64, ["batch", "sequence"]),
                   helper.make_tensor_value_info("shape_ids", TensorProto.INT64, ["batch", "sequence"])]
    else:
        nodes.append(helper.make_node("Mul", ["token_logits", "mask_3d"], ["logits"]))
    out = helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "sequence", len(LABELS)])
    g = helper.make_graph(nodes, "tiny_token_classifier", inputs, [out], inits)
    model = helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)], producer_name="newsgrist-tests")
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    onnx.save(graph(True), str(OUT / "model.onnx"))
    onnx.save(graph(False), str(OUT / "model_plain.onnx"))
    (OUT / "tokenizer.json").write_text(json.dumps(tokenizer_json(), indent=1) + "\n")
    config = {
        "architectures": ["BertForTokenClassification"],
        "model_type": "bert",
        "max_position_embeddings": 512,
        "id2label": {str(i): l for i, l in enumerate(LABELS)},
        "label2id": {l: i for i, l in enumerate(LABELS)},
        "newsgrist": {"model_id": "tiny-token-classifier-test", "extra_inputs": {"shape_ids": "casing_v1"},
                      "max_length": 256, "target_budget": 128, "onnx_output": "logits"},
    }
    (OUT / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
