#!/usr/bin/env bash
# Start-up time and resident memory of `rightly serve --demo` on a fresh data dir (first start:
# initdb + migrations + demo data) and on the same data dir again (a restart).
# Usage: bench/startup.sh [runs]   (builds target/rightly.jar if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
[ -f target/rightly.jar ] || ./mvnw -q -B -DskipTests package

rss_kb() { awk '/VmRSS/{print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
tree_rss_kb() { # the JVM and the embedded PostgreSQL processes under the data dir
  local total=$(rss_kb "$1") p
  for p in $(pgrep -f -- "$2/postgres" || true); do total=$((total + $(rss_kb "$p"))); done
  echo "$total"
}

measure() { # measure DATA_DIR LABEL
  local data=$1 label=$2 port
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  local t0=$(date +%s.%N)
  java -jar target/rightly.jar serve --demo --port "$port" --data-dir "$data" >"$data.log" 2>&1 &
  local pid=$!
  until curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 $pid 2>/dev/null || { echo "server died: $(tail -5 "$data.log")"; exit 1; }
    sleep 0.1
  done
  local t1=$(date +%s.%N)
  sleep 2
  printf '%-8s start %5.1f s   JVM RSS %4d MB   JVM+PostgreSQL RSS %4d MB\n' "$label" \
    "$(echo "$t1 - $t0" | bc)" $(( $(rss_kb $pid) / 1024 )) $(( $(tree_rss_kb $pid "$data") / 1024 ))
  kill $pid; wait $pid 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d /tmp/rightly-bench.XXXXXX)
  measure "$data" "first"
  measure "$data" "restart"
  rm -rf "$data" "$data.log"
done
