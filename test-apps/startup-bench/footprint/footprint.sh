#!/usr/bin/env bash
# The agent's memory footprint broken down (issue 17): runs an application with and without -javaagent, keeps each
# alive at its end (Hold.java) and records what it holds: VmRSS, native memory by category (NMT), heap, metaspace,
# code cache, threads and the class histogram, then prints the NMT categories side by side. Not a test: a look.
#
#   test-apps/startup-bench/footprint/footprint.sh OUTDIR [java binary] [main class] [main args...]
#
# Default application: hello world (test-apps/hello-app). AGENT_JAR=<jar> looks at another build of the agent.
# Example, 10,000 virtual threads logging through Logback on JDK 25:
#   APP_CP=test-apps/logback-app/target/app.jar test-apps/startup-bench/footprint/footprint.sh /tmp/fp \
#     /usr/lib/jvm/temurin-25-jdk-amd64/bin/java demo.logback.VirtualThreadsApp /tmp/fp/vt 10000
# Build first: mvn -B -q package -DskipTests.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out=${1:?OUTDIR}; java=${2:-java}; main=${3:-demo.Hello}; shift $(( $# > 3 ? 3 : $# ))
cp=${APP_CP:-$root/test-apps/hello-app/target/app.jar}
jar=${AGENT_JAR:-$root/agent/target/secret-agent.jar}
jbin=$(dirname "$(command -v "$java")")
mkdir -p "$out/classes"
"$jbin/javac" -d "$out/classes" "$here/Hold.java"
look() { # side: none | agent
  local side=$1 dir="$out/$1" ag=() pid
  mkdir -p "$dir"; rm -f "$dir/hold"
  [ "$side" = agent ] && ag=(-javaagent:$jar)
  APP_PASSWORD="fp-$RANDOM$RANDOM$RANDOM" "$java" "${ag[@]}" -XX:NativeMemoryTracking=summary -Dhold.file="$dir/hold" \
    -cp "$cp:$out/classes" Hold "$main" "$@" > "$dir/app.out" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do grep -q '^held' "$dir/app.out" 2>/dev/null && break; sleep 0.1; done
  grep VmRSS /proc/$pid/status > "$dir/rss.txt"
  "$jbin/jcmd" $pid VM.native_memory summary > "$dir/nmt.txt"
  "$jbin/jcmd" $pid GC.heap_info > "$dir/heap_info.txt"
  "$jbin/jcmd" $pid VM.metaspace > "$dir/metaspace.txt"
  "$jbin/jcmd" $pid Compiler.codecache > "$dir/codecache.txt" 2>&1 || true
  "$jbin/jcmd" $pid Thread.print > "$dir/threads.txt"
  "$jbin/jcmd" $pid GC.class_histogram > "$dir/histo.txt" # a full GC first: live heap after it
  grep VmRSS /proc/$pid/status > "$dir/rss-after-gc.txt"
  touch "$dir/hold"; wait $pid || true
}
look none "$@"
look agent "$@"
committed() { # file: "category committed-KB" per NMT category
  sed -n 's/^-\{1,\} *\([A-Za-z ]*[A-Za-z]\) (reserved=[0-9]*KB, committed=\([0-9]*\)KB.*/\1|\2/p' "$1"
}
echo "VmRSS: without $(awk '{print $2}' "$out/none/rss.txt") kB, with $(awk '{print $2}' "$out/agent/rss.txt") kB"
printf '%-28s %12s %12s %10s\n' "NMT category (committed)" "without KB" "with KB" "added"
join -t'|' -a1 -a2 -e0 -o 0,1.2,2.2 <(committed "$out/none/nmt.txt" | sort) <(committed "$out/agent/nmt.txt" | sort) \
  | awk -F'|' '{printf "%-28s %12d %12d %+10d\n", $1, $2, $3, $3 - $2}'
echo "details: $out/none, $out/agent (nmt, heap_info, metaspace, codecache, threads, histo)"
