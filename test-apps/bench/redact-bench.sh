#!/usr/bin/env bash
# End-to-end throughput of `secret-agent.jar redact` on a large generated log (the 1 GB/s quality bar): a 20,000-line block with a
# random secret raw every 500 lines and inside base64 every 777, repeated to the size asked for. Prints wall and CPU
# time, MB/s, max RSS, the redaction summary, and checks that no raw or base64 form of the secret is left.
# Usage (after mvn package): test-apps/bench/redact-bench.sh [MB] [runs]     JAVA=... to pick the JVM,
#   EXTRA=999 to add that many other random known values to the values file (a fleet-sized set of secrets)
set -euo pipefail
cd "$(dirname "$0")/../.."
MB=${1:-300}
RUNS=${2:-3}
JAVA=${JAVA:-java}
AGENT=${AGENT:-agent/target/secret-agent.jar}
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
echo "input: $SIZE bytes; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$RUNS"); do
  /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" "$JAVA" -jar "$AGENT" redact --no-env --values-file "$TMP/values.txt" \
    < "$TMP/big.log" > "$TMP/out.log" 2> "$TMP/summary"
  read -r wall user sys rss < "$TMP/time"
  left=$(grep -c -F -e "$SECRET" -e "$B64" "$TMP/out.log" || true)
  awk -v s="$SIZE" -v w="$wall" -v u="$user" -v y="$sys" -v m="$rss" -v l="$left" 'BEGIN {
    printf "run: %.2f s wall, %.2f s user + %.2f s sys: %.0f MB/s wall, %.0f MB/s per CPU-second, max RSS %d MB, forms left: %d\n",
      w, u, y, s / 1048576 / w, s / 1048576 / (u + y), m / 1024, l }'
done
sed 's/^/summary: /' "$TMP/summary"
