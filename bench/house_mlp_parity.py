"""PyTorch's half of bench/house_mlp_parity.sh: the house-price MLP of house_mlp_torch.py in float64, from
PyTorch's initial weights, without dropout and without shuffling, so that nothing random is left.

Writes a djx experiment with the same recipe whose layers carry those very weights (explicit "weights" and
"biases"), then trains PyTorch's network and prints each fold's validation log RMSE after the last epoch,
one per line as "fold I VALUE". Any difference from djx's figures is then the implementations', not chance.

Usage: /usr/bin/python3 bench/house_mlp_parity.py DATA_DIR EXPERIMENT_OUT [width lr weight_decay epochs]
"""
import json, sys
import numpy as np, pandas as pd, torch
from torch import nn

data_dir, experiment_out = sys.argv[1], sys.argv[2]
width, lr, wd, epochs = (int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])) \
    if len(sys.argv) > 6 else (256, 1e-3, 0.05, 60)
torch.manual_seed(0)

train_data = pd.read_csv(f"{data_dir}/kaggle_house_pred_train.csv")
test_data = pd.read_csv(f"{data_dir}/kaggle_house_pred_test.csv")
all_features = pd.concat((train_data.iloc[:, 1:-1], test_data.iloc[:, 1:]))
numeric = all_features.dtypes[all_features.dtypes != 'object'].index
skewed = [c for c in numeric if abs(all_features[c].skew()) > 0.75]
all_features[skewed] = np.log1p(all_features[skewed])
all_features[numeric] = all_features[numeric].apply(lambda x: (x - x.mean()) / x.std())
all_features[numeric] = all_features[numeric].fillna(0)
all_features = pd.get_dummies(all_features, dummy_na=True)
n_train = train_data.shape[0]
X = torch.tensor(all_features[:n_train].values.astype(np.float64))
price = torch.tensor(train_data.SalePrice.values.reshape(-1, 1), dtype=torch.float64)


def network():
    return nn.Sequential(nn.Linear(X.shape[1], width), nn.ReLU(), nn.Linear(width, 1)).double()


initial = network().state_dict()
experiment = {
    "name": "house-prices-mlp-parity",
    "description": "Written by bench/house_mlp_parity.py: PyTorch's initial weights, float64, no dropout, no shuffle.",
    "task": "k-fold",
    "seed": 0,
    "dataset": {"type": "kaggle-house"},
    "preprocessing": {
        "fit-on": "train-and-test",
        "target-transform": "log-standardize",
        "steps": [{"type": "log1p", "min-skew": 0.75}, {"type": "standardize"},
                  {"type": "fill-missing", "value": 0}, {"type": "one-hot", "dummy-na": True}]},
    "model": {"dtype": "float64", "layers": [
        {"type": "linear", "outputs": width, "weights": initial["0.weight"].T.tolist(),
         "biases": initial["0.bias"].tolist()},
        {"type": "relu"},
        {"type": "linear", "outputs": 1, "weights": initial["2.weight"].T.tolist(), "biases": initial["2.bias"].tolist()}]},
    "loss": {"type": "mse"},
    "optimizer": {"type": "adamw", "lr": lr, "weight-decay": wd},
    "training": {"epochs": epochs, "batch-size": 64, "shuffle": False, "metric": "log-rmse"},
    "validation": {"folds": 5},
}
with open(experiment_out, "w") as f:
    json.dump(experiment, f)

mse = nn.MSELoss()


def log_rmse(net, f, p, mean, std):
    with torch.no_grad():
        predicted = torch.exp(net(f) * std + mean)
        return torch.sqrt(mse(torch.log(torch.clamp(predicted, 1, float('inf'))), torch.log(p))).item()


k = 5
n = n_train // k
for i in range(k):
    mask = torch.ones(n_train, dtype=torch.bool); mask[i * n:(i + 1) * n] = False; mask[k * n:] = False
    Xt, pt, Xv, pv = X[mask], price[mask], X[i * n:(i + 1) * n], price[i * n:(i + 1) * n]
    logs = torch.log(pt); mean = logs.mean(); std = logs.std()
    net = network(); net.load_state_dict(initial)
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=wd)
    batches = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(Xt, (logs - mean) / std), 64, shuffle=False)
    for _ in range(epochs):
        for xb, yb in batches:
            opt.zero_grad(); mse(net(xb), yb).backward(); opt.step()
    print(f"fold {i + 1} {log_rmse(net, Xv, pv, mean, std):.17g}")
