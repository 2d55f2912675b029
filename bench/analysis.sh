#!/usr/bin/env bash
# The analysis speed benchmark (JMH): Rightly's whole default analysis of one message on one
# thread, against VADER's rules as a reference lexicon scorer in the same run.
#   bench/analysis.sh [FILE]     FILE: one message per line (default: the built-in care sample)
# Extra JMH options go in JMH_OPTS, e.g. JMH_OPTS="-wi 1 -i 2" for a quick look.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
file=${1:-}
[ -z "$file" ] || file=$(realpath "$file")
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main \
  'app.rightly.analysis.AnalysisBenchmark' -p messages="$file" ${JMH_OPTS:-}
