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

# A do-nothing agent: what any -javaagent costs the JVM by itself (JVMTI set-up, the CDS full-module-graph fast path
# switched off), so the figure can be split into the JVM's share and ours.
nop=$(mktemp -d)
trap 'rm -rf "$nop"' EXIT
printf 'public class Nop { public static void premain(String a, java.lang.instrument.Instrumentation i) {} }\n' > "$nop/Nop.java"
"$(dirname "$(command -v "$java")")/javac" -d "$nop" "$nop/Nop.java"
printf 'Premain-Class: Nop\nCan-Retransform-Classes: true\n' > "$nop/m.txt"
"$(dirname "$(command -v "$java")")/jar" cfm "$nop/nop.jar" "$nop/m.txt" -C "$nop" Nop.class

# warm the OS file cache for all
"$java" -cp "$app" demo.Hello >/dev/null; "$java" -javaagent:$jar -cp "$app" demo.Hello >/dev/null
"$java" -javaagent:"$nop/nop.jar" -cp "$app" demo.Hello >/dev/null

without=(); with=(); noop=()
for ((i = 0; i < runs; i++)); do
  without+=("$(ms "$java" -cp "$app" demo.Hello)")
  noop+=("$(ms "$java" -javaagent:"$nop/nop.jar" -cp "$app" demo.Hello)")
  with+=("$(ms "$java" -javaagent:$jar -cp "$app" demo.Hello)")
done
m0=$(printf '%s\n' "${without[@]}" | median)
mn=$(printf '%s\n' "${noop[@]}" | median)
m1=$(printf '%s\n' "${with[@]}" | median)
echo "java: $("$java" -version 2>&1 | sed -n 1p)"
echo "runs per side: $runs (alternating)"
echo "without agent:      median ${m0} ms   (all: ${without[*]})"
echo "do-nothing agent:   median ${mn} ms   (all: ${noop[*]})"
echo "secret-agent:       median ${m1} ms   (all: ${with[*]})"
echo "added by secret-agent vs no agent:         $((m1 - m0)) ms"
echo "  of which any -javaagent costs the JVM:   $((mn - m0)) ms"
echo "  of which secret-agent's own work:        $((m1 - mn)) ms"
