"""scikit-learn on the folds of a djx k-fold run of a classification experiment.

Usage: classification_sklearn.py MODEL CSV TARGET FOLDS_CSV [EPOCHS]
  MODEL      mlp-256, mlp-64 or logistic
  CSV        the table djx read (id column 'id', target column TARGET)
  FOLDS_CSV  folds.csv of the djx run: 'row,fold', row counting the table's records from 1
Prints one line per fold and a mean, 'fold F accuracy A', and the seconds the fits took.
Each fold standardizes the features with its training rows, as the djx experiments do.
"""
import sys
import time
import warnings

import numpy as np
import pandas as pd
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def model(name, epochs):
    if name == "logistic":
        return LogisticRegression(max_iter=5000)
    width = {"mlp-256": 256, "mlp-64": 64}[name]
    # scikit-learn's defaults (Adam, lr 1e-3, batch 200, L2 1e-4), as its reference score was measured.
    return MLPClassifier(hidden_layer_sizes=(width,), max_iter=epochs, random_state=0)


def main():
    # Its reference scores were measured with the default 200 iterations, which stop before Adam settles.
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    name, csv, target, folds_csv = sys.argv[1:5]
    epochs = int(sys.argv[5]) if len(sys.argv) > 5 else 200
    table = pd.read_csv(csv)
    y = table[target].astype(str).to_numpy()
    x = table.drop(columns=["id", target]).to_numpy(dtype=float)
    fold = pd.read_csv(folds_csv)["fold"].to_numpy()
    if len(fold) != len(y):
        sys.exit(f"{folds_csv} has {len(fold)} rows for {len(y)} records")
    scores = []
    start = time.perf_counter()
    for f in sorted(set(fold)):
        train, valid = fold != f, fold == f
        fitted = make_pipeline(StandardScaler(), model(name, epochs)).fit(x[train], y[train])
        scores.append(float(np.mean(fitted.predict(x[valid]) == y[valid])))
        print(f"fold {f} accuracy {scores[-1]:.6f}")
    print(f"mean accuracy {np.mean(scores):.6f}")
    print(f"seconds {time.perf_counter() - start:.2f}")


if __name__ == "__main__":
    main()
