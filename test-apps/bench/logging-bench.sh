#!/usr/bin/env bash
# Side-by-side file-appender throughput for Logback and Log4j2 (the 5% quality bar), in one run, interleaved:
#   none  : no agent
#   agent : -javaagent with 100 known secrets (100 secret-looking environment variables, zero-config)
#   regex : no agent, the hand-made alternative: a %replace masking the message with a regex alternation of the
#           same 100 values
#   bare  : (only when asked for in MODES) the agent with its logging hooks off (instrument.disabled), to split
#           what the agent's mere presence costs (start-up work, JIT queue) from what the hooks cost per line
#   nonet : (only when asked for in MODES) the agent with the last-line net off (instrument.disabled=filenet):
#           against agent, what the net adds to a file appender whose lines the hooks already redacted
#   base  : (only when asked for in MODES) another build of the agent, BASE_JAR=<jar> (main's), so that a change is
#           measured against what it changes in the same run, interleaved
# Usage (after mvn package): test-apps/bench/logging-bench.sh [lines] [rounds]   JAVA=... to pick the JVM,
#   MODES="none bare agent" and FWS=logback to pick modes and frameworks (default: none agent regex, both),
#   AGENT_JAR=<jar> measures another build of the agent (main's, to compare two builds in one hour).
#   LOGBACK_APP_JAR=<jar> runs a copy of logback-app (so that a rebuild during the run changes nothing).
#   FLUSH=true for the frameworks' default file appender (immediateFlush: one write to the file per line; the
#   default here is FLUSH=false, a buffered appender, where the agent's share of a line is largest)
# The log files go to a tmpfs (/dev/shm) when there is one, each run starts after a sync, and the order of the
# modes rotates every round: a run that follows one that wrote ~100 MB to disk otherwise pays for its dirty-page
# writeback (the first mode of every round measured slower than the agent itself). TMPDIR=... to pick the place.
set -euo pipefail
cd "$(dirname "$0")/../.."
LINES=${1:-200000}
ROUNDS=${2:-3}
JAVA=${JAVA:-java}
AGENT=${AGENT_JAR:-agent/target/secret-agent.jar}
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then TMP=$(mktemp -d -p /dev/shm); else TMP=$(mktemp -d); fi
trap 'rm -rf "$TMP"' EXIT
rand() { head -c 64 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9' | head -c 24; }
declare -a ENVS=()
REGEX=""
for i in $(seq -w 1 100); do
  v="bs${i}-$(rand)"
  ENVS+=("BENCH_SECRET_${i}_TOKEN=$v")
  REGEX="${REGEX:+$REGEX|}$v"
done
PW="pw-$(rand)"
ENVS+=("APP_PASSWORD=$PW")
REGEX="$REGEX|$PW"
run() { # framework mode
  local fw=$1 mode=$2 cp main agentarg=()
  if [ "$fw" = logback ]; then cp=${LOGBACK_APP_JAR:-test-apps/logback-app/target/app.jar}; main=demo.logback.BenchApp
  else cp=test-apps/log4j2-app/target/app.jar; main=demo.log4j2.BenchApp; fi
  [ "$mode" = agent ] && agentarg=(-javaagent:$AGENT)
  [ "$mode" = bare ] && agentarg=("-javaagent:$AGENT=instrument.disabled=logback;log4j2;jul")
  [ "$mode" = nonet ] && agentarg=("-javaagent:$AGENT=instrument.disabled=filenet")
  [ "$mode" = base ] && agentarg=("-javaagent:${BASE_JAR:?BASE_JAR=<jar> for mode base}")
  rm -rf "$TMP/out"; mkdir -p "$TMP/out"; sync
  env "${ENVS[@]}" "$JAVA" "${agentarg[@]}" -Dmask.regex="$REGEX" -Dbench.immediateFlush="${FLUSH:-false}" -cp "$cp" "$main" "$TMP/out" "$LINES" "$mode" 2>/dev/null \
    | awk '/lines\/s/ {print $3}'
}
declare -A RES
read -r -a ALLMODES <<< "${MODES:-none agent regex}"
for r in $(seq 1 "$ROUNDS"); do
  for fw in ${FWS:-logback log4j2}; do
    n=${#ALLMODES[@]}
    for k in $(seq 0 $((n - 1))); do
      mode=${ALLMODES[$(( (k + r - 1) % n ))]} # round r starts with the r-th mode
      RES[$fw-$mode]="${RES[$fw-$mode]:-} $(run $fw $mode)"
    done
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a); files in $(dirname "$TMP")"
printf '%-8s %-6s %12s %8s %9s   %s\n' framework mode 'lines/s' 'vs none' 'ns/line+' 'runs'
for fw in ${FWS:-logback log4j2}; do
  base=$(echo "${RES[$fw-none]}" | median)
  for mode in ${MODES:-none agent regex}; do
    m=$(echo "${RES[$fw-$mode]}" | median)
    printf '%-8s %-6s %12s %7.1f%% %9.0f   %s\n' "$fw" "$mode" "$m" "$(awk -v m="$m" -v b="$base" 'BEGIN{print (m-b)*100/b}')" \
      "$(awk -v m="$m" -v b="$base" 'BEGIN{print 1e9/m-1e9/b}')" "${RES[$fw-$mode]}"
  done
done
