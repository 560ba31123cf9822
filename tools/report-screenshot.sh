#!/usr/bin/env bash
# Renders a run folder's report.html in headless Chromium (Debian's `chromium` package) and writes a
# PNG screenshot of it, to check by eye that the report reads well with no network.
# Usage: tools/report-screenshot.sh RUN_FOLDER [OUTPUT.png]
set -euo pipefail
run="${1:?usage: tools/report-screenshot.sh RUN_FOLDER [OUTPUT.png]}"
out="${2:-$run/report-screenshot.png}"
report="$(cd "$run" && pwd)/report.html"
[ -f "$report" ] || { echo "no report.html in $run" >&2; exit 2; }
command -v chromium >/dev/null || { echo "chromium is not installed: apt-get install -y chromium" >&2; exit 2; }
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# No network is needed or allowed: the report embeds its plots and style.
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --window-size=1100,2200 --screenshot="$out" "file://$report" 2>/dev/null
echo "wrote $out"
