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
time_it() { # label url [curl options]
  local label=$1 url=$2 times=()
  shift 2
  for _ in 1 2 3; do curl -s -o /dev/null -H "Authorization: Bearer $token" "$@" "$url"; done # warm-up
  for _ in $(seq 1 "$rounds"); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "$@" "$url")")
  done
  printf '%s\n' "${times[@]}" | python3 -c "
import sys; t=sorted(float(x)*1000 for x in sys.stdin); n=len(t)
print(f'$label: p50 {t[n//2]:.0f} ms, p95 {t[min(n-1,int(n*0.95))]:.0f} ms')"
}
echo "conversations (counted up to 10,000): $(curl -s -H "Authorization: Bearer $token" "$base?limit=1&status=all" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
# as the inbox page asks (open conversations, one filter), then the API's default (any status)
time_it "first page, riskiest open" "$base?sort=risk&status=open"
time_it "first page, riskiest (any status, the API default)" "$base?sort=risk"
time_it "first page, oldest open" "$base?sort=oldest&status=open"
time_it "first page, newest open" "$base?sort=newest&status=open"
time_it "first page, newest (any status)" "$base?sort=newest&status=all"
for f in intent=complaint sentiment=positive urgency=high assignee=none breached=true review=true label=vip; do
  time_it "open + filter $f" "$base?status=open&$f"
  time_it "filter $f (any status)" "$base?$f"
done
time_it "search a customer by handle" "$base?status=open&q=customer12345"
time_it "search a rare word (one message)" "$base?status=open&q=100123"
time_it "search a word in 1 of 8 messages" "$base?status=open&q=ombudsman"
time_it "search a word in 1 of 8 messages (any status)" "$base?q=ombudsman"
ids=$(curl -s -H "Authorization: Bearer $token" "$base?limit=50" | python3 -c 'import json,sys; print(" ".join(i["id"] for i in json.load(sys.stdin)["items"]))')
first=$(echo "$ids" | cut -d' ' -f1)
time_it "open a conversation" "$base/$first"
# the weight of the inbox page (50 conversations) with its stylesheet and scripts, uncompressed
jar=$(mktemp); url="http://127.0.0.1:$port"
csrf=$(curl -s -c "$jar" "$url/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=demo@rightly.local" --data-urlencode "password=demo" \
  --data-urlencode "_csrf=$csrf" "$url/login"
css=$(curl -s "$url/css/rightly.css" | wc -c)
js=$(curl -s "$url/js/rightly.js" | wc -c)
htmx=$(curl -s "$url/webjars/htmx.org/dist/htmx.min.js" | wc -c)
csrf=$(curl -s -b "$jar" "$url/inbox" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "brand=skyward" --data-urlencode "_csrf=$csrf" "$url/brands/switch"
html=$(curl -s -b "$jar" "$url/inbox" | wc -c)
time_it "the inbox page (HTML, signed in)" "$url/inbox" -b "$jar"
time_it "the inbox page, sentiment=positive" "$url/inbox?sentiment=positive" -b "$jar"
time_it "the inbox page, search a rare word" "$url/inbox?q=100123" -b "$jar"
echo "page weight: inbox HTML $html bytes + CSS $css + our JS $js + htmx $htmx = $(( (html + css + js + htmx) / 1024 )) KB (goal 300 KB)"
rm -f "$jar"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
