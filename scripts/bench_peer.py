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

fp32-model: an fp32 copy of models/ner in DIR, for measuring the fp32
encoder's fraction of the fp32 peak with newsgrist itself (`--ner-model DIR`).
Its weights are the int8 model's, dequantized (W = (W_q - zero point) x scale
per output channel; 4-bit embedding rows likewise), and every int8 product
becomes a plain fp32 MatMul: the same shapes and operations as an fp32 export,
so the same speed, without needing the training venv's export.

    python scripts/bench_peer.py peer SLICE.jsonl      # prints one JSON line
    python scripts/bench_peer.py probe                 # prints one JSON line
    python scripts/bench_peer.py fp32-model DIR        # writes DIR/{model.onnx,config.json,tokenizer.json}
    .venv-train/bin/python scripts/bench_peer.py transformers SLICE.jsonl FP32_DIR   # one JSON line

transformers: the second peer, what most Python users would write: Hugging
Face transformers' token-classification pipeline (torch fp32, all cores,
aggregation "simple", 256-token windows with a stride of 32 so long articles
are read whole, batches of 8) over BertForTokenClassification with the same
weights (from the fp32 copy above; the casing embedding has no place in
transformers' BERT and is left out, which costs the peer nothing in speed).
It needs torch and transformers: the training venv (scripts/setup-train-env.sh).
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


def fp32_model(out_dir: str) -> None:
    import shutil

    import numpy as np
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(MODEL / "model.onnx"))
    graph = model.graph
    weights = {init.name: init for init in graph.initializer}
    producer = {out: node for node in graph.node for out in node.output}
    consumers: dict[str, list] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)

    def array(name):
        return numpy_helper.to_array(weights[name])

    replaced = {}  # id of the node a new one takes the place of -> new node
    dropped = set()
    for node in graph.node:
        if node.op_type == "MatMulInteger" and node.input[1] in weights:
            quantize = producer[node.input[0]]
            cast = consumers[node.output[0]][0]
            rescale = consumers[cast.output[0]][0]
            if quantize.op_type != "DynamicQuantizeLinear" or cast.op_type != "Cast" or rescale.op_type != "Mul":
                raise SystemExit(f"unexpected int8 pattern around {node.name}")
            scales = producer[next(i for i in rescale.input if i != cast.output[0])]
            weight_scale = next(i for i in scales.input if i in weights)
            w = (array(node.input[1]).astype(np.float32) - array(node.input[3]).astype(np.float32)) * array(weight_scale)
            name = node.input[1] + "_fp32"
            graph.initializer.append(numpy_helper.from_array(w.astype(np.float32), name))
            replaced[id(node)] = helper.make_node("MatMul", [quantize.input[0], name], rescale.output, name=node.name + "_fp32")
            dropped.update({id(cast), id(rescale), id(scales)})
        elif node.op_type == "GatherBlockQuantized":
            # onnx unpacks INT4 initializers into one signed value per element
            values, scales = array(node.input[0]).astype(np.float32), array(node.input[2])
            rows = values.shape[0]
            block = next(a.i for a in node.attribute if a.name == "block_size")
            table = (values.reshape(rows, -1, block) * scales[:, :, None]).reshape(rows, -1)
            name = node.input[0] + "_fp32"
            graph.initializer.append(numpy_helper.from_array(table.astype(np.float32), name))
            replaced[id(node)] = helper.make_node("Gather", [name, node.input[1]], node.output, name=node.name + "_fp32")
    nodes = [replaced.get(id(node), node) for node in graph.node if id(node) not in dropped]
    # quantizers of activations that no product reads any more
    while True:
        used = {name for node in nodes for name in node.input} | {out.name for out in graph.output}
        keep = [node for node in nodes if any(out in used for out in node.output)]
        if len(keep) == len(nodes):
            break
        nodes = keep
    del graph.node[:]
    graph.node.extend(nodes)
    used = {name for node in nodes for name in node.input}
    kept = [init for init in graph.initializer if init.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(out / "model.onnx"))
    config = json.loads((MODEL / "config.json").read_text())
    config["newsgrist"]["model_id"] += "-fp32-dequantized"
    (out / "config.json").write_text(json.dumps(config, indent=2))
    shutil.copy(MODEL / "tokenizer.json", out / "tokenizer.json")


