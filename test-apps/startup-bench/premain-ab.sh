#!/usr/bin/env bash
# Two builds of the agent on hello world, side by side (issue 17): no agent, a do-nothing agent, BASE jar, NEW jar,
# alternating in one loop so machine drift hits all four alike; medians of wall and CPU (user+sys) per side. Then,
# for jars that have the measuring switch (-Ddev.secretagent.startup.times=true, both when STEPS_BASE=1), the premain
# thread's CPU per step, alternating again, medians. Not a test: a measurement.
#
#   test-apps/startup-bench/premain-ab.sh RUNS JAVA BASE_JAR NEW_JAR
#
# Build first: mvn -B -q package -DskipTests (test-apps/hello-app/target/app.jar and the agent jars).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:?runs}; java=${2:?java}; base=${3:?base jar}; new=${4:?new jar}
app=test-apps/hello-app/target/app.jar
javabin=$(dirname "$(command -v "$java")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

mkdir -p "$work/nopsrc"
printf 'public class Nop { public static void premain(String a, java.lang.instrument.Instrumentation i) { } }\n' \
  >"$work/nopsrc/Nop.java"
"$javabin/javac" -d "$work/nopsrc" "$work/nopsrc/Nop.java"
printf 'Premain-Class: Nop\n' >"$work/m.txt"
"$javabin/jar" cfm "$work/nop.jar" "$work/m.txt" -C "$work/nopsrc" Nop.class

one() { # SIDE CMD...: appends "wall cpu" (ms) to $work/SIDE
  local side=$1; shift
  local s e u sy
  s=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$work/t" "$@" >/dev/null 2>&1 || { echo "failed ($side): $*" >&2; exit 1; }
  e=$(date +%s%N)
  read -r u sy <"$work/t"
  echo "$(( (e - s) / 1000000 )) $(awk -v u="$u" -v s="$sy" 'BEGIN {printf "%d", (u + s) * 1000}')" >>"$work/$side"
}

echo "java: $("$java" -version 2>&1 | sed -n 1p); runs: $runs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 0; i < runs; i++)); do
  one none "$java" -cp $app demo.Hello
  one nop "$java" -javaagent:"$work/nop.jar" -cp $app demo.Hello
  one base "$java" -javaagent:"$base" -cp $app demo.Hello
  one new "$java" -javaagent:"$new" -cp $app demo.Hello
done
w0=$(cut -d' ' -f1 "$work/none" | median); c0=$(cut -d' ' -f2 "$work/none" | median)
for side in none nop base new; do
  w=$(cut -d' ' -f1 "$work/$side" | median); c=$(cut -d' ' -f2 "$work/$side" | median)
  printf '%-5s wall %6d ms (added %5d)   cpu %6d ms (added %5d)\n' $side "$w" $((w - w0)) "$c" $((c - c0))
done

# the premain thread's CPU per step (the switch prints "step=cpu/wall" pairs on one stderr line)
sides=(new); [ "${STEPS_BASE:-0}" = 1 ] && sides=(base new)
for ((i = 0; i < runs; i++)); do
  for side in "${sides[@]}"; do
    jar=$new; [ "$side" = base ] && jar=$base
    "$java" -Ddev.secretagent.startup.times=true -javaagent:"$jar" -cp $app demo.Hello 2>&1 >/dev/null \
      | grep startup-times | grep -oE '[a-zA-Z.]+=[0-9.]+/' | tr '=/' '  ' >>"$work/steps-$side" || true
  done
done
for side in "${sides[@]}"; do
  [ -s "$work/steps-$side" ] || { echo "$side: no startup-times line (a jar without the switch)"; continue; }
  printf '%s, premain thread CPU per step (ms, medians):' "$side"
  for step in $(awk '{print $1}' "$work/steps-$side" | awk '!seen[$0]++'); do
    printf ' %s=%s' "$step" "$(awk -v s="$step" '$1 == s {print $2 * 10}' "$work/steps-$side" | median \
      | awk '{printf "%.1f", $1 / 10}')"
  done
  echo
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
