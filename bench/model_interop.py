#!/usr/bin/env python3
"""djx models and PyTorch's nn.Sequential, both ways, through safetensors files read and written in plain Python.

  model_interop.py djx-to-torch RUN_DIR DATA_DIR model|float64
      Rebuilds the model a djx submission run saved (RUN_DIR/model.json, RUN_DIR/model.safetensors) as an
      nn.Sequential in evaluation mode, preprocesses DATA_DIR/kaggle_house_pred_test.csv as model.json records,
      predicts in the model's dtype (or in float64 from the same weights and inputs), undoes the target transform,
      and compares with RUN_DIR/submission.csv.
  model_interop.py torch-to-djx CASE WORK
      CASE is d2l (D2L 4.7's 2-3-2-2 sigmoid network with forward-pass.json's weights) or mlp (a random 5-8-3
      relu network). Writes WORK/CASE.safetensors from the network's state_dict, WORK/CASE.json (a djx forward
      experiment that starts from it with "weights-from") and WORK/CASE-torch.json (PyTorch's outputs under the
      names djx gives its results).
  model_interop.py compare RUN_DIR EXPECTED_JSON
      Compares the results in a djx run's summary.json with EXPECTED_JSON.

Each comparison prints one line: "max-abs A max-rel R values N". No safetensors package: the format is an 8-byte
little-endian header length, a JSON header, then the tensors' bytes.
"""
import json
import math
import pathlib
import struct
import sys

import numpy as np
import pandas as pd
import torch
from torch import nn

ROOT = pathlib.Path(__file__).resolve().parent.parent
DTYPES = {"F32": torch.float32, "F64": torch.float64}
# The spellings djx reads as a missing cell (org.djx.api.data.Cells): pandas' defaults but None, and the infinities.
MISSING = {"", "NA", "N/A", "n/a", "NULL", "null", "#N/A", "#N/A N/A", "#NA", "<NA>", "-1.#IND", "-1.#QNAN", "1.#IND",
           "1.#QNAN", "NaN", "nan", "-NaN", "-nan", "+NaN", "+nan", "Infinity", "-Infinity", "+Infinity", "inf", "-inf",
           "+inf", "Inf", "-Inf", "+Inf"}


def read_safetensors(path):
    data = pathlib.Path(path).read_bytes()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        raw = bytearray(data[8 + n + start:8 + n + end])
        tensors[name] = torch.frombuffer(raw, dtype=DTYPES[entry["dtype"]]).reshape(entry["shape"]).clone()
    return tensors


def write_safetensors(path, tensors):
    formats = {torch.float32: ("F32", "<f4"), torch.float64: ("F64", "<f8")}
    header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for name, t in tensors.items():
        dtype, layout = formats[t.dtype]
        raw = t.detach().cpu().contiguous().numpy().astype(layout).tobytes()
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    pathlib.Path(path).write_bytes(struct.pack("<Q", len(text)) + text + b"".join(blobs))


class Net(nn.Module):
    """An nn.Sequential under the attribute `layers`, so its state_dict names are djx's layers.<i>.<param>."""

    def __init__(self, layers):
        super().__init__()
        self.layers = nn.Sequential(*layers)

    def forward(self, x):
        return self.layers(x)


