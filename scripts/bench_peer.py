#!/usr/bin/env python3
"""The Python peer of `scripts/bench`, and the machine's matmul peaks.

peer: the same NER model (models/ner) over the same JSONL slice the way a
careful Python user would run it: Hugging Face `tokenizers` (no truncation),
each article cut into 254-token windows (no context), windows sorted by length
and batched (8 per call), ONNX Runtime with all cores as intra-op threads,
argmax labels. It does less than newsgrist's NER stage (no context windows,
no sentence-aware cuts, no Viterbi, no entity records), so the comparison
favours the peer.

probe: fp32 matmul (numpy's BLAS) and int8 matmul (ONNX Runtime
MatMulInteger, the kernel our int8 model uses) at the sizes of the encoder's
big products, 1 thread and all cores, in GFLOP/s (GOP/s for int8).

    python scripts/bench_peer.py peer SLICE.jsonl      # prints one JSON line
    python scripts/bench_peer.py probe                 # prints one JSON line
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_common as nc  # noqa: E402  (torch-free at import)

REPO = Path(__file__).resolve().parent.parent
MODEL = REPO / "models" / "ner"


def peer(slice_path: str) -> dict:
    import numpy as np
    import onnxruntime as ort
    from tokenizers import Tokenizer

    threads = os.cpu_count() or 1
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    session = ort.InferenceSession(str(MODEL / "model.onnx"), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(MODEL / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    texts = [json.loads(line)["text"] for line in open(slice_path, encoding="utf-8")]

    start = time.perf_counter()
    windows = []
    tokens = 0
    for text in texts:
        encoding = tokenizer.encode(text, add_special_tokens=False)
        ids = encoding.ids
        shapes = [nc.casing_class(text[a:b]) for a, b in encoding.offsets]
        tokens += len(ids)
        for at in range(0, len(ids), nc.MAX_CONTENT):
            windows.append(([nc.CLS_ID] + ids[at:at + nc.MAX_CONTENT] + [nc.SEP_ID],
                            [0] + shapes[at:at + nc.MAX_CONTENT] + [0]))
    windows.sort(key=lambda window: len(window[0]))
    model_tokens = 0
    labels = 0
    for at in range(0, len(windows), 8):
        batch = windows[at:at + 8]
        width = max(len(ids) for ids, _ in batch)
        ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        shape_ids = np.zeros_like(ids)
        for row, (window_ids, window_shapes) in enumerate(batch):
            ids[row, :len(window_ids)] = window_ids
            mask[row, :len(window_ids)] = 1
            shape_ids[row, :len(window_shapes)] = window_shapes
            model_tokens += len(window_ids)
        logits = session.run(["logits"], {"input_ids": ids, "attention_mask": mask,
                                          "token_type_ids": np.zeros_like(ids), "shape_ids": shape_ids})[0]
        labels += int((logits.argmax(-1) * mask > 0).sum())
    seconds = time.perf_counter() - start
    return {"documents": len(texts), "seconds": seconds, "tokens": tokens, "model_tokens": model_tokens,
            "documents_per_second": len(texts) / seconds, "tokens_per_second": tokens / seconds,
            "threads": threads, "entity_token_labels": labels}


def probe() -> dict:
    import numpy as np
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper

    # the encoder's products: 256 tokens x 384 -> 1536 (feed-forward)
    m, k, n = 256, 384, 1536
    results = {"shape": [m, k, n]}

    def rate(fn, ops):
        fn()
        count, start = 0, time.perf_counter()
        while time.perf_counter() - start < 2.0:
            fn()
            count += 1
        return ops * count / (time.perf_counter() - start) / 1e9

    rng = np.random.default_rng(0)
    a = rng.standard_normal((m, k), dtype=np.float32)
    b = rng.standard_normal((k, n), dtype=np.float32)
    qa = rng.integers(0, 255, (m, k), dtype=np.uint8)
    qb = rng.integers(-127, 127, (k, n), dtype=np.int8)
    graph_fp32 = helper.make_graph(
        [helper.make_node("MatMul", ["a", "b"], ["c"])], "fp32",
        [helper.make_tensor_value_info("a", TensorProto.FLOAT, [m, k])],
        [helper.make_tensor_value_info("c", TensorProto.FLOAT, [m, n])],
        [onnx.numpy_helper.from_array(b, "b")])
    graph_int8 = helper.make_graph(
        [helper.make_node("MatMulInteger", ["a", "b"], ["c"])], "int8",
        [helper.make_tensor_value_info("a", TensorProto.UINT8, [m, k])],
        [helper.make_tensor_value_info("c", TensorProto.INT32, [m, n])],
        [onnx.numpy_helper.from_array(qb, "b")])
    ops = 2 * m * k * n
    for threads in sorted({1, os.cpu_count() or 1}):
        for name, graph, feed in (("fp32", graph_fp32, a), ("int8", graph_int8, qa)):
            model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=9)
            options = ort.SessionOptions()
            options.intra_op_num_threads = threads
            session = ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
            results[f"ort_{name}_gflops_{threads}t"] = round(rate(lambda: session.run(None, {"a": feed}), ops), 1)
    results["numpy_fp32_gflops"] = round(rate(lambda: a @ b, ops), 1)
    return results


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "peer":
        print(json.dumps(peer(sys.argv[2])))
    elif len(sys.argv) >= 2 and sys.argv[1] == "probe":
        print(json.dumps(probe()))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
