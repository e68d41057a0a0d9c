#!/usr/bin/env bash
# End-to-end throughput of `secret-agent.jar redact` on a large generated log: a 20,000-line block
# with a random secret raw every 500 lines and inside base64 every 777, repeated to the size asked for. Prints wall
# and CPU time, MB/s, MB per CPU-second, max RSS, and checks that no raw or base64 form of the secret is left.
# Usage (after mvn package): test-apps/bench/redact-bench.sh [MB] [runs]
#   JAVA=...          the JVM
#   AGENT=<jar>       the jar to measure (default agent/target/secret-agent.jar)
#   BASE=<jar>        a second jar (e.g. main's), run alternately with AGENT in every round, same modes
#   EXTRA=999         add that many other random known values to the values file (a fleet-sized set of secrets)
#   MODES="stdin file pipe"   stdin: `redact < big.log > out` (stdin redirected from the file); file: `redact big.log
#                     -o out`; pipe: `cat big.log | redact > out` (a pipe always streams); streaming: `redact --streaming
#                     big.log -o out` (the one-core path for a file; only for a jar that knows --streaming)
#   PERL=1            also run `perl -pe` with an alternation of the same values (raw values only), in every round
#   PERF=1            also record each run with `perf record -e task-clock` and print its CPU-seconds per GB by thread
#                     (main = the JVM's main thread, which starts up, plans and writes; workers = the scanning pool;
#                     jit = C1 + C2 compiler threads; other = GC and the rest): on a shared machine these say more than
#                     wall time. Needs perf; the medians per thread group are printed at the end too
# Each round runs every jar and mode once, in turn; the medians per jar and mode are printed at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
MB=${1:-300}
RUNS=${2:-3}
JAVA=${JAVA:-java}
AGENT=${AGENT:-agent/target/secret-agent.jar}
MODES=${MODES:-stdin}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
SECRET="rb-$(head -c 48 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9' | cut -c1-28)"
printf '%s\n' "$SECRET" > "$TMP/values.txt"
for i in $(seq 1 "${EXTRA:-0}"); do head -c 24 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9' | cut -c1-24 >> "$TMP/values.txt"; done
B64=$(printf 'svc:%s' "$SECRET" | base64 -w0)
awk -v s="$SECRET" -v b="$B64" 'BEGIN {
  for (i = 1; i <= 20000; i++) {
    line = sprintf("2026-11-27 12:%02d:%02d.%03d [worker-%d] INFO  demo.Orders - order %d shipped to customer %d, latency=%dms status=ok", i % 60, (i * 7) % 60, i % 1000, i % 16, i, i * 31, i % 997)
    if (i % 500 == 0) line = line " password " s
    if (i % 777 == 0) line = line " Authorization: Basic " b
    print line
  }
}' > "$TMP/block.log"
: > "$TMP/big.log"
while [ "$(stat -c %s "$TMP/big.log")" -lt $((MB * 1024 * 1024)) ]; do cat "$TMP/block.log" >> "$TMP/big.log"; done
SIZE=$(stat -c %s "$TMP/big.log")
echo "input: $SIZE bytes; $(nproc) cores; $(wc -l < "$TMP/values.txt") known values; load $(cut -d' ' -f1-3 /proc/loadavg)"

