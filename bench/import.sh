#!/usr/bin/env bash
# CLI import rate: a synthetic CSV of ROWS rows (bench/make_csv.py) imported with a 512 MB heap
# into the demo's airline, on a fresh data dir with the server stopped.
# Usage: bench/import.sh [ROWS]   (default 1,000,000)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
[ -f target/rightly.jar ] || ./mvnw -q -B -DskipTests package
data=$(mktemp -d /tmp/rightly-bench.XXXXXX)
csv=$data.csv
trap 'rm -rf "$data" "$csv" "$csv.rejects.csv"' EXIT
python3 bench/make_csv.py "$csv" "$rows"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); file $(du -h "$csv" | cut -f1), $rows rows"
# the demo brand exists after one start
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
java -jar target/rightly.jar serve --demo --port "$port" --data-dir "$data" >"$data.log" 2>&1 &
pid=$!
until curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do sleep 0.5; done
kill $pid; wait $pid 2>/dev/null || true
/usr/bin/time -v java -Xmx512m -jar target/rightly.jar import --brand skyward --channel x:@SkywardAir \
  --map author.handle=name,createdAt=tweet_created,externalId=tweet_id --data-dir "$data" "$csv" 2>&1 \
  | grep -E 'Done|Mapping|Maximum resident|Elapsed|rejected rows|[0-9]+% '
