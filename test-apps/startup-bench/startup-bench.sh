#!/usr/bin/env bash
# Start-up cost of the agent: a hello-world JVM with and without -javaagent, runs alternating (so drift in machine
# load hits both sides alike), wall time of the whole process, medians. Not a test: a measurement.
#   test-apps/startup-bench/startup-bench.sh [runs per side, default 21] [java binary, default java]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-21}"
java="${2:-java}"
jar=agent/target/secret-agent.jar
app=test-apps/hello-app/target/app.jar
[ -f "$jar" ] && [ -f "$app" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# warm the OS file cache for both
"$java" -cp "$app" demo.Hello >/dev/null; "$java" -javaagent:$jar -cp "$app" demo.Hello >/dev/null

without=(); with=()
for ((i = 0; i < runs; i++)); do
  without+=("$(ms "$java" -cp "$app" demo.Hello)")
  with+=("$(ms "$java" -javaagent:$jar -cp "$app" demo.Hello)")
done
m0=$(printf '%s\n' "${without[@]}" | median)
m1=$(printf '%s\n' "${with[@]}" | median)
echo "java: $("$java" -version 2>&1 | head -1)"
echo "runs per side: $runs (alternating)"
echo "without agent: median ${m0} ms   (all: ${without[*]})"
echo "with agent:    median ${m1} ms   (all: ${with[*]})"
echo "added:         $((m1 - m0)) ms"
