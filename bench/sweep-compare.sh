#!/usr/bin/env bash
# A 50-trial hyperparameter sweep over D2L's house-price k-fold run, djx against a PyTorch loop, each
# as a whole process, one after the other on this machine:
#   djx:     ./djx run bench/sweep-50.json --quiet --out DIR --threads T   (T trials at once)
#   PyTorch: bench/sweep_torch.py DATA_DIR T                               (the same grid, one process, T torch threads)
# for T = 1 and T = the number of cores. Prints, for each T, the median wall time of each side, the ratio
# (PyTorch / djx), the trials per second, the CPU use (200% is two cores busy), and the best trial's
# average valid log RMSE of each side.
#
# Usage: bench/sweep-compare.sh [RUNS]      (RUNS per measurement, default 3; the median is reported)
# Needs: mvn -q install -DskipTests (the distribution that ./djx starts), the house-price files in
# $DJX_DATA (default ../shared/datasets beside the project), and PyTorch and pandas for $PYTHON (default
# /usr/bin/python3; on Debian: apt-get install -y python3-torch python3-pandas).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
python="${PYTHON:-/usr/bin/python3}"
data="${DJX_DATA:-$root/../shared/datasets}"
sweep="$root/bench/sweep-50.json"
loop="$root/bench/sweep_torch.py"
cores="$(nproc)"

fail() { echo "sweep-compare.sh: $*" >&2; exit 2; }
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || fail "RUNS must be a positive whole number, found '$runs'"
[ -x "$root/djx" ] && compgen -G "$root/distribution/target/djx/lib/djx-engine-*.jar" >/dev/null \
  || fail "build first: mvn -q install -DskipTests (no distribution in $root/distribution/target/djx)"
[ -f "$sweep" ] && [ -f "$loop" ] || fail "missing $sweep or $loop"
[ -f "$data/kaggle_house_pred_train.csv" ] && [ -f "$data/kaggle_house_pred_test.csv" ] \
  || fail "no house-price files in $data; set DJX_DATA"
"$python" -c "import torch, pandas" 2>/dev/null \
  || fail "$python cannot import torch and pandas (apt-get install -y python3-torch python3-pandas)"
command -v /usr/bin/time >/dev/null || fail "needs /usr/bin/time (apt-get install -y time)"
"$root/djx" validate "$sweep" > /dev/null || fail "djx validate $sweep failed"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# median of the numbers on standard input
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# timed COMMAND...: runs it, prints "wall_seconds cpu_percent"; its output goes to $work/out
timed() {
  /usr/bin/time -f "%e %P" -o "$work/time" "$@" > "$work/out" 2>&1 || { cat "$work/out" >&2; fail "failed: $*"; }
  cat "$work/time"
}

# the number after KEY in the summary.json of a djx run
result() { grep -o "\"$1\" : [0-9.eE+-]*" "$work/run/summary.json" | awk '{print $3}'; }

trials=50
echo "50-trial sweep of D2L's house-price 5-fold run: djx against PyTorch $("$python" -c 'import torch; print(torch.__version__)'), $cores cores, median of $runs runs"
echo
threads_list=(1)
[ "$cores" -gt 1 ] && threads_list+=("$cores")
for threads in "${threads_list[@]}"; do
  : > "$work/djx"; : > "$work/torch"
  for ((i = 0; i < runs; i++)); do
    rm -rf "$work/run"
    DJX_DATA="$data" timed "$root/djx" run "$sweep" --quiet --out "$work/run" --threads "$threads" >> "$work/djx"
    [ "$(result trials)" = "50.0" ] && [ "$(result completed-trials)" = "50.0" ] \
      || fail "djx did not complete 50 trials: $(cat "$work/out")"
    djx_valid="$(result 'best/avg-valid-log-rmse')"
    djx_best="$(result best-trial)"
    timed "$python" "$loop" "$data" "$threads" >> "$work/torch"
    grep -qx 'trials: 50' "$work/out" || fail "the PyTorch loop did not run 50 trials: $(tail -3 "$work/out")"
    torch_valid="$(grep -o 'avg valid log rmse: [0-9.]*' "$work/out" | grep -o '[0-9.]*$')"
    torch_best="$(grep -o '^best trial [0-9]*' "$work/out" | grep -o '[0-9]*$')"
  done
  awk -v th="$threads" -v n="$trials" -v d="$(cut -d' ' -f1 "$work/djx" | median)" -v t="$(cut -d' ' -f1 "$work/torch" | median)" \
      -v dc="$(cut -d' ' -f2 "$work/djx" | tr -d % | median)" -v tc="$(cut -d' ' -f2 "$work/torch" | tr -d % | median)" \
      -v dv="$djx_valid" -v tv="$torch_valid" -v db="$djx_best" -v tb="$torch_best" 'BEGIN {
    printf "%d thread%s:  djx %.2f s (%.2f trials/s, %d%% CPU)   PyTorch %.2f s (%.3f trials/s, %d%% CPU)   djx %.1fx faster   (target 20x)\n",
      th, (th > 1 ? "s" : ""), d, n / d, dc, t, n / t, tc, t / d
    printf "           best avg valid log rmse:  djx %.6f (trial %d)   PyTorch %.6f (trial %d)\n", dv, db, tv, tb }'
done
