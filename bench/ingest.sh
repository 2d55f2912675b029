#!/usr/bin/env bash
# Ingest rate through the API on the embedded database: starts `serve --demo` on a fresh data
# dir, makes a token, drives TOTAL messages in batches of 500 from 2 threads (bench/ingest.py)
# and reports the rate and the server's peak resident memory.
# Usage: bench/ingest.sh [TOTAL]   (default 1,000,000)
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-1000000}
[ -f target/rightly.jar ] || ./mvnw -q -B -DskipTests package
data=$(mktemp -d /tmp/rightly-bench.XXXXXX)
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
java ${RIGHTLY_JAVA_OPTS:-} -jar target/rightly.jar serve --demo --port "$port" --data-dir "$data" >"$data.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data" "$data.log"' EXIT
until curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do sleep 0.5; done
token=$(java -jar target/rightly.jar token create --email demo@rightly.local --data-dir "$data" 2>/dev/null)
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
python3 bench/ingest.py --url "http://127.0.0.1:$port" --token "$token" --brand skyward --total "$total" --pid "$pid"