def torch_layers(model, inputs):
    layers, width = [], inputs
    for layer in model["layers"]:
        kind = layer["type"]
        if kind == "linear":
            layers.append(nn.Linear(width, layer["outputs"], bias=layer.get("bias", True)))
            width = layer["outputs"]
        elif kind == "dropout":
            layers.append(nn.Dropout(layer["p"]))
        else:
            layers.append({"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "identity": nn.Identity}[kind]())
    return layers


def numbers(value):
    return float(value)  # also "NaN" and "Infinity", as djx writes a statistic that is not finite


def preprocess(pre, frame):
    """model.json's preprocessing applied to the rows of `frame` (all cells text), as djx's FittedStep does."""
    columns = {}
    for column in pre["inputs"]:
        cells = frame[column["name"]]
        if column["type"] == "numeric":
            columns[column["name"]] = np.array([math.nan if c in MISSING else float(c) for c in cells])
        else:
            columns[column["name"]] = [None if c in MISSING else c for c in cells]
    for step in pre["steps"]:
        kind = step["type"]
        if kind == "log1p":
            for name in step["columns"]:
                columns[name] = np.log1p(columns[name])
        elif kind == "standardize":
            for name, s in step["columns"].items():
                mean, std = numbers(s["mean"]), numbers(s["std"])
                x = columns[name]
                columns[name] = np.where(np.isnan(x), x, (x - mean) / std if std > 0 else 0.0)
        elif kind == "fill-missing":
            for name, value in step["columns"].items():
                x = columns[name]
                columns[name] = np.where(np.isnan(x), numbers(value), x)
        elif kind == "one-hot":
            kept, indicators = {}, {}
            for name, values in columns.items():
                categories = step["columns"].get(name)
                if categories is None or isinstance(values, np.ndarray):
                    kept[name] = values
                    continue
                for category in categories:
                    indicators[name + "_" + category] = np.array([1.0 if v == category else 0.0 for v in values])
                if step["dummy-na"]:
                    indicators[name + "_nan"] = np.array([1.0 if v is None else 0.0 for v in values])
            columns = {**kept, **indicators}
        else:
            sys.exit("unknown preprocessing step " + kind)
    if list(columns) != pre["features"]:
        sys.exit("the preprocessed columns differ from model.json's features")
    return np.column_stack([columns[name] for name in pre["features"]])


def untransform(target, z):
    kind = target["type"]
    if kind in ("standardize", "log-standardize"):
        z = z * numbers(target["std"]) + numbers(target["mean"])
    return np.exp(z) if kind in ("log", "log-standardize") else z


def report(got, want):
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    diff = np.abs(got - want)
    rel = diff / np.maximum(np.abs(want), np.finfo(np.float64).tiny)
    print(f"max-abs {diff.max():.3e} max-rel {rel.max():.3e} values {got.size}")


def djx_to_torch(run_dir, data_dir, computed_in):
    run_dir = pathlib.Path(run_dir)
    saved = json.loads((run_dir / "model.json").read_text())
    dtype = torch.float32 if saved["model"]["dtype"] == "float32" else torch.float64
    net = Net(torch_layers(saved["model"], saved["inputs"])).to(dtype)
    net.load_state_dict(read_safetensors(run_dir / saved["weights"]["file"]), strict=True)
    net.eval()
    frame = pd.read_csv(pathlib.Path(data_dir) / "kaggle_house_pred_test.csv", dtype=str, keep_default_na=False)
    # The features are rounded to the model's dtype, as djx rounds them.
    x = torch.from_numpy(preprocess(saved["preprocessing"], frame)).to(dtype)
    if computed_in == "float64":
        # The same weights and inputs computed without float32's rounding: what is left is djx's own rounding.
        net, x = net.to(torch.float64), x.to(torch.float64)
    elif computed_in != "model":
        sys.exit("compute in 'model' (the model's dtype) or 'float64', not " + computed_in)
    with torch.no_grad():
        z = net(x).to(torch.float64).numpy()[:, 0]
    predicted = untransform(saved["target-transform"], z)
    submission = pd.read_csv(run_dir / "submission.csv", dtype={saved["data"]["id"]: str})
    if list(submission[saved["data"]["id"]]) != list(frame[saved["data"]["id"]]):
        sys.exit("submission.csv's ids are not the test file's, in its order")
    report(predicted, submission[saved["data"]["target"]].to_numpy())


def d2l_network():
    """forward-pass.json's network; its weights are djx's [inputs, outputs], PyTorch's the transpose."""
    spec = json.loads((ROOT / "experiments" / "forward-pass.json").read_text())
    layers = torch_layers({"layers": spec["model"]["layers"]}, spec["model"]["inputs"])
    net = nn.Sequential(*layers).to(torch.float64)
    with torch.no_grad():
        for i, layer in enumerate(spec["model"]["layers"]):
            if layer["type"] == "linear":
                net[i].weight.copy_(torch.tensor(layer["weights"], dtype=torch.float64).T)
                net[i].bias.copy_(torch.tensor(layer["biases"], dtype=torch.float64))
    inputs = torch.tensor([[1.0, 0.5], [-0.3, 2.0], [0.0, 0.0]], dtype=torch.float64)
    return net, net.state_dict(), [{k: v for k, v in l.items() if k not in ("weights", "biases")}
                                   for l in spec["model"]["layers"]], 2, inputs


def mlp_network():
    torch.manual_seed(0)
    net = Net([nn.Linear(5, 8), nn.ReLU(), nn.Linear(8, 3)]).to(torch.float64)
    layers = [{"type": "linear", "outputs": 8}, {"type": "relu"}, {"type": "linear", "outputs": 3, "name": "Y"}]
    return net, net.state_dict(), layers, 5, torch.randn(4, 5, dtype=torch.float64)


def torch_to_djx(case, work):
    work = pathlib.Path(work)
    net, state, layers, width, inputs = {"d2l": d2l_network, "mlp": mlp_network}[case]()
    # The d2l network is a bare nn.Sequential (names 0.weight, ...), the mlp one has djx's layers.<i>. prefix.
    write_safetensors(work / f"{case}.safetensors", state)
    experiment = {"task": "forward", "name": f"interop-{case}",
                  "model": {"inputs": width, "dtype": "float64", "weights-from": f"{case}.safetensors", "layers": layers},
                  "data": {"inputs": inputs.tolist()}}
    (work / f"{case}.json").write_text(json.dumps(experiment, indent=2))
    expected, x = {}, inputs
    net.eval()
    sequential = net.layers if isinstance(net, Net) else net
    with torch.no_grad():
        for layer, module in zip(layers, sequential):
            x = module(x)
            if "name" in layer:
                for r, row in enumerate(x.tolist()):
                    for c, value in enumerate(row):
                        expected[f"{layer['name']}[{r}][{c}]"] = value
    (work / f"{case}-torch.json").write_text(json.dumps(expected, indent=2))


def compare(run_dir, expected_file):
    results = json.loads((pathlib.Path(run_dir) / "summary.json").read_text())["results"]
    expected = json.loads(pathlib.Path(expected_file).read_text())
    if set(results) != set(expected):
        sys.exit(f"djx reports {sorted(results)}, PyTorch {sorted(expected)}")
    names = sorted(expected)
    report([results[n] for n in names], [expected[n] for n in names])


if __name__ == "__main__":
    commands = {"djx-to-torch": (djx_to_torch, 3), "torch-to-djx": (torch_to_djx, 2), "compare": (compare, 2)}
    if len(sys.argv) < 2 or sys.argv[1] not in commands or len(sys.argv) != 2 + commands[sys.argv[1]][1]:
        sys.exit(__doc__)
    commands[sys.argv[1]][0](*sys.argv[2:])
