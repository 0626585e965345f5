#!/usr/bin/env python3
"""Rebuild a torch checkpoint of the relation model from the shipped, quantized
`models/relations/model.onnx`, for further training when the fp32 run that made it is gone
(training checkpoints live in .cache/, which no clone carries).

    .venv-train/bin/python scripts/recover_relation_weights.py --run v3-recovered
    .venv-train/bin/python scripts/train_relations.py --init relations:v3-recovered ...

The int8 matrices are dequantized per channel ((q - zero point) * scale), the 4-bit word
embeddings by running ONNX Runtime's own GatherBlockQuantized over every token id, so the
unpacking is the runtime's and not a copy of it. The rebuilt weights are the quantized model's
weights exactly (not the fp32 model's before quantization); the script checks that torch and
ONNX Runtime agree on the golden sentences of `models/relations/golden.json` and writes
.cache/relation_runs/<run>/best.pt in train_relations.py's checkpoint format.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_common as nc  # noqa: E402
import relations_common as rc  # noqa: E402

HEAD_WEIGHTS = {"kbp.weight_quantized": "kbp.weight", "crossre.weight_quantized": "crossre.weight"}


def torch_name(matmul_output: str) -> str:
    """'/bert/encoder/layer.0/attention/self/query/MatMul_output_0_output_quantized' ->
    'bert.encoder.layer.0.attention.self.query.weight' (the export keeps module paths in node names)."""
    path = matmul_output.split("/MatMul")[0].strip("/")
    return path.replace("/", ".") + ".weight"


def word_embeddings(model, vocab: int):
    """The 4-bit table dequantized by ONNX Runtime: a one-node graph over every token id."""
    import numpy as np
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper

    node = next(n for n in model.graph.node if n.op_type == "GatherBlockQuantized")
    inits = [i for i in model.graph.initializer if i.name in (node.input[0], node.input[2])]
    graph = helper.make_graph(
        [helper.make_node("GatherBlockQuantized", list(node.input), ["table"], domain="com.microsoft",
                          **{a.name: helper.get_attribute_value(a) for a in node.attribute})],
        "dequantize", [helper.make_tensor_value_info("input_ids", TensorProto.INT64, [vocab])],
        [helper.make_tensor_value_info("table", TensorProto.FLOAT, None)], initializer=inits)
    small = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 21),
                                                    helper.make_opsetid("com.microsoft", 1)])
    small.ir_version = model.ir_version
    sess = ort.InferenceSession(small.SerializeToString(), providers=["CPUExecutionProvider"])
    return sess.run(["table"], {"input_ids": np.arange(vocab, dtype=np.int64)})[0]


def recovered_state(onnx_path: Path, template: dict) -> dict:
    import numpy as np
    import onnx
    import torch
    from onnx import numpy_helper

    model = onnx.load(str(onnx_path))
    inits = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    state = {}
    for name, value in inits.items():
        if name in template:
            state[name] = value
    for n in model.graph.node:
        if n.op_type != "MatMulInteger":
            continue
        w = n.input[1]
        name = HEAD_WEIGHTS.get(w) or torch_name(n.output[0])
        base = w[: -len("_quantized")]
        q = inits[w].astype(np.float32)
        zp = inits[base + "_zero_point"].astype(np.float32)
        scale = inits[base + "_scale"].astype(np.float32)
        state[name] = ((q - zp) * scale).T  # ONNX MatMul [in, out]; torch Linear [out, in]
    vocab = template["bert.embeddings.word_embeddings.weight"].shape[0]
    state["bert.embeddings.word_embeddings.weight"] = word_embeddings(model, vocab)
    out = {}
    for k, v in template.items():
        if k not in state:
            if v.is_floating_point():
                raise SystemExit(f"{onnx_path}: no weights for {k}; is this a relation model export?")
            out[k] = v  # integer buffers (position ids)
            continue
        t = torch.from_numpy(np.array(state[k], dtype=np.float32))
        if tuple(t.shape) != tuple(v.shape):
            raise SystemExit(f"{onnx_path}: {k} has shape {tuple(t.shape)}, the model {tuple(v.shape)}")
        out[k] = t.to(v.dtype)
    return out


def check_golden(model, golden_path: Path) -> tuple[float, float]:
    """Over the golden sentences' pairs: the share whose best label torch and ONNX Runtime
    agree on, and the largest probability difference. They differ a little because ONNX
    Runtime also quantizes the activations (dynamically, per call) and torch does not."""
    import torch

    golden = json.loads(golden_path.read_text())
    worst, agree, n = 0.0, 0, 0
    model.eval()
    for case in golden["cases"]:
        ids = torch.tensor([case["input_ids"]])
        shapes = torch.tensor([case["shape_ids"]])
        # entities are marked in text order, each opened by the start marker
        starts = [i for i, t in enumerate(case["input_ids"]) if t == rc.START_ID]
        pairs = torch.tensor([(0, starts[h], starts[t]) for h, t in case["pairs"]]).view(-1, 3)
        with torch.no_grad():
            kl, _ = model(ids, torch.ones_like(ids), torch.zeros_like(ids), shapes, pairs)
        lp = torch.log_softmax(kl, -1)
        ref = torch.tensor(case["log_probs"]["kbp37"])
        agree += int((lp.argmax(-1) == ref.argmax(-1)).sum())
        n += len(ref)
        worst = max(worst, float((lp.exp() - ref.exp()).abs().max()))
    return agree / max(1, n), worst


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--run", default="recovered", help="writes .cache/relation_runs/<run>/best.pt")
    ap.add_argument("--model-dir", default=str(nc.REPO / "models" / "relations"))
    args = ap.parse_args()

    import torch

    model_dir = Path(args.model_dir)
    model, _ = rc.build_model(nc.base_dir(), load_base=False)
    state = recovered_state(model_dir / "model.onnx", model.state_dict())
    model.load_state_dict(state)
    agree, worst = check_golden(model, model_dir / "golden.json")
    print(f"torch vs ONNX Runtime on golden.json: same best label for {100 * agree:.1f}% of pairs, "
          f"largest probability difference {worst:.3f}")
    if agree < 1.0 or worst > 0.15:
        raise SystemExit("the rebuilt weights do not reproduce the shipped model; not written")
    out = nc.CACHE / "relation_runs" / args.run
    out.mkdir(parents=True, exist_ok=True)
    model_id = json.loads((model_dir / "config.json").read_text()).get("newsgrist", {}).get("model_id")
    nc.save_atomic({"model": model.state_dict(), "epoch": 0, "args": vars(args),
                    "init": f"recovered from {model_dir / 'model.onnx'} ({model_id})"}, out / "best.pt")
    print(f"wrote {out / 'best.pt'}")


if __name__ == "__main__":
    main()
