#!/usr/bin/env python3
"""Shrink an exported newsgrist model: int8 matrix weights, as the export scripts quantize
them, plus word-embedding rows in 4 bits (ONNX Runtime's GatherBlockQuantized).

The word-embedding table (30,522 x 384) is half of each MiniLM model's weights. In int8 it
is 11.7 MB of the 23 MB `model.onnx`; in 4 bits with one fp32 scale per block of `--block`
values it is 6.2 MB (block 128) to 7.3 MB (block 32), which brings the three models under
the 60 MB that issue #3 allows for `models/`. Everything else of the graph (position, token
type and casing embeddings, LayerNorm, biases) stays fp32; the matrix weights stay int8 per
channel with activations quantized at run time, exactly as before.

    .venv-train/bin/python scripts/quantize_embeddings.py ner --block 128
    .venv-train/bin/python scripts/quantize_embeddings.py attribution --block 128
    .venv-train/bin/python scripts/quantize_embeddings.py relations --block 32

reads `.cache/<task>_export/model.fp32.onnx` (written by `scripts/export_ner_onnx.py`
[--task attribution] or `scripts/export_relations_onnx.py`), writes `models/<dir>/model.onnx`,
sets `newsgrist.onnx_weights` in its config.json and rewrites its golden.json (the Rust
parity tests' reference) from the new model. Score the result with `newsgrist eval ...`
before committing it: the block sizes above are the largest whose dev scores stayed within
0.3 points of the int8 model's (models/*/README.md).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_common as nc  # noqa: E402

ID_SUFFIX = "-emb4"
TASKS = {  # task: (export cache dir, model dir)
    "ner": ("ner_export", "ner"),
    "attribution": ("attribution_export", "attribution"),
    "relations": ("relation_export", "relations"),
}


def quantize(fp32: Path, out: Path, block: int) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.quantization import matmul_nbits_quantizer as mq

    matmul_only = out.with_suffix(".int8.tmp.onnx")
    quantize_dynamic(str(fp32), str(matmul_only), weight_type=QuantType.QInt8, per_channel=True,
                     op_types_to_quantize=["MatMul"])
    model = onnx.load(str(matmul_only))
    matmul_only.unlink()
    weights = {init.name for init in model.graph.initializer}
    gathers = [n for n in model.graph.node if n.op_type == "Gather" and n.input[0] in weights]
    word = [n.name for n in gathers if "word_embeddings" in n.name]
    if len(word) != 1:
        raise SystemExit(f"{fp32}: expected one word-embedding Gather, found {word or 'none'}")
    config = mq.DefaultWeightOnlyQuantConfig(
        block_size=block, is_symmetric=True, accuracy_level=None, bits=4,
        op_types_to_quantize=("Gather",), quant_axes=(("Gather", 1),))
    quantizer = mq.MatMulNBitsQuantizer(model, algo_config=config,
                                        nodes_to_exclude=[n.name for n in gathers if n.name not in word])
    quantizer.process()
    quantizer.model.save_model_to_file(str(out), use_external_data_format=False)
    onnx.checker.check_model(onnx.load(str(out)))


def rewrite_golden(task: str, model_dir: Path, weights: str) -> None:
    import export_ner_onnx as en
    from export_ner_onnx import ort_session

    tok = nc.load_tokenizer(model_dir / "tokenizer.json")
    sess = ort_session(model_dir / "model.onnx", 2)
    if task == "ner":
        en.write_golden(model_dir, tok, sess, weights)
    elif task == "attribution":
        import attribution_common as ac
        en.write_golden(model_dir, tok, sess, weights, texts=en.ATTRIBUTION_GOLDEN_TEXTS,
                        labels=ac.LABELS, model_dir="models/attribution")
    else:
        import export_relations_onnx as er
        config = json.loads((model_dir / "config.json").read_text())
        er.write_golden(model_dir, tok, sess, weights,
                        typed=bool(config["newsgrist"].get("entity_start_ids_by_type")))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("task", choices=sorted(TASKS))
    ap.add_argument("--block", type=int, default=128, choices=[32, 64, 128],
                    help="values per 4-bit block (one fp32 scale each); smaller is closer to int8")
    ap.add_argument("--out", help="model directory to write [default: models/<task's dir>]")
    args = ap.parse_args()
    export_dir, name = TASKS[args.task]
    fp32 = nc.CACHE / export_dir / "model.fp32.onnx"
    if not fp32.exists():
        raise SystemExit(f"{fp32} is missing: export the model first (see this script's doc)")
    model_dir = Path(args.out) if args.out else nc.REPO / "models" / name
    weights = f"int8_per_channel+int4_word_embeddings_block{args.block}"
    quantize(fp32, model_dir / "model.onnx", args.block)
    config_path = model_dir / "config.json"
    config = json.loads(config_path.read_text())
    config["newsgrist"]["onnx_weights"] = weights
    # other weights give (slightly) other output: records name the model by this id
    model_id = config["newsgrist"]["model_id"].removesuffix(ID_SUFFIX)
    config["newsgrist"]["model_id"] = model_id + ID_SUFFIX
    config_path.write_text(json.dumps(config, indent=2) + "\n")
    rewrite_golden(args.task, model_dir, weights)
    size = (model_dir / "model.onnx").stat().st_size
    print(f"wrote {model_dir / 'model.onnx'} ({size / 1e6:.1f} MB, {weights}), config.json, golden.json")


if __name__ == "__main__":
    main()
