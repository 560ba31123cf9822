#!/usr/bin/env bash
# djx's three classification experiments against scikit-learn on the very same folds: djx runs each
# experiment and writes its stratified folds (folds.csv in the run folder); scikit-learn then fits its
# reference model on those folds (classification_sklearn.py). Prints, per dataset, each side's accuracy
# fold by fold, the means, and the wall time of each side (djx: the whole process, JVM start included;
# scikit-learn: the fits alone).
#
# Usage: bench/classification-compare.sh
# Needs: mvn -q install -DskipTests (the distribution that ./djx starts), digits.csv, breast_cancer.csv and
# wine.csv in $DJX_DATA (default ../shared/datasets beside the project), and scikit-learn and pandas for
# $PYTHON (default /usr/bin/python3; on Debian: apt-get install -y python3-sklearn python3-pandas).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-/usr/bin/python3}"
export DJX_DATA="${DJX_DATA:-$root/../shared/datasets}"

fail() { echo "classification-compare.sh: $*" >&2; exit 2; }
[ -x "$root/djx" ] && compgen -G "$root/distribution/target/djx/lib/djx-engine-*.jar" >/dev/null \
  || fail "build first: mvn -q install -DskipTests (no distribution in $root/distribution/target/djx)"
"$python" -c "import sklearn, pandas" 2>/dev/null \
  || fail "$python cannot import sklearn and pandas (apt-get install -y python3-sklearn python3-pandas)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# experiment, table, target, scikit-learn model
cases=(
  "digits-mlp digits.csv digit mlp-256"
  "breast-cancer-logistic breast_cancer.csv diagnosis logistic"
  "wine-mlp wine.csv cultivar mlp-64"
)
for c in "${cases[@]}"; do
  read -r experiment table target model <<< "$c"
  [ -f "$DJX_DATA/$table" ] || fail "no $table in $DJX_DATA; set DJX_DATA"
  out="$work/$experiment"
  start=$(date +%s.%N)
  "$root/djx" run "$root/experiments/$experiment.json" --quiet --out "$out" > "$work/$experiment.log" \
    || fail "djx run experiments/$experiment.json failed: $(tail -3 "$work/$experiment.log")"
  djx_seconds=$(echo "$(date +%s.%N) - $start" | bc)
  "$python" "$root/bench/classification_sklearn.py" "$model" "$DJX_DATA/$table" "$target" "$out/folds.csv" > "$work/sk.txt"
  echo "== $experiment: djx ($(jq -r '.model.layers | map(.type + (if .outputs then " " + (.outputs|tostring) else "" end)) | join(", ")' "$out/experiment.json")) vs scikit-learn $model, the same 5 stratified folds"
  printf '%-6s %10s %14s\n' fold djx scikit-learn
  for f in 1 2 3 4 5; do
    d=$(jq -r ".results[\"fold-$f/valid-accuracy\"]" "$out/summary.json")
    s=$(awk -v f="$f" '$1 == "fold" && $2 == f {print $4}' "$work/sk.txt")
    printf '%-6s %10.4f %14.4f\n' "$f" "$d" "$s"
  done
  printf '%-6s %10.4f %14.4f\n' mean "$(jq -r '.results["avg-valid-accuracy"]' "$out/summary.json")" \
    "$(awk '$1 == "mean" {print $3}' "$work/sk.txt")"
  printf '%-6s %9.1fs %13.1fs\n' time "$djx_seconds" "$(awk '$1 == "seconds" {print $2}' "$work/sk.txt")"
  echo
done
