#!/usr/bin/env python3
"""Write the NER model in the form rust-bert loads, for scripts/bench-rust-bert.sh.

rust-bert's `NERModel` reads `rust_model.safetensors` (tch's VarStore loads safetensors by
extension), `config.json` (with `id2label`) and `vocab.txt`. The encoder has as many layers as
`models/ner/config.json` says (the shipped model's shape). The weights are newsgrist's
fine-tuned NER encoder and head from the training run of that depth with the best valid F1
(`.cache/ner_runs/*/best.pt`; for the shipped model, the run it was exported from) when one is
here, otherwise the base MiniLM's lowest layers with a zero head: the speed does
not depend on the values. rust-bert has no input for newsgrist's casing embedding, so it is left out (its
cost is one embedding lookup). The position table is cut to 256 rows so that rust-bert's
pipeline, which takes its window length from `max_position_embeddings`, uses the same
256-token windows as newsgrist.

    .venv-train/bin/python scripts/rust_bert_weights.py OUT_DIR
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_common as nc  # noqa: E402

WINDOW = 256


def main() -> None:
    import torch
    from safetensors.torch import load_file, save_file

    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    base = nc.base_dir()
    ner_config = json.loads((nc.REPO / "models/ner/config.json").read_text())
    layers = ner_config["num_hidden_layers"]
    weights, source, best_f1 = None, "", -1.0
    for checkpoint in sorted(nc.CACHE.glob("ner_runs/*/best.pt")):
        saved = torch.load(checkpoint, map_location="cpu", weights_only=False)
        state, f1 = saved["model"], saved["valid"]["overall"]["f1"]
        depth = len({k.split(".")[3] for k in state if k.startswith("bert.encoder.layer.")})
        if depth == layers and f1 > best_f1:
            weights, source, best_f1 = state, str(checkpoint.relative_to(nc.REPO)), f1
    if weights is None:
        weights = {"bert." + k: v for k, v in load_file(str(base / "model.safetensors")).items()
                   if not k.startswith("encoder.layer.") or int(k.split(".")[2]) < layers}
        labels = len(ner_config["id2label"])
        weights["classifier.weight"] = torch.zeros(labels, weights["bert.embeddings.word_embeddings.weight"].shape[1])
        weights["classifier.bias"] = torch.zeros(labels)
        source = f"base MiniLM, lowest {layers} layers, zero head"
    weights = {k: v.float().contiguous() for k, v in weights.items()
               if not k.startswith("shape_emb") and "position_ids" not in k}
    weights["bert.embeddings.position_embeddings.weight"] = \
        weights["bert.embeddings.position_embeddings.weight"][:WINDOW].clone()
    save_file(weights, str(out / "rust_model.safetensors"))

    config = json.loads((base / "config.json").read_text())
    config.update(max_position_embeddings=WINDOW, num_hidden_layers=layers, id2label=ner_config["id2label"],
                  label2id=ner_config["label2id"], output_attentions=False, output_hidden_states=False)
    (out / "config.json").write_text(json.dumps(config, indent=1))
    (out / "vocab.txt").write_bytes((base / "vocab.txt").read_bytes())
    print(f"{out}: {len(weights)} tensors from {source}")


if __name__ == "__main__":
    main()
