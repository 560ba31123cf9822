#!/usr/bin/env bash
# What running a sweep's runs as Spark tasks costs: a 20-run sweep (D2L 4.10's house-price k-fold at 20 learning
# rates, 5 folds of 100 epochs each) through the local executor and through Spark's local mode, whole process, wall
# time, one after the other on this machine; and whether the two give the same trials.csv (they must).
#
# Usage: bench/spark-overhead.sh [RUNS] [MASTER]   (RUNS of each, default 3, the median is reported;
#                                                  MASTER default local[N] with N the processors)
# Needs: mvn -q package -DskipTests (./djx, djx-spark and spark/target/spark-home or $SPARK_HOME), and the
# house-price files in $DJX_DATA (default ../shared/datasets beside the project).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
cores="$(nproc)"
master="${2:-local[$cores]}"
export DJX_DATA="${DJX_DATA:-$root/../shared/datasets}"

fail() { echo "spark-overhead.sh: $*" >&2; exit 2; }
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || fail "RUNS must be a positive whole number, found '$runs'"
[ -f "$root/distribution/target/djx/spark/djx-spark.jar" ] || fail "build first: mvn -q package -DskipTests"
[ -f "$DJX_DATA/kaggle_house_pred_train.csv" ] || fail "no house-price files in $DJX_DATA; set DJX_DATA"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$root/experiments/house-prices-kfold.json" "$work/sweep.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
e["name"] = "house-prices-20-runs"
e.pop("expect", None)
# 20 learning rates from 0.5 to 10, evenly spaced on a log scale.
e["sweep"] = {"objective": {"result": "avg-valid-log-rmse"},
              "parameters": {"optimizer.lr": {"values": [round(0.5 * 20 ** (i / 19), 6) for i in range(20)]}}}
json.dump(e, open(sys.argv[2], "w"), indent=1)
PY

# Wall seconds of one ./djx run, its run folder in $work/$2.
timed() {
  local start end
  start="$(date +%s.%N)"
  "$root/djx" run "$work/sweep.json" --quiet --out "$work/$1" "${@:2}" > "$work/$1.out" 2> "$work/$1.err" \
    || { cat "$work/$1.err" >&2; fail "the $1 run failed"; }
  end="$(date +%s.%N)"
  echo "$end - $start" | bc
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# trials.csv without its seconds column, which no two runs share.
table() { python3 -c "
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
i = rows[0].index('seconds')
print('\n'.join(','.join(r[:i] + r[i+1:]) for r in rows))" "$1"; }

local_times=()
spark_times=()
for r in $(seq 1 "$runs"); do
  local_times+=("$(timed "local-$r")")
  spark_times+=("$(timed "spark-$r" --executor spark --master "$master")")
done
same="yes"
for r in $(seq 1 "$runs"); do
  [ "$(table "$work/local-$r/trials.csv")" = "$(table "$work/spark-$r/trials.csv")" ] || same="NO"
  [ "$(table "$work/local-1/trials.csv")" = "$(table "$work/local-$r/trials.csv")" ] || same="NO"
done
local_median="$(printf '%s\n' "${local_times[@]}" | median)"
spark_median="$(printf '%s\n' "${spark_times[@]}" | median)"
echo "20-run sweep of house-prices-kfold, $cores processors, median of $runs, whole process:"
printf '  local executor (%d threads):  %6.2f s   (%s)\n' "$cores" "$local_median" "${local_times[*]}"
printf '  spark, %-20s  %6.2f s   (%s)\n' "$master:" "$spark_median" "${spark_times[*]}"
printf '  overhead: %+.2f s (%.0f%%); trials.csv identical: %s\n' "$(echo "$spark_median - $local_median" | bc)" \
  "$(echo "100 * ($spark_median - $local_median) / $local_median" | bc -l)" "$same"
[ "$same" = "yes" ]
