#!/usr/bin/env bash
# Shows that djx and PyTorch compute the same thing for the house-price MLP (log1p and standardized features,
# log-standardized target, 331-256-1 relu, AdamW, MSE, batch 64, D2L's 5 folds): with PyTorch's initial
# weights in the experiment file, float64, and nothing random (no dropout, no shuffling), each fold's
# validation log RMSE after 60 epochs, 1140 AdamW steps, must agree to about 1e-12. With dropout and
# shuffling the two draw different random numbers, and only their distributions over seeds compare.
#
# Usage: bench/house_mlp_parity.sh      Needs: mvn -q package -DskipTests, the house-price files in
# $DJX_DATA, and PyTorch and pandas for $PYTHON (default /usr/bin/python3).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-/usr/bin/python3}"
data="${DJX_DATA:-$root/../shared/datasets}"
[ -x "$root/djx" ] && [ -d "$root/distribution/target/djx" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$python" "$root/bench/house_mlp_parity.py" "$data" "$work/parity.json" > "$work/torch.txt"
DJX_DATA="$data" "$root/djx" run "$work/parity.json" --quiet --out "$work/run" > /dev/null
worst=0
for fold in 1 2 3 4 5; do
  torch_value="$(awk -v f="$fold" '$2 == f {print $3}' "$work/torch.txt")"
  djx_value="$(grep -o "\"fold-$fold/valid-log-rmse\" : [0-9.eE-]*" "$work/run/summary.json" | awk '{print $3}')"
  awk -v f="$fold" -v d="$djx_value" -v t="$torch_value" 'BEGIN {
    printf "fold %d valid log rmse: djx %.15f  PyTorch %.15f  difference %.1e\n", f, d, t, (d > t ? d - t : t - d) }'
  worst="$(awk -v w="$worst" -v d="$djx_value" -v t="$torch_value" 'BEGIN { x = d > t ? d - t : t - d; print (x > w ? x : w) }')"
done
awk -v w="$worst" 'BEGIN { printf "largest difference %.1e: %s\n", w, (w <= 1e-10 ? "the same computation" : "DIFFERENT"); exit (w <= 1e-10 ? 0 : 1) }'
