#!/usr/bin/env bash
# Datastore workflow benchmark: scans a synthetic mbox with ~100k distinct fake secrets into a fresh datastore, then
# times `notify` (and `report` in every format, when the command exists) over it, with peak RSS.
#
# usage: bash src/bench/notify-bench.sh [MESSAGES [SECRETS_PER_MESSAGE [CUSTOMERS]]]   (default 20000 5 2000)
# environment: BENCH_DIR (default /tmp/mailleaks-notify-bench), MAILLEAKS_JAR (default target/mailleaks.jar)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/mailleaks-notify-bench}
JAR=${MAILLEAKS_JAR:-$ROOT/target/mailleaks.jar}
MESSAGES=${1:-20000}; PER=${2:-5}; CUSTOMERS=${3:-2000}
mkdir -p "$BENCH_DIR"
[ -f "$JAR" ] || (cd "$ROOT" && { mvn -q -o -DskipTests package || mvn -q -DskipTests package; })
python3 "$ROOT/src/bench/gen-notify-corpus.py" --messages "$MESSAGES" --secrets-per-message "$PER" \
  --customers "$CUSTOMERS" "$BENCH_DIR"
db="$BENCH_DIR/bench.db"
rm -rf "$db" "$db-wal" "$db-shm" "$BENCH_DIR/notify" "$BENCH_DIR"/report.*

timed() { # label command... -> one table row: wall s, CPU s, peak RSS MiB
  local label=$1; shift
  local t="$BENCH_DIR/time.txt" rc=0
  MAILLEAKS_NO_RELAUNCH=1 /usr/bin/time -v -o "$t" "$@" >"$BENCH_DIR/$label.out" 2>&1 || rc=$?
  if [ "$rc" -gt 1 ]; then echo "$label failed ($rc):" >&2; cat "$BENCH_DIR/$label.out" >&2; exit 1; fi
  awk -F': ' -v label="$label" '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
    /User time|System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "| %s | %.1f | %.1f | %.0f |\n", label, wall, cpu, rss }' "$t"
}

echo "mbox: $(du -m "$BENCH_DIR/mail.mbox" | cut -f1) MB, $MESSAGES messages x $PER secrets, $CUSTOMERS customers"
echo
echo "| step | wall s | CPU s | peak RSS MiB |"
echo "|---|---:|---:|---:|"
timed scan java -XX:+UseSerialGC -jar "$JAR" scan --no-progress --datastore "$db" -f jsonl -o /dev/null "$BENCH_DIR/mail.mbox"
timed notify java -XX:+UseSerialGC -jar "$JAR" notify --datastore "$db" --customers "$BENCH_DIR/customers.csv" \
  --internal-domain corp.example -o "$BENCH_DIR/notify"
if java -jar "$JAR" report --help 2>&1 | grep -c -- --format >/dev/null; then
  for f in json jsonl csv sarif html; do
    timed "report-$f" java -XX:+UseSerialGC -jar "$JAR" report --datastore "$db" --format "$f" -o "$BENCH_DIR/report.$f"
  done
fi
echo
tail -1 "$BENCH_DIR/notify.out"
echo "secrets: $(sqlite3 "$db" 'select count(*) from secrets' 2>/dev/null || echo '?'), occurrences: $(wc -l < "$BENCH_DIR/notify/notifications.csv") notification rows + header"
ls -la "$BENCH_DIR/notify" | head
