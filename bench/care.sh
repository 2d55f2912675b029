#!/usr/bin/env bash
# The analysis out of the box on customer messages written for Rightly (bench/care/README.md):
# sentiment, intent and complaint-or-not macro-F1 on written set B (used to develop the rules)
# and written set C (held out: measure on it, never tune on it).
#   bench/care.sh [JAR]     (default: target/rightly.jar, built by ./rightly when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-target/rightly.jar}
[ -f "$jar" ] || ./rightly --help >/dev/null
others=question=other,request=other,praise=other,suggestion=other,abuse=other,spam=other
for set in b c; do
  file=bench/care/written-$set.csv
  s=$(java -jar "$jar" eval --task sentiment --labels "$file" --text-column text --label-column sentiment 2>/dev/null | tail -1)
  i=$(java -jar "$jar" eval --task intent --labels "$file" --text-column text --label-column intent 2>/dev/null | tail -1)
  c=$(java -jar "$jar" eval --task complaint --labels "$file" --text-column text --label-column intent \
    --label-map "$others" 2>/dev/null | tail -1)
  echo "written set ${set^^} ($(($(wc -l <"$file") - 1)) messages): sentiment $s, intent $i, complaint $c"
done