def transformers_peer(slice_path: str, fp32_dir: str) -> dict:
    import numpy as np
    import onnx
    import torch
    from onnx import numpy_helper
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast, pipeline
    from transformers.utils import logging as transformers_logging

    threads = os.cpu_count() or 1
    torch.set_num_threads(threads)
    source = json.loads((MODEL / "config.json").read_text())
    graph = onnx.load(str(Path(fp32_dir) / "model.onnx")).graph
    # the shared encoder's export names its NER part `ner.` (module Shared.ner): strip it
    arrays = {init.name.removeprefix("ner."): numpy_helper.to_array(init).copy() for init in graph.initializer}
    config = BertConfig(vocab_size=source["vocab_size"], hidden_size=source["hidden_size"],
                        num_hidden_layers=source["num_hidden_layers"],
                        num_attention_heads=source["num_attention_heads"],
                        intermediate_size=source["intermediate_size"],
                        max_position_embeddings=source["max_position_embeddings"],
                        type_vocab_size=source["type_vocab_size"], num_labels=source["num_labels"],
                        id2label={int(k): v for k, v in source["id2label"].items()},
                        label2id=source["label2id"])
    model = BertForTokenClassification(config).eval()
    state = {}
    for name, value in arrays.items():
        if name.startswith("bert.embeddings.word_embeddings"):
            state["bert.embeddings.word_embeddings.weight"] = value
        elif name.startswith(("bert.", "classifier.")):
            state[name] = value
    for node in graph.node:  # products: /bert/encoder/layer.0/attention/self/query/MatMul... -> its Linear
        if node.op_type == "MatMul" and node.input[1] in arrays:
            layer = node.name.strip("/").split("/MatMul")[0].replace("/", ".").removeprefix("ner.")
            if layer.startswith(("bert.", "classifier")):  # not the attribution head's product
                state[f"{layer}.weight"] = arrays[node.input[1].removeprefix("ner.")].T
    missing, unexpected = model.load_state_dict({k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in state.items()},
                                                strict=False)
    transformers_logging.set_verbosity_error()  # the long-input warning: the stride handles it
    missing = [name for name in missing if not name.endswith("position_ids")]
    if missing or unexpected:
        raise SystemExit(f"weights do not fit BertForTokenClassification: missing {missing}, unexpected {unexpected}")
    tokenizer = BertTokenizerFast(tokenizer_file=str(MODEL / "tokenizer.json"), do_lower_case=True,
                                  model_max_length=256, clean_up_tokenization_spaces=False)
    ner = pipeline("token-classification", model=model, tokenizer=tokenizer, aggregation_strategy="simple",
                   stride=32, batch_size=8, device=-1)
    texts = [json.loads(line)["text"] for line in open(slice_path, encoding="utf-8")]
    tokens = sum(len(tokenizer(text, add_special_tokens=False)["input_ids"]) for text in texts)
    start = time.perf_counter()
    with torch.inference_mode():
        entities = sum(len(found) for found in ner(texts))
    seconds = time.perf_counter() - start
    return {"documents": len(texts), "seconds": seconds, "tokens": tokens, "entities": entities,
            "documents_per_second": len(texts) / seconds, "tokens_per_second": tokens / seconds,
            "threads": threads, "transformers": __import__("transformers").__version__,
            "torch": torch.__version__}


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "peer":
        print(json.dumps(peer(sys.argv[2])))
    elif len(sys.argv) >= 4 and sys.argv[1] == "transformers":
        print(json.dumps(transformers_peer(sys.argv[2], sys.argv[3])))
    elif len(sys.argv) >= 3 and sys.argv[1] == "fp32-model":
        fp32_model(sys.argv[2])
    elif len(sys.argv) >= 2 and sys.argv[1] == "probe":
        print(json.dumps(probe()))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
