"""The house-price MLP of experiments/house-prices-mlp.json in PyTorch (CPU), for bench/compare.sh.

Same recipe: log1p of the numeric columns whose |skew| exceeds 0.75, then standardized, missing values 0,
one-hot categories with a missing indicator (all fitted on the training and test rows, as D2L does);
the log price, standardized on each fold's training rows; MLP 331-512-1 with relu and dropout 0.1;
AdamW (lr 2.1e-4, weight decay 0.42), MSE, batch 64, 40 epochs; D2L's contiguous 5 folds; the train and
valid log RMSE after every epoch, on the price's scale.

Usage: /usr/bin/python3 bench/house_mlp_torch.py DATA_DIR [threads [width dropout lr weight_decay epochs]]
(for example 256 0.3 1e-3 0.05 60 for the recipe of ../shared/docs/REFERENCE.md)
"""
import sys
import numpy as np, pandas as pd, torch
from torch import nn

data_dir = sys.argv[1]
if len(sys.argv) > 2:
    torch.set_num_threads(int(sys.argv[2]))
width, dropout, lr, wd, epochs = (int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]),
                                  int(sys.argv[7])) if len(sys.argv) > 7 else (512, 0.1, 2.1e-4, 0.42, 40)
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
X = torch.tensor(all_features[:n_train].values.astype(np.float32))
price = torch.tensor(train_data.SalePrice.values.reshape(-1, 1), dtype=torch.float32)
print("features", all_features.shape, "log1p columns", len(skewed))

mse = nn.MSELoss()

def log_rmse(net, f, p, mean, std):
    with torch.no_grad():
        predicted = torch.exp(net(f) * std + mean)
        return torch.sqrt(mse(torch.log(torch.clamp(predicted, 1, float('inf'))), torch.log(p))).item()

k = 5
n = n_train // k
ts = vs = 0.0
for i in range(k):
    mask = torch.ones(n_train, dtype=torch.bool); mask[i * n:(i + 1) * n] = False; mask[k * n:] = False
    Xt, pt, Xv, pv = X[mask], price[mask], X[i * n:(i + 1) * n], price[i * n:(i + 1) * n]
    logs = torch.log(pt); mean = logs.mean(); std = logs.std()
    yt = (logs - mean) / std
    net = nn.Sequential(nn.Linear(X.shape[1], width), nn.ReLU(), nn.Dropout(dropout), nn.Linear(width, 1))
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=wd)
    it = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(Xt, yt), 64, shuffle=True)
    for _ in range(epochs):
        net.train()
        for xb, yb in it:
            opt.zero_grad(); l = mse(net(xb), yb); l.backward(); opt.step()
        net.eval()
        tr = log_rmse(net, Xt, pt, mean, std); va = log_rmse(net, Xv, pv, mean, std)
    print(f"fold {i + 1}, train log rmse {tr:f}, valid log rmse {va:f}")
    ts += tr; vs += va
print(f"{k}-fold validation: avg train log rmse: {ts / k:f}, avg valid log rmse: {vs / k:f}")
