#!/usr/bin/env bash
# Whole-process scan benchmark: generates (or reuses) synthetic mboxes and times `mailleaks scan` on them.
#
# usage: bash src/bench/scan-bench.sh [SIZE...]        (default: 100m 1g; sizes as for GenerateMbox: 100m, 1g, 2g)
#
# environment:
#   BENCH_DIR      where mboxes, reports and timings go (default /tmp/mailleaks-bench); mboxes there are reused
#   SEED           generator seed (default 42)
#   MAILLEAKS_JAR  jar to run (default target/mailleaks.jar, built with `mvn -DskipTests package` if missing)
#   CONFIGS        which JVM settings to run, space-separated (default "default serial384")
#                    default    = java -jar ...                           (what users run)
#                    serial384  = java -XX:+UseSerialGC -Xmx384m -jar ... (small-footprint JVM)
#                    -FLAG,...  = those flags, comma-separated, e.g. "-XX:+UseSerialGC,-Xmx256m"
#   DATASTORES     which datastore settings to run, space-separated (default "on")
#                    on  = a fresh datastore per run (BENCH_DIR/bench.db, deleted first): what users run
#                    off = --no-datastore (the report only)
#   BENCH_CLEAN=1  delete each generated mbox after its runs (disk matters)
#   QUIET_WAIT     before each run, wait up to this many seconds for the machine to be idle (other processes
#                  using < 0.3 cores over 3 s; default 300, 0 = do not wait). The table's "others" column is the
#                  CPU other processes used during the run, in cores: compare rows only when it is near 0.
#
# Each run: /usr/bin/time -v java [FLAGS] -jar mailleaks.jar scan --no-progress [--datastore DB|--no-datastore] --format json -o OUT.json MBOX
# with JAVA_TOOL_OPTIONS / JDK_JAVA_OPTIONS / _JAVA_OPTIONS unset, so only the flags shown apply.
# Wall time, CPU and peak RSS (largest single process) come from /usr/bin/time; "peak tree RSS" is the sampled sum
# over the java process and its children (the CLI may relaunch itself in a tuned child JVM); messages and
# findings come from the JSON report's "scan" object.
# Runs are sequential (the machine is small and shared): never run two of these at once.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/mailleaks-bench}
SEED=${SEED:-42}
JAR=${MAILLEAKS_JAR:-$ROOT/target/mailleaks.jar}
CONFIGS=${CONFIGS:-default serial384}
DATASTORES=${DATASTORES:-on}
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(100m 1g); fi

mkdir -p "$BENCH_DIR"

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (/usr/bin/time)..." >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
  else
    sudo apt-get install -y -qq time >/dev/null
  fi
fi

if [ ! -f "$JAR" ]; then
  echo "building $JAR ..." >&2
  (cd "$ROOT" && { mvn -q -o -DskipTests package || mvn -q -DskipTests package; })
fi

jvm_flags() {
  case "$1" in
    default) echo "" ;;
    serial384) echo "-XX:+UseSerialGC -Xmx384m" ;;
    -*) echo "${1//,/ }" ;; # literal flags, comma-separated: CONFIGS="-XX:+UseSerialGC,-Xmx256m"
    *) echo "unknown config $1" >&2; exit 2 ;;
  esac
}

busy_jiffies() { # all CPUs: busy and total jiffies since boot
  awk '/^cpu /{busy=$2+$3+$4+$7+$8+$9; total=busy+$5+$6; print busy, total}' /proc/stat
}

wait_quiet() {
  local limit=${QUIET_WAIT:-300} waited=0 b0 t0 b1 t1 busy
  [ "$limit" -gt 0 ] || return 0
  while :; do
    read -r b0 t0 < <(busy_jiffies); sleep 3; read -r b1 t1 < <(busy_jiffies)
    busy=$(awk -v b="$((b1 - b0))" -v t="$((t1 - t0))" -v n="$(nproc)" 'BEGIN{printf "%.2f", (t > 0 ? n * b / t : 0)}')
    if awk -v x="$busy" 'BEGIN{exit !(x < 0.3)}'; then return 0; fi
    waited=$((waited + 3))
    if [ "$waited" -ge "$limit" ]; then
      echo "machine still busy ($busy cores used by others) after ${limit}s; running anyway" >&2
      return 0
    fi
    [ $((waited % 30)) -eq 0 ] && echo "waiting for a quiet machine ($busy cores busy)..." >&2
  done
}

tree_rss_kb() { # summed RSS (KiB) of process $1 and all its descendants
  ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3 }
    END { sum = 0
          for (p in parent) { q = p; while (q != root && (q in parent) && q > 1) q = parent[q]; if (q == root) sum += rss[p] }
          print sum }'
}

