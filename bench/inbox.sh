#!/usr/bin/env bash
# Inbox speed at scale: starts `serve --demo` on a fresh data dir (embedded PostgreSQL), ingests
# TOTAL messages from AUTHORS customers into one brand (about TOTAL/AUTHORS messages each, so
# about AUTHORS conversations), then times the first inbox page for each single filter and a
# search, and opening conversations, ROUNDS times each; prints p50 and p95 in milliseconds
# (measured by curl on the same machine, so they include the local HTTP round trip) and the
# weight of the inbox page with its JS and CSS.
# Usage: bench/inbox.sh [TOTAL] [AUTHORS] [ROUNDS]   (default 1,000,000 200,000 40)
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-1000000}; authors=${2:-200000}; rounds=${3:-40}
[ -f target/rightly.jar ] || ./mvnw -q -B -DskipTests package
data=$(mktemp -d /tmp/rightly-inbox.XXXXXX)
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
java ${RIGHTLY_JAVA_OPTS:-} -jar target/rightly.jar serve --demo --port "$port" --data-dir "$data" >"$data.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data" "$data.log"' EXIT
until curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do sleep 0.5; done
token=$(java -jar target/rightly.jar token create --email demo@rightly.local --data-dir "$data" 2>/dev/null)
python3 bench/ingest.py --url "http://127.0.0.1:$port" --token "$token" --brand skyward --total "$total" \
  --authors "$authors" --spacing 0.2 | tail -1
# let the search indexer catch up and autovacuum settle, as in a running system
sleep 60
base="http://127.0.0.1:$port/api/v1/brands/skyward/conversations"
time_it() { # label url
  local times=()
  for _ in $(seq 1 "$rounds"); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "$2")")
  done
  printf '%s\n' "${times[@]}" | python3 -c "
import sys; t=sorted(float(x)*1000 for x in sys.stdin); n=len(t)
print(f'$1: p50 {t[n//2]:.0f} ms, p95 {t[min(n-1,int(n*0.95))]:.0f} ms')"
}
echo "conversations: $(curl -s -H "Authorization: Bearer $token" "$base?limit=1&status=all" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
time_it "first page, riskiest open" "$base?sort=risk&status=open"
time_it "first page, newest" "$base?sort=newest&status=all"
time_it "filter intent=complaint" "$base?intent=complaint"
time_it "filter sentiment=positive" "$base?sentiment=positive"
time_it "filter urgency=high" "$base?urgency=high"
time_it "filter assignee=none" "$base?assignee=none"
time_it "filter breached" "$base?breached=true"
time_it "search a customer" "$base?q=customer12345"
time_it "search words" "$base?q=ombudsman"
ids=$(curl -s -H "Authorization: Bearer $token" "$base?limit=50" | python3 -c 'import json,sys; print(" ".join(i["id"] for i in json.load(sys.stdin)["items"]))')
first=$(echo "$ids" | cut -d' ' -f1)
time_it "open a conversation" "$base/$first"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
