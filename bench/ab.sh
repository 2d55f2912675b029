#!/usr/bin/env bash
# Is a change to the analysis faster? Compares the working tree's analysis with BASE_REF's
# (a commit, branch or tag), both in one JVM, in turns of one second (AnalysisAB).
#   bench/ab.sh BASE_REF FILE [TURNS]   FILE: one message per line (speed.txt of prepare_dev.py)
set -euo pipefail
cd "$(dirname "$0")/.."
base_ref=${1:?usage: bench/ab.sh BASE_REF FILE [TURNS]}
file=$(realpath "${2:?usage: bench/ab.sh BASE_REF FILE [TURNS]}")
turns=${3:-30}
[ "$turns" -gt 0 ] 2>/dev/null || { echo "TURNS must be a whole number above 0" >&2; exit 2; }
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"; git worktree prune' EXIT
git worktree add --detach "$work/base" "$base_ref" >/dev/null
(cd "$work/base" && ./mvnw -q -B -o -DskipTests -Dspring-javaformat.skip=true compile >&2)
# both builds run on the working tree's dependencies: compare commits with the same pom
./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/classpath" >&2
java -Xms1g -Xmx1g -cp target/test-classes app.rightly.analysis.AnalysisAB \
  "$work/base/target/classes" target/classes "$work/classpath" "$file" "$turns"
