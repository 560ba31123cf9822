"""The 50-trial grid of bench/sweep-50.json as a loop in one PyTorch process (CPU).

Each trial is D2L 4.10's house-price k-fold run as in ../shared/bench/d2l_house_torch.py: the same
preprocessing (once, before the loop), a linear net, 5 contiguous folds, Adam with the trial's learning
rate, weight decay and batch size, 100 epochs, train and valid log RMSE after every epoch. Trials are
numbered as djx numbers them: the first parameter changes slowest.

Usage: /usr/bin/python3 bench/sweep_torch.py DATA_DIR [threads]
Prints one line per trial, the number of trials, the best trial and its average valid log RMSE.
threads limits torch's threads and OpenBLAS's: Debian's torch calls OpenBLAS, whose own worker thread
spins on a second core even after torch.set_num_threads(1).
"""
import itertools, os, sys, time
if len(sys.argv) > 2:
    os.environ["OPENBLAS_NUM_THREADS"] = sys.argv[2]
import numpy as np, pandas as pd, torch
from torch import nn

data_dir = sys.argv[1]
if len(sys.argv) > 2:
    torch.set_num_threads(int(sys.argv[2]))
lrs, wds, batch_sizes = [1, 2, 5, 10, 20], [0, 0.001, 0.01, 0.1, 1], [32, 64]
k, num_epochs = 5, 100
t_start = time.perf_counter()

train_data = pd.read_csv(f"{data_dir}/kaggle_house_pred_train.csv")
test_data = pd.read_csv(f"{data_dir}/kaggle_house_pred_test.csv")
all_features = pd.concat((train_data.iloc[:, 1:-1], test_data.iloc[:, 1:]))
numeric = all_features.dtypes[all_features.dtypes != 'object'].index
all_features[numeric] = all_features[numeric].apply(lambda x: (x - x.mean()) / x.std())
all_features[numeric] = all_features[numeric].fillna(0)
all_features = pd.get_dummies(all_features, dummy_na=True)
n_train = train_data.shape[0]
X = torch.tensor(all_features[:n_train].values.astype(np.float32))
y = torch.tensor(train_data.SalePrice.values.reshape(-1, 1), dtype=torch.float32)

loss = nn.MSELoss()

def log_rmse(net, f, l):
    with torch.no_grad():
        p = torch.clamp(net(f), 1, float('inf'))
        return torch.sqrt(loss(torch.log(p), torch.log(l))).item()

def train(net, Xt, yt, Xv, yv, epochs, lr, wd, bs):
    it = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(Xt, yt), bs, shuffle=True)
    opt = torch.optim.Adam(net.parameters(), lr=lr, weight_decay=wd)
    tr, va = [], []
    for _ in range(epochs):
        for xb, yb in it:
            opt.zero_grad(); l = loss(net(xb), yb); l.backward(); opt.step()
        tr.append(log_rmse(net, Xt, yt)); va.append(log_rmse(net, Xv, yv))
    return tr, va

def fold(i):
    n = X.shape[0] // k
    vi = slice(i * n, (i + 1) * n)
    mask = torch.ones(X.shape[0], dtype=torch.bool); mask[vi] = False
    mask[k * n:] = False  # D2L drops the remainder rows
    return X[mask], y[mask], X[vi], y[vi]

results = []
for trial, (lr, wd, bs) in enumerate(itertools.product(lrs, wds, batch_sizes), start=1):
    torch.manual_seed(0)
    vs = 0.0
    for i in range(k):
        net = nn.Sequential(nn.Linear(X.shape[1], 1))
        vs += train(net, *fold(i), num_epochs, lr, wd, bs)[1][-1]
    results.append((vs / k, trial, lr, wd, bs))
    print(f"trial {trial}: lr {lr}, weight decay {wd}, batch size {bs}, avg valid log rmse {vs / k:f}")
best = min(results)
print(f"trials: {len(results)}")
print(f"best trial {best[1]}: lr {best[2]}, weight decay {best[3]}, batch size {best[4]}, avg valid log rmse: {best[0]:f}")
print(f"time {time.perf_counter() - t_start:.2f}s")
