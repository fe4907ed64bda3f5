#!/usr/bin/env bash
# Screenshots of Prometheus's own graph page scraping a running demo, with the queries the
# Grafana dashboard uses for the abandon rate and agents by state (Grafana is not installable
# on these machines; Debian's prometheus and chromium are).
#
#   dev/prometheus-screenshots.sh OUTPUT_FOLDER [SECONDS_OF_DIALING]
#
# Everything listens on loopback and lives in a temporary folder, deleted at the end: an
# embedded PostgreSQL with the demo's data, `serve`, a dialer (`simulate --metrics-port`) on
# the real clock, and Prometheus scraping both every 2 s. Needs `swift build` first.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mkdir -p "$1" && cd "$1" && pwd)"
seconds="${2:-90}"
bin="$(swift build --show-bin-path)/switchboard"
work="$(mktemp -d /tmp/sb-shots.XXXXXX)"
server_port=18480 dialer_port=18481 prometheus_port=18490
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    "$bin" db stop --data-dir "$work/data" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

campaign="Demo: oferta jesienna"
"$bin" demo --no-serve --data-dir "$work/data" --contacts 3000 --hours 1 --agents 12 > "$work/demo.out"
"$bin" serve --data-dir "$work/data" --port "$server_port" --log-format json --log-level info 2> "$work/serve.log" > /dev/null &
pids+=($!)
"$bin" simulate --data-dir "$work/data" --campaign "$campaign" --agents 12 --hours 8 --clock 120 \
    --metrics-port "$dialer_port" --log-format json 2> "$work/simulate.log" > /dev/null &
pids+=($!)

cat > "$work/prometheus.yml" <<CONFIG
global:
  scrape_interval: 2s
  evaluation_interval: 2s
rule_files:
  - $PWD/deploy/prometheus/alerts.yml
scrape_configs:
  - job_name: switchboard
    static_configs: [{targets: ["127.0.0.1:$server_port"]}]
  - job_name: switchboard-dialer
    static_configs: [{targets: ["127.0.0.1:$dialer_port"]}]
CONFIG
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
    --web.listen-address="127.0.0.1:$prometheus_port" 2> "$work/prometheus.log" &
pids+=($!)

echo "dialing for $seconds s while Prometheus scrapes…"
sleep "$seconds"

chromium_bin="$(command -v chromium || command -v chromium-browser)"
encode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
shoot() {  # name, expression, stacked
    local url="http://127.0.0.1:$prometheus_port/graph?g0.expr=$(encode "$2")&g0.tab=0&g0.stacked=$3&g0.range_input=5m"
    timeout 60 "$chromium_bin" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/chromium-$1" \
        --window-size=1400,900 --virtual-time-budget=8000 --screenshot="$out/$1.png" "$url" 2>/dev/null
    echo "$out/$1.png  ←  $2"
}
shoot prometheus-abandon-rate "max by (window) (switchboard_campaign_abandon_rate{campaign=\"$campaign\"})" 0
shoot prometheus-agents-by-state "sum by (state) (switchboard_campaign_agents{campaign=\"$campaign\"})" 1
curl -s "http://127.0.0.1:$prometheus_port/api/v1/targets" | python3 -c '
import json, sys
for target in json.load(sys.stdin)["data"]["activeTargets"]:
    print(target["labels"]["job"], target["health"], target["lastError"] or "")'
