#!/usr/bin/env bash
# Runs the same work in djx and in PyTorch's reference scripts, one after the other on this machine,
# and prints the ratios (absolute times drift between runs on shared machines; ratios hold better).
#
#   1. D2L's house-price k-fold run, whole process: ./djx run experiments/house-prices-kfold.json
#      against d2l_house_torch.py, wall time and peak memory.
#   2. The house-price MLP k-fold run (331-512-1, dropout, AdamW, log target), whole process:
#      ./djx run experiments/house-prices-mlp.json against bench/house_mlp_torch.py, the same recipe.
#   3. MLP 331-256-1 training throughput (Adam + MSE, 100000 synthetic rows) at batch 64 and 1024,
#      on one thread and on all cores: MlpThroughput against mlp_torch.py, samples per second.
#
# Usage: bench/compare.sh [RUNS]      (RUNS per measurement, default 3; the median is reported)
# Needs: mvn -q package -DskipTests (the distribution and bench/target/benchmarks.jar), the house-price
# files in $DJX_DATA, and PyTorch for $PYTHON (default /usr/bin/python3; on Debian:
# apt-get install -y python3-torch python3-pandas). The reference scripts are read from
# $DJX_TORCH_BENCH, by default ../shared/bench beside the project.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
python="${PYTHON:-/usr/bin/python3}"
reference="${DJX_TORCH_BENCH:-$root/../shared/bench}"
data="${DJX_DATA:-$root/../shared/datasets}"
jar="$root/bench/target/benchmarks.jar"
rows=100000
epochs=2
cores="$(nproc)"

fail() { echo "compare.sh: $*" >&2; exit 2; }
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || fail "RUNS must be a positive whole number, found '$runs'"
[ -f "$jar" ] && [ -x "$root/djx" ] || fail "build first: mvn -q package -DskipTests (no $jar)"
[ -f "$reference/d2l_house_torch.py" ] && [ -f "$reference/mlp_torch.py" ] \
  || fail "no PyTorch reference scripts in $reference; set DJX_TORCH_BENCH"
[ -f "$data/kaggle_house_pred_train.csv" ] && [ -f "$data/kaggle_house_pred_test.csv" ] \
  || fail "no house-price files in $data; set DJX_DATA"
"$python" -c "import torch, pandas" 2>/dev/null \
  || fail "$python cannot import torch and pandas (apt-get install -y python3-torch python3-pandas)"
command -v /usr/bin/time >/dev/null || fail "needs /usr/bin/time for peak memory (apt-get install -y time)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# median of the numbers on standard input
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# timed COMMAND...: runs it, prints "seconds peak_kb"; its output goes to $work/out
timed() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2>&1 || { cat "$work/out" >&2; fail "failed: $*"; }
  cat "$work/time"
}

echo "djx against PyTorch $("$python" -c 'import torch; print(torch.__version__)'), $cores cores, median of $runs runs"
echo

# 1. House-price k-fold, whole process.
: > "$work/djx-kfold"; : > "$work/torch-kfold"
for ((i = 0; i < runs; i++)); do
  rm -rf "$work/run"
  DJX_DATA="$data" timed "$root/djx" run "$root/experiments/house-prices-kfold.json" --quiet --out "$work/run" >> "$work/djx-kfold"
  timed "$python" "$reference/d2l_house_torch.py" "$data" >> "$work/torch-kfold"
done
djx_s="$(cut -d' ' -f1 "$work/djx-kfold" | median)"
torch_s="$(cut -d' ' -f1 "$work/torch-kfold" | median)"
djx_kb="$(cut -d' ' -f2 "$work/djx-kfold" | median)"
torch_kb="$(cut -d' ' -f2 "$work/torch-kfold" | median)"
awk -v d="$djx_s" -v t="$torch_s" -v dk="$djx_kb" -v tk="$torch_kb" 'BEGIN {
  printf "house-price 5-fold, whole process:  djx %.2f s (%.0f MB peak)   PyTorch %.2f s (%.0f MB peak)   djx %.1fx faster   (target 10x)\n",
    d, dk / 1024, t, tk / 1024, t / d }'
echo

# 2. House-price MLP k-fold, whole process, the same recipe on both sides.
: > "$work/djx-mlp-kfold"; : > "$work/torch-mlp-kfold"
for ((i = 0; i < runs; i++)); do
  rm -rf "$work/run"
  DJX_DATA="$data" timed "$root/djx" run "$root/experiments/house-prices-mlp.json" --quiet --out "$work/run" >> "$work/djx-mlp-kfold"
  djx_valid="$(grep -o 'avg-valid-log-rmse[^0-9]*[0-9.]*' "$work/run/summary.json" | grep -o '[0-9.]*$')"
  timed "$python" "$root/bench/house_mlp_torch.py" "$data" >> "$work/torch-mlp-kfold"
  torch_valid="$(grep -o 'avg valid log rmse: [0-9.]*' "$work/out" | grep -o '[0-9.]*$')"
done
awk -v d="$(cut -d' ' -f1 "$work/djx-mlp-kfold" | median)" -v t="$(cut -d' ' -f1 "$work/torch-mlp-kfold" | median)" \
    -v dv="$djx_valid" -v tv="$torch_valid" 'BEGIN {
  printf "house-price MLP 5-fold, whole process:  djx %.2f s (valid %s)   PyTorch %.2f s (valid %s)   djx %.1fx faster   (target 3x)\n",
    d, dv, t, tv, t / d }'
echo

# 3. MLP throughput.
samples() { grep -o '[0-9,]* samples/s' "$work/out" | tr -d ',' | cut -d' ' -f1; }
printf "%-34s %14s %14s %8s %8s\n" "MLP 331-256-1, $rows rows" "djx samples/s" "PyTorch" "ratio" "target"
for batch in 64 1024; do
  for threads in 1 "$cores"; do
    : > "$work/djx-mlp"; : > "$work/torch-mlp"
    for ((i = 0; i < runs; i++)); do
      timed java -XX:+UseSerialGC -cp "$jar" org.djx.bench.MlpThroughput "$rows" 331 256 "$batch" "$epochs" "$threads" > /dev/null
      samples >> "$work/djx-mlp"
      timed "$python" -c "import sys, torch; torch.set_num_threads($threads); sys.argv = ['mlp_torch.py', '$rows', '331', '256', '$batch', '$epochs']; exec(open('$reference/mlp_torch.py').read())" > /dev/null
      samples >> "$work/torch-mlp"
    done
    target=$([ "$batch" = 64 ] && echo 1.0 || echo 0.7)
    awk -v b="$batch" -v th="$threads" -v d="$(median < "$work/djx-mlp")" -v t="$(median < "$work/torch-mlp")" -v g="$target" 'BEGIN {
      printf "%-34s %14.0f %14.0f %7.2fx %7.1fx\n", "batch " b ", " th " thread" (th > 1 ? "s" : ""), d, t, d / t, g }'
  done
done
