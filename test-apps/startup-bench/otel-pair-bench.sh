#!/usr/bin/env bash
# Start-up of secret-agent beside the OpenTelemetry Java agent: hello world with no agent, each agent alone and the
# pair in both orders, runs alternating, wall time of the whole process, one line per round. Not a test: a measurement.
#   test-apps/startup-bench/otel-pair-bench.sh [rounds, default 5] [java binary, default java]
# The OpenTelemetry jar is the one the e2e build copies to test-apps/e2e-tests/target/otel/.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-5}"
java="${2:-java}"
sa=agent/target/secret-agent.jar
oa=test-apps/e2e-tests/target/otel/opentelemetry-javaagent.jar
app=test-apps/hello-app/target/app.jar
[ -f "$sa" ] && [ -f "$oa" ] && [ -f "$app" ] || { echo "build first (the agent, hello-app, and the e2e-tests module's generate-test-resources)" >&2; exit 1; }
ot="-Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none"
ms() { local s e; s=$(date +%s%N); "$java" "$@" -cp "$app" demo.Hello >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
for i in $(seq 1 "$rounds"); do
  # shellcheck disable=SC2086
  echo "round $i none=$(ms) secret=$(ms -javaagent:$sa) otel=$(ms -javaagent:$oa $ot)" \
       "otel+secret=$(ms -javaagent:$oa -javaagent:$sa $ot) secret+otel=$(ms -javaagent:$sa -javaagent:$oa $ot)"
done
