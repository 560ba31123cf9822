#!/usr/bin/env bash
# djx models and PyTorch, both ways, through safetensors files that plain Python reads and writes
# (bench/model_interop.py; no safetensors package):
#   djx -> PyTorch: ./djx run experiments/house-prices-submission.json (D2L's linear model) and
#                   experiments/house-prices-mlp-submission.json (331-512-1 relu with dropout), each saving
#                   model.safetensors and model.json; the script rebuilds each as an nn.Sequential in eval mode,
#                   preprocesses the Kaggle test rows as model.json records, predicts and compares with the run's
#                   submission.csv. Both models are float32: PyTorch computes once in float32 (two float32
#                   implementations summing in their own orders) and once in float64 from the same weights and
#                   inputs (only djx's rounding is left). Bound: max relative difference <= 1e-6.
#   PyTorch -> djx: D2L 4.7's 2-3-2-2 sigmoid network with forward-pass.json's weights, saved from a bare
#                   nn.Sequential (names 0.weight, ...), and a random 5-8-3 relu network saved with djx's
#                   layers.<i>. names, both float64; a djx forward experiment starts from each file with
#                   "weights-from", and every output it reports is compared with PyTorch's forward of the same
#                   inputs. Bound: max absolute difference <= 1e-12.
# Prints one row per comparison (case, max abs and relative difference, bound, pass/fail) and exits 0 only if
# every row passes.
#
# Usage: bench/model-interop.sh
# Needs: mvn -q install -DskipTests (the distribution that ./djx starts), the house-price files in
# $DJX_DATA (default ../shared/datasets beside the project), and PyTorch and pandas for $PYTHON (default
# /usr/bin/python3; on Debian: apt-get install -y python3-torch python3-pandas).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-/usr/bin/python3}"
data="${DJX_DATA:-$root/../shared/datasets}"
script="$root/bench/model_interop.py"

fail() { echo "model-interop.sh: $*" >&2; exit 2; }
[ -x "$root/djx" ] && compgen -G "$root/distribution/target/djx/lib/djx-engine-*.jar" >/dev/null \
  || fail "build first: mvn -q install -DskipTests (no distribution in $root/distribution/target/djx)"
[ -f "$data/kaggle_house_pred_train.csv" ] && [ -f "$data/kaggle_house_pred_test.csv" ] \
  || fail "no house-price files in $data; set DJX_DATA"
"$python" -c "import torch, pandas" 2>/dev/null \
  || fail "$python cannot import torch and pandas (apt-get install -y python3-torch python3-pandas)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rows="$work/rows"
: > "$rows"

# row CASE BOUND_KIND BOUND LINE: appends "CASE abs rel bound verdict" from a line "max-abs A max-rel R values N"
row() {
  awk -v c="$1" -v kind="$2" -v b="$3" '{
    v = (kind == "rel" ? $4 : $2)
    printf "%s\t%s\t%s\t%s %s %s\t%s\n", c, $2, $4, kind, "<=", b, (v + 0 <= b + 0 ? "pass" : "FAIL") }' <<< "$4" >> "$rows"
}

djx_run() {
  DJX_DATA="$data" "$root/djx" run "$@" --quiet > "$work/out" 2>&1 || { cat "$work/out" >&2; fail "failed: djx run $*"; }
}

for model in house-prices-submission house-prices-mlp-submission; do
  djx_run "$root/experiments/$model.json" --out "$work/$model"
  for computed in model float64; do
    line="$("$python" "$script" djx-to-torch "$work/$model" "$data" "$computed")"
    row "djx->torch $model (torch $([ "$computed" = model ] && echo float32 || echo float64))" rel 1e-6 "$line"
  done
done

for case in d2l mlp; do
  "$python" "$script" torch-to-djx "$case" "$work"
  djx_run "$work/$case.json" --out "$work/run-$case"
  row "torch->djx $case ($([ "$case" = d2l ] && echo "D2L 4.7 2-3-2-2 sigmoid" || echo "random 5-8-3 relu"), float64)" abs 1e-12 \
    "$("$python" "$script" compare "$work/run-$case" "$work/$case-torch.json")"
done

{
  printf "case\tmax abs diff\tmax rel diff\tbound\tresult\n"
  cat "$rows"
} | column -t -s $'\t'
! grep -q 'FAIL$' "$rows"
