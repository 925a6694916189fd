"""Scores a SeqAug model exported to safetensors with the BASRec authors' own model and evaluation.

Run by bench/evaluate-in-published.sh inside a scratch copy of the authors' SASRec or GRU4Rec code
(their main.py, models.py, trainers.py, unmodified but for two spots that this driver rewrites in
memory: the line that loads their pre-trained checkpoint now loads the exported file, and the
training loop is replaced by one validation and one test pass). Prints one JSON line:
{"valid": [HR@5, NDCG@5, HR@10, NDCG@10, HR@20, NDCG@20], "test": [...]}.

usage: python3 evaluate_in_published.py MODEL.safetensors DATA_DIR DATA_NAME
"""
import json
import os
import re
import struct
import sys

import numpy as np
import torch


def read_safetensors(path):
    """A minimal safetensors reader (float32 only): header length, JSON header, raw little-endian data."""
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    data = raw[8 + n:]
    tensors = {}
    for name, entry in header.items():
        if entry["dtype"] != "F32":
            raise SystemExit(f"{path}: tensor {name} has dtype {entry['dtype']}, this reader takes F32 only")
        begin, end = entry["data_offsets"]
        array = np.frombuffer(data[begin:end], dtype="<f4").reshape(entry["shape"])
        tensors[name] = torch.from_numpy(array.copy())
    return tensors, meta


def model_arguments(meta):
    """The authors' command-line flags that give their module the exported model's shape."""
    common = ["--max_seq_length", meta["max_length"]]
    if meta["backbone"] == "sasrec":
        return common + ["--hidden_size", meta["hidden_size"], "--num_hidden_layers", meta["layers"],
                         "--num_attention_heads", meta["heads"]]
    if meta["backbone"] == "gru4rec":
        return common + ["--embedding_size", meta["hidden_size"], "--hidden_size", meta["gru_hidden_size"],
                         "--num_layers", meta["layers"]]
    raise SystemExit(f"backbone {meta['backbone']} has no published counterpart to score it")


def main():
    model_file, data_dir, data_name = sys.argv[1:4]
    tensors, meta = read_safetensors(model_file)
    if meta.get("names") != "published":
        raise SystemExit(f"{model_file}: exported with names '{meta.get('names')}'; export with --names published")

    sys.path.insert(0, os.getcwd())  # their modules, beside their main.py
    source = open("main.py").read()
    load = re.search(r"model\.load_state_dict\(torch\.load\(args\.data_dir \+ 'M4SRec-' \+ args\.data_name \+ '-\d+\.pt'\)\)",
                     source)
    assert load, "the published main.py changed: the pre-trained checkpoint's load line was not found"
    source = source.replace(load.group(0), "model.load_state_dict(SEQAUG_STATE, strict=True)\n"
                            "        assert args.item_size == SEQAUG_ROWS, "
                            "'the data gives %d table rows, the export has %d' % (args.item_size, SEQAUG_ROWS)")
    loop_start = ("        if args.load_pretrain:\n"
                  "            print('Performance of pre-trained model on the validation set:')\n"
                  "            trainer.valid(0, full_sort=True)\n")
    assert loop_start in source, "the published main.py changed: the validation of the loaded model was not found"
    scoring = ("        valid_scores, _ = trainer.valid(0, full_sort=True)\n"
               "        trainer.args.train_matrix = test_rating_matrix\n"
               "        test_scores, _ = trainer.test(0, full_sort=True)\n"
               "        print('SEQAUG-RESULT ' + json.dumps({'valid': [float(x) for x in valid_scores],\n"
               "                                             'test': [float(x) for x in test_scores]}), flush=True)\n"
               "        raise SystemExit(0)\n")
    source = source.replace(loop_start, scoring, 1)

    sys.argv = ["main.py", "--data_dir", data_dir, "--data_name", data_name, "--no_cuda", "--load_pretrain",
                "--output_dir", "output/"] + model_arguments(meta)
    scope = {"__name__": "__main__", "SEQAUG_STATE": tensors, "SEQAUG_ROWS": int(meta["table_rows"]), "json": json}
    exec(compile(source, "main.py", "exec"), scope)


if __name__ == "__main__":
    main()
