#!/usr/bin/env bash
# Is a change to the analysis faster? Compares the working tree's analysis with BASE_REF's
# (a commit, branch or tag), both in one JVM, in turns of one second (AnalysisAB).
#   bench/ab.sh BASE_REF FILE [TURNS]   FILE: one message per line (speed.txt of prepare_dev.py)
set -euo pipefail
cd "$(dirname "$0")/.."
base_ref=${1:?usage: bench/ab.sh BASE_REF FILE [TURNS]}
file=$(realpath "${2:?usage: bench/ab.sh BASE_REF FILE [TURNS]}")
turns=${3:-30}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$work/base" "$base_ref" >/dev/null 2>&1
(cd "$work/base" && ./mvnw -q -B -o -DskipTests -Dspring-javaformat.skip=true -Dskip.npm compile >&2)
./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/classpath" >&2
java -Xms1g -Xmx1g -cp target/test-classes app.rightly.analysis.AnalysisAB \
  "$work/base/target/classes" target/classes "$work/classpath" "$file" "$turns"
