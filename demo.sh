#!/usr/bin/env bash
# Builds secret-agent and runs it on a demo application that prints and logs a secret it reads from the
# environment: you see the redacted output, then the audit lines the agent wrote. The secret is generated here,
# fresh for each run; it exists only in this shell's environment.
set -euo pipefail
cd "$(dirname "$0")"

echo "== building (mvn package, tests skipped; run the tests with: mvn -B verify)"
mvn -B -q package -DskipTests

out=target/demo
rm -rf "$out" && mkdir -p "$out"
secret="demo-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
export DB_PASSWORD="$secret"

echo
echo "== the application's output, with -javaagent:agent/target/secret-agent.jar (DB_PASSWORD is a fresh random value)"
java -javaagent:agent/target/secret-agent.jar=service.name=demo,audit.file=$out/audit.jsonl,diagnostics.level=info \
     -cp test-apps/hello-app/target/app.jar demo.EnvPrinter DB_PASSWORD

echo
echo "== audit lines ($out/audit.jsonl)"
for _ in 1 2 3 4 5 6 7 8 9 10; do [ -s "$out/audit.jsonl" ] && break; sleep 0.2; done
cat "$out/audit.jsonl" 2>/dev/null || echo "(no audit file written)"

echo
if grep -rqF -- "$secret" "$out"; then
  echo "!! the secret value was found in $out"; exit 1
else
  echo "== the secret value appears in none of the files the agent wrote"
fi