json_field() { # file key -> value of "key" inside the "scan" object
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["scan"][sys.argv[2]])' "$1" "$2"
  else
    # the "scan" object is last in the report; take the last occurrence of the key
    grep -o "\"$2\" : [0-9.]*" "$1" | tail -1 | awk '{print $3}'
  fi
}

RESULTS="$BENCH_DIR/results-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), host: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM"
  echo "java: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "jar: $JAR ($(stat -c %s "$JAR") bytes, $(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "| size | JVM flags | datastore | archive MB | messages | findings | wall s | archive MB/s | scan s (report) | CPU s (user+sys) | MB per CPU-s | others (cores) | peak RSS MiB | peak tree RSS MiB |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} | tee "$RESULTS"

for size in "${SIZES[@]}"; do
  mbox="$BENCH_DIR/bench-$size-seed$SEED.mbox"
  if [ ! -s "$mbox" ]; then
    echo "generating $mbox ..." >&2
    java "$ROOT/src/bench/GenerateMbox.java" --size "$size" --seed "$SEED" "$mbox.tmp" > "$mbox.gen.txt"
    mv "$mbox.tmp" "$mbox"
    cat "$mbox.gen.txt" >&2
  fi
  bytes=$(stat -c %s "$mbox")
  for config in $CONFIGS; do
  for store in $DATASTORES; do
    flags=$(jvm_flags "$config")
    db="$BENCH_DIR/bench.db"
    rm -f "$db" "$db-wal" "$db-shm"
    case "$store" in
      on) store_args=(--datastore "$db") ;;
      off) store_args=(--no-datastore) ;;
      *) echo "unknown datastore setting $store" >&2; exit 2 ;;
    esac
    tag=$(echo "$config-$store" | tr -c 'A-Za-z0-9\n' '_')
    out="$BENCH_DIR/out-$size-$tag.json"
    timing="$BENCH_DIR/time-$size-$tag.txt"
    wait_quiet
    rc=0
    read -r busy0 total0 < <(busy_jiffies)
    # shellcheck disable=SC2086
    env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS -u _JAVA_OPTIONS \
      /usr/bin/time -v -o "$timing" java $flags -jar "$JAR" scan --no-progress "${store_args[@]}" --format json -o "$out" "$mbox" &
    pid=$!
    # /usr/bin/time reports the largest single process; if the CLI relaunches itself in a child JVM, the
    # footprint is the sum of the tree, so sample that too (every 0.25 s).
    tree_peak=0
    while kill -0 "$pid" 2>/dev/null; do
      kb=$(tree_rss_kb "$pid")
      [ "$kb" -gt "$tree_peak" ] && tree_peak=$kb
      sleep 0.25
    done
    wait "$pid" || rc=$?
    read -r busy1 total1 < <(busy_jiffies)
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then # 1 = secrets found
      echo "scan of $mbox ($config) exited with $rc; see $timing" >&2
      tail -5 "$timing" >&2 || true
      exit 1
    fi
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$timing")
    rss_kb=$(awk -F': ' '/Maximum resident set size/{print $2}' "$timing")
    cpu_s=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/{s+=$2} END{print s}' "$timing")
    # CPU the whole machine was busy during the run, in cores, minus this run's own CPU
    others=$(awk -v b="$((busy1 - busy0))" -v t="$((total1 - total0))" -v n="$(nproc)" -v own="$cpu_s" -v wall="$wall" \
      'BEGIN{ all = t > 0 ? n * b / t : 0; o = all - own / wall; printf "%.2f", (o < 0 ? 0 : o) }')
    messages=$(json_field "$out" messages)
    findings=$(json_field "$out" findings)
    elapsed=$(json_field "$out" elapsed_seconds)
    awk -v size="$size" -v flags="${flags:-(none)}" -v store="$store" -v bytes="$bytes" -v m="$messages" -v f="$findings" \
        -v wall="$wall" -v el="$elapsed" -v cpu="$cpu_s" -v others="$others" -v rss="$rss_kb" -v tree="$tree_peak" 'BEGIN {
      printf "| %s | %s | %s | %.0f | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %.0f | %.0f |\n",
        size, flags, store, bytes / 1e6, m, f, wall, bytes / 1e6 / wall, el, cpu, bytes / 1e6 / cpu, others, rss / 1024,
        tree / 1024 }' \
      | tee -a "$RESULTS"
  done
  done
  if [ "${BENCH_CLEAN:-0}" = 1 ]; then rm -f "$mbox"; fi
done
echo >&2
cat "$RESULTS"
echo >&2
echo "table saved to $RESULTS (MB = 10^6 bytes; RSS in MiB; targets: >= 100 MB/s, peak RSS < 512 MB)" >&2
