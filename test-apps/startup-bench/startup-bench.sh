#!/usr/bin/env bash
# Start-up and footprint cost of the agent on real applications (issue 17). One row per case; in each case the JVM
# runs with and without -javaagent, alternating (so drift in machine load hits both sides alike), and the row gives
# medians. Not a test: a measurement.
#
#   test-apps/startup-bench/startup-bench.sh [runs per side, default 11] [java binary, default java] [case ...]
#
# WARMUP=0 skips the one warm-up run per side (for the long cases on a loaded machine). AGENT_JAR=<jar> measures
# another build of the agent (a copy of main's jar, to compare two builds on the same machine in the same hour).
# Cases (default: hello logback log4j2):
#   hello      hello world (test-apps/hello-app), plus a do-nothing agent to split the JVM's share from ours
#   logback    time to the first log line of a Logback app (logs one line to the console and exits)
#   log4j2     the same through Log4j2
#   petclinic  a PetClinic-sized Spring Boot app (web + JPA/H2 + Thymeleaf + actuator, test-apps/petclinic-app):
#              time to the first served request, CPU of the process by then, CPU and RSS after 200 requests
#   vthreads   10,000 virtual threads x 3 log lines through Logback to a file (JDK 21+): wall and RSS
#   cflh       what registering one do-nothing ClassFileTransformer costs by itself (the JVM then posts the class
#              file load hook for every class, reading each CDS-archived class's bytes to do so): a do-nothing agent
#              with and without such a transformer, on the Logback first-line app; then (cflh-removed) the same
#              transformer registered and removed again before main: the hook's floor goes with the last transformer
#   devmode    a Surefire build of test-apps/devmode-example (mvn -o -q test) with dev mode vs without: wall
#              (DB_PASSWORD set, so its tests pass; the dev-mode side reports the leak with leaks.fail=false)
# Every case also reports the process's CPU (user + sys, from /usr/bin/time), which a loaded machine disturbs less
# than wall time. Build first: mvn -B -q package -DskipTests (the apps' jars and agent/target/secret-agent.jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
runs="${1:-11}"
java="${2:-java}"
shift $(( $# > 2 ? 2 : $# ))
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(hello logback log4j2)
jar=${AGENT_JAR:-$root/agent/target/secret-agent.jar}
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
javabin=$(dirname "$(command -v "$java")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

# run_once SIDE CMD...: runs CMD once, appends "wall cpu rss" and any "key value" lines it printed to $work/SIDE.
# wall = ms of the whole process; cpu = user+sys ms; maxrss = kB (the kernel's peak).
run_once() {
  local side=$1; shift
  local s e out="$work/out.txt"
  s=$(date +%s%N)
  /usr/bin/time -f 'time-cpu %U %S %M' -o "$work/time.txt" "$@" >"$out" 2>&1 || { echo "failed ($side): $*" >&2; tail -20 "$out" >&2; exit 1; }
  e=$(date +%s%N)
  read -r _ u sy m < <(tail -1 "$work/time.txt")
  {
    echo "wall $(( (e - s) / 1000000 ))"
    awk -v u="$u" -v s="$sy" 'BEGIN {printf "cpu %d\n", (u + s) * 1000}'
    echo "maxrss $m"
    grep -E '^(first-request-ms|ready-cpu-ms|warm-cpu-ms|rss-kb|virtual-threads-ms) [0-9]+$' "$out" || true
  } >>"$work/$side"
}

# pair NAME KEYS WITHOUT_CMD -- WITH_CMD: one warm-up run per side, then $runs alternating pairs; prints a row of
# medians per key: without, with, added (and %).
pair() {
  local name=$1 keys=$2; shift 2
  local without=() with=()
  while [ "$1" != "--" ]; do without+=("$1"); shift; done; shift
  with=("$@")
  rm -f "$work/without" "$work/with"
  if [ "${WARMUP:-1}" != 0 ]; then run_once warm "${without[@]}"; run_once warm "${with[@]}"; fi
  for ((i = 0; i < runs; i++)); do
    run_once without "${without[@]}"
    run_once with "${with[@]}"
  done
  for k in $keys; do
    local a b
    a=$(awk -v k="$k" '$1 == k {print $2}' "$work/without" | median)
    b=$(awk -v k="$k" '$1 == k {print $2}' "$work/with" | median)
    printf '%-10s %-18s without %8s   with %8s   added %8s  (%s%%)\n' "$name" "$k" "$a" "$b" "$((b - a))" \
      "$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%+.1f", a ? (b - a) * 100 / a : 0}')"
  done
}

# A do-nothing agent (nop.jar; with the argument "transformer" it registers a retransformation-capable
# ClassFileTransformer that returns null for every class, as the agent's class-load gate does; with
# "transformer-removed" it registers one and removes it again before main, as a gate unregistered once it is no
# longer needed would: the JVM stops posting the class-file-load hook when the last transformer goes).
nop_agent() {
  [ -f "$work/nop.jar" ] && return
  mkdir -p "$work/nop"
  cat >"$work/nop/Nop.java" <<'JAVA'
public class Nop {
    public static void premain(String a, java.lang.instrument.Instrumentation i) {
        if (a != null && a.startsWith("transformer")) {
            java.lang.instrument.ClassFileTransformer t = new java.lang.instrument.ClassFileTransformer() { };
            i.addTransformer(t, true);
            if (a.equals("transformer-removed")) {
                i.removeTransformer(t);
            }
        }
    }
}
JAVA
  "$javabin/javac" -d "$work/nop" "$work/nop/Nop.java"
  rm "$work/nop/Nop.java"
  printf 'Premain-Class: Nop\nCan-Retransform-Classes: true\n' >"$work/m.txt"
  "$javabin/jar" cfm "$work/nop.jar" "$work/m.txt" -C "$work/nop" .
}

agent() { echo "-javaagent:$jar${1:+=$1}"; }

echo "java: $("$java" -version 2>&1 | sed -n 1p); runs per side: $runs (alternating); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for c in "${cases[@]}"; do
  case "$c" in
    hello)
      app=test-apps/hello-app/target/app.jar
      # A do-nothing agent: what any -javaagent costs the JVM by itself (JVMTI set-up, the CDS full-module-graph
      # fast path switched off), so the figure can be split into the JVM's share and ours.
      nop_agent
      pair hello-nop "wall cpu" "$java" -cp $app demo.Hello -- "$java" -javaagent:"$work/nop.jar" -cp $app demo.Hello
      pair hello "wall cpu maxrss" "$java" -cp $app demo.Hello -- "$java" "$(agent)" -cp $app demo.Hello
      ;;
    logback)
      app=test-apps/logback-app/target/app.jar
      pair logback "wall cpu" "$java" -cp $app demo.logback.FirstLineApp -- "$java" "$(agent)" -cp $app demo.logback.FirstLineApp
      ;;
    log4j2)
      app=test-apps/log4j2-app/target/app.jar
      pair log4j2 "wall cpu" "$java" -cp $app demo.log4j2.FirstLineApp -- "$java" "$(agent)" -cp $app demo.log4j2.FirstLineApp
      ;;
    petclinic)
      app=test-apps/petclinic-app/target/app.jar
      pair petclinic "first-request-ms ready-cpu-ms warm-cpu-ms rss-kb wall" \
        "$java" -jar $app --bench -- "$java" "$(agent)" -jar $app --bench
      ;;
    vthreads)
      app=test-apps/logback-app/target/app.jar
      mkdir -p "$work/vt"
      pair vthreads "virtual-threads-ms rss-kb wall cpu" \
        env APP_PASSWORD=vt-"$RANDOM$RANDOM$RANDOM" "$java" -cp $app demo.logback.VirtualThreadsApp "$work/vt" -- \
        env APP_PASSWORD=vt-"$RANDOM$RANDOM$RANDOM" "$java" "$(agent)" -cp $app demo.logback.VirtualThreadsApp "$work/vt"
      ;;
    cflh)
      nop_agent
      app=test-apps/logback-app/target/app.jar
      pair cflh "wall cpu" "$java" -javaagent:"$work/nop.jar" -cp $app demo.logback.FirstLineApp -- \
        "$java" -javaagent:"$work/nop.jar"=transformer -cp $app demo.logback.FirstLineApp
      pair cflh-removed "wall cpu" "$java" -javaagent:"$work/nop.jar" -cp $app demo.logback.FirstLineApp -- \
        "$java" -javaagent:"$work/nop.jar"=transformer-removed -cp $app demo.logback.FirstLineApp
      ;;
    devmode)
      # two copies of the example: one with the agent in Surefire's argLine (mode=dev), one without it
      for side in with without; do
        cp -r test-apps/devmode-example "$work/dm-$side"
        rm -rf "$work/dm-$side/target"
      done
      # the example's leaking test passes its assertions only with DB_PASSWORD set; the dev-mode side then finds
      # the leak and reports it (leaks.fail=false here, so that both builds pass and time the same work)
      sed -i 's#<argLine>.*</argLine>#<argLine></argLine>#' "$work/dm-without/pom.xml"
      sed -i 's#leaks.fail=true#leaks.fail=false#' "$work/dm-with/pom.xml"
      pw=dm-"$RANDOM$RANDOM$RANDOM"
      pair devmode "wall cpu" env DB_PASSWORD="$pw" mvn -B -o -q -f "$work/dm-without/pom.xml" test -- \
        env DB_PASSWORD="$pw" mvn -B -o -q -f "$work/dm-with/pom.xml" test -Dsecret-agent.jar="$jar"
      ;;
    *) echo "unknown case '$c' (hello logback log4j2 petclinic vthreads cflh devmode)" >&2; exit 1 ;;
  esac
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
