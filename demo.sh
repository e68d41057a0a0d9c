#!/usr/bin/env bash
# Builds secret-agent and runs it on a demo application that prints and logs a secret it reads from the
# environment: you see the redacted output, then the audit lines the agent wrote. The secret is generated here,
# fresh for each run; it exists only in this shell's environment.
set -euo pipefail
cd "$(dirname "$0")"

echo "== building (mvn package, tests skipped; about 2 minutes the first time, mostly downloads; tests: mvn -B verify)"
# one line per module as Maven reaches it, so two minutes of downloads do not look like a hang; -B and
# style.color=never keep terminal escape codes out; the full log is kept for when something fails
mkdir -p target
log=target/demo-build.log
if ! mvn -B -Dstyle.color=never --no-transfer-progress package -DskipTests 2>&1 | tee "$log" \
     | sed -un 's/^\[INFO\] Building \(.*\) [0-9][^ ]* *\(\[[0-9]*\/[0-9]*\]\)$/   \2 \1/p'; then
  echo "!! the build failed; its log: $log"; tail -n 40 "$log"; exit 1
fi

out=target/demo
rm -rf "$out" && mkdir -p "$out"
secret="demo-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
export DB_PASSWORD="$secret"

echo
echo "== without the agent, the application logs its password (a random value made for this run), raw and in base64"
java -cp test-apps/demo-app/target/app.jar demo.shop.ShopApp

echo
echo "== the same application with -javaagent:agent/target/secret-agent.jar (the same password)"
java -javaagent:agent/target/secret-agent.jar=service.name=shop,audit.file=$out/audit.jsonl,diagnostics.level=info \
     -cp test-apps/demo-app/target/app.jar demo.shop.ShopApp 2>&1 | tee "$out/output.txt"

echo
echo "== audit lines ($out/audit.jsonl)"
cat "$out/audit.jsonl" 2>/dev/null || echo "(no audit file written)"

echo
b64=$(printf 'shop:%s' "$secret" | base64 -w0)
if grep -rqF -e "$secret" -e "$b64" "$out"; then
  echo "!! the secret value was found in $out"; exit 1
else
  echo "== neither the password nor its base64 form appears in the output or in anything the agent wrote ($out)"
fi