JARS="new=$AGENT"
if [ -n "${BASE:-}" ]; then JARS="base=$BASE $JARS"; fi
: > "$TMP/results"
: > "$TMP/threads"
# one timed command: label, then the shell command line (reads $TMP/big.log, writes $TMP/out.log)
measure() {
  local label=$1; shift
  if [ -n "${PERF:-}" ]; then
    /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" perf record -q -e task-clock -c 1000000 -o "$TMP/perf.data" -- \
      bash -c "$*" 2> "$TMP/summary"
    # samples are 1 ms of CPU each; thread names as the kernel has them (15 characters)
    perf report -i "$TMP/perf.data" --sort comm --stdio -n 2> /dev/null | awk -v lb="$label" -v s="$SIZE" '
      /^#/ || NF < 3 { next }
      { c = $3; for (i = 4; i <= NF; i++) c = c " " $i
        g = c == "java" ? "main" : c ~ /^secret-agent-re/ ? "workers" : c ~ /CompilerThre/ ? "jit" : c == "perl" ? "main" : "other"
        ms[g] += $2 }
      END { printf "%-14s CPU-s per GB by thread: main %.2f, workers %.2f, jit %.2f, other %.2f\n", lb,
              ms["main"] / 1000 * 1073741824 / s, ms["workers"] / 1000 * 1073741824 / s,
              ms["jit"] / 1000 * 1073741824 / s, ms["other"] / 1000 * 1073741824 / s
            printf "%s %f %f %f %f\n", lb, ms["main"] / 1000 * 1073741824 / s, ms["workers"] / 1000 * 1073741824 / s,
              ms["jit"] / 1000 * 1073741824 / s, ms["other"] / 1000 * 1073741824 / s > "/dev/stderr" }' 2>> "$TMP/threads"
  else
    /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" bash -c "$*" 2> "$TMP/summary"
  fi
  read -r wall user sys rss < "$TMP/time"
  left=$(grep -c -F -e "$SECRET" -e "$B64" "$TMP/out.log" || true)
  awk -v lb="$label" -v s="$SIZE" -v w="$wall" -v u="$user" -v y="$sys" -v m="$rss" -v l="$left" \
    -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    printf "%-14s %.2f s wall, %.2f s user + %.2f s sys: %.0f MB/s wall, %.0f MB/s per CPU-second (%.2f CPU-s per GB), max RSS %d MB, forms left: %d, load %s\n",
      lb, w, u, y, s / 1048576 / w, s / 1048576 / (u + y), (u + y) * 1073741824 / s, m / 1024, l, load
    printf "%s %f %f %f %d\n", lb, s / 1048576 / w, s / 1048576 / (u + y), (u + y) * 1073741824 / s, m / 1024 > "/dev/stderr"
  }' 2>> "$TMP/results"
}
median() { sort -n | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); print v[m] }'; }
for r in $(seq 1 "$RUNS"); do
  for jar in $JARS; do
    name=${jar%%=*}; path=${jar#*=}
    for mode in $MODES; do
      cmd="\"$JAVA\" -jar \"$path\" redact --no-env --values-file \"$TMP/values.txt\""
      case $mode in
        stdin) measure "$name/$mode" "$cmd < \"$TMP/big.log\" > \"$TMP/out.log\"" ;;
        file) measure "$name/$mode" "$cmd \"$TMP/big.log\" -o \"$TMP/out.log\"" ;;
        streaming) measure "$name/$mode" "$cmd --streaming \"$TMP/big.log\" -o \"$TMP/out.log\"" ;;
        pipe) measure "$name/$mode" "cat \"$TMP/big.log\" | $cmd > \"$TMP/out.log\"" ;;
      esac
    done
  done
  if [ -n "${PERL:-}" ]; then
    # the same values as one alternation, longest first (what a hand-written scrubber does); raw values only
    measure "perl" "perl -pe 'BEGIN { open(my \$f, \"<\", \"$TMP/values.txt\") or die; my @v = sort { length(\$b) <=> length(\$a) } map { chomp; quotemeta } <\$f>; \$re = join(\"|\", @v); \$re = qr/\$re/ } s/\$re/[REDACTED]/g' < \"$TMP/big.log\" > \"$TMP/out.log\""
  fi
done
echo "medians over $RUNS rounds (load now $(cut -d' ' -f1-3 /proc/loadavg)):"
for label in $(awk '{print $1}' "$TMP/results" | sort -u); do
  grep "^$label " "$TMP/results" > "$TMP/one"
  printf "  %-14s %5.0f MB/s wall, %5.0f MB/s per CPU-second, %6.2f CPU-s per GB, max RSS %s MB (%d runs)\n" "$label" \
    "$(awk '{print $2}' "$TMP/one" | median)" "$(awk '{print $3}' "$TMP/one" | median)" \
    "$(awk '{print $4}' "$TMP/one" | median)" "$(awk '{print $5}' "$TMP/one" | sort -n | tail -1)" "$(wc -l < "$TMP/one")"
done
if [ -s "$TMP/threads" ]; then
  echo "CPU-seconds per GB by thread, medians (perf task-clock; main includes start-up):"
  for label in $(awk '{print $1}' "$TMP/threads" | sort -u); do
    grep "^$label " "$TMP/threads" > "$TMP/one"
    printf "  %-14s main %5.2f, workers %5.2f, jit %5.2f, other %5.2f\n" "$label" \
      "$(awk '{print $2}' "$TMP/one" | median)" "$(awk '{print $3}' "$TMP/one" | median)" \
      "$(awk '{print $4}' "$TMP/one" | median)" "$(awk '{print $5}' "$TMP/one" | median)"
  done
fi
