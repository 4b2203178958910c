#!/usr/bin/env bash
# PST vs mbox scan benchmark: is scanning a PST within 2x of scanning the same mail as an mbox, and is memory flat?
#
#   bash src/bench/pst-bench.sh [PST]
#     PST   default testdata/outlook/testPST_variousBodyTypes.pst (265 KiB, 4 messages); the larger one is
#           ../shared/corpus/mail/apache-tika/microsoft-module/testPST.pst (2.3 MB, 7 messages)
#   env:  N=20            copies of the input on one command line per timed run
#         REPS=3          timed runs per configuration; the table shows the median wall time and the largest RSS
#         MAILLEAKS_JAR   jar to run (default target/mailleaks.jar; e.g. a copy in /tmp/outlook-jar/)
#         BENCH_DIR       work folder (default /tmp/mailleaks-bench): the converted mbox and the results go there
#         QUIET_WAIT=300  seconds to wait for other processes to go quiet before each run (0 = don't wait)
#         MBOX_FROM=readpst  how the mbox is made: readpst (independent, default) or mailleaks: the bench tool
#                         PstToMbox in BENCH_JAR (default target/benchmarks.jar, `mvn -Pbench -DskipTests package`)
#                         writes exactly the MIME messages mailleaks builds from the PST, so that PST vs mbox
#                         then measures only what reading the store costs
#
# What it does:
#   1. converts the PST with readpst (Debian pst-utils, installed if missing): `readpst -D -j 0 -r -w`, i.e. one
#      mbox per folder including "Deleted Items", then concatenates those mboxes, in path order, into one file
#      BENCH_DIR/<name>.mbox. That is "the same mail": readpst writes each e-mail item as MIME (attachments
#      base64, an RTF body as an rtf-body.rtf attachment); appointments and contacts, which readpst does not put
#      in the mbox, are not in it, so the script prints the message count `mailleaks list` gives for each input.
#   2. checks that repeating a file on the command line really scans it again: `mailleaks list X X` must print
#      twice the lines of `list X`.
#   3. times, under /usr/bin/time -v (Debian `time`, installed if missing),
#        java -jar mailleaks.jar scan --no-progress --no-datastore -f jsonl -o /dev/null X X ... (N copies)
#      for X = the PST and X = the mbox, and once with a single copy: the difference between the two runs is the
#      cost of N-1 copies without JVM start-up, rule loading and JIT warm-up ("marginal" columns). Wall and CPU
#      time and peak RSS of the largest process come from time -v; "tree RSS" samples the java process and its
#      children every 0.25 s (`java -jar … scan` relaunches itself in a child JVM, see README "Memory").
#   MB/s = input file bytes x copies / wall seconds (MB = 10^6 bytes). A PST file and its mbox differ in size
#   (PST pages, indexes and compression vs base64 MIME), so compare the messages/s columns and the PST/mbox time
#   ratio at the end, which is what the target (PST within 2x of mbox) is about.
#
# Limits: no tool here writes PST files, so there is no large PST. "Flat memory on a large PST" can only be
# approached by repeating one file on the command line (N copies are N PSTs opened one after another, each with
# its own index): a leak per file or per message shows as RSS growing with N (try N=20 and N=200), but the memory
# a single multi-GB PST needs (its node and block B-trees, one huge folder, very large attachments) is NOT
# measured by this script.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
PST=${1:-testdata/outlook/testPST_variousBodyTypes.pst}
N=${N:-20}
REPS=${REPS:-3}
JAR=${MAILLEAKS_JAR:-target/mailleaks.jar}
MBOX_FROM=${MBOX_FROM:-readpst}
BENCH_JAR=${BENCH_JAR:-target/benchmarks.jar}
BENCH_DIR=${BENCH_DIR:-/tmp/mailleaks-bench}
mkdir -p "$BENCH_DIR"

[ -f "$PST" ] || { echo "no such PST: $PST" >&2; exit 2; }
[ -f "$JAR" ] || { echo "no jar at $JAR (build it, or set MAILLEAKS_JAR)" >&2; exit 2; }
install_pkg() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "installing $2 ..." >&2
  apt-get install -y -qq "$2" >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 || true; apt-get install -y -qq "$2" >/dev/null 2>&1; }
}
install_pkg readpst pst-utils
[ -x /usr/bin/time ] || install_pkg /usr/bin/time time

if ! java -jar "$JAR" list "$PST" >"$BENCH_DIR/list-pst.txt" 2>"$BENCH_DIR/list-pst.err" || [ ! -s "$BENCH_DIR/list-pst.txt" ]; then
  echo "this jar lists no message in $PST (no PST support yet?):" >&2
  head -5 "$BENCH_DIR/list-pst.err" >&2
  exit 2
fi

# ---- 1. PST -> one mbox
name=$(basename "$PST"); name=${name%.*}
MBOX="$BENCH_DIR/$name.$MBOX_FROM.mbox"
case $MBOX_FROM in
  readpst)
    conv="$BENCH_DIR/$name.readpst"
    rm -rf "$conv"; mkdir -p "$conv"
    readpst -D -j 0 -r -w -q -o "$conv" "$PST" >/dev/null
    : >"$MBOX"
    while IFS= read -r -d '' box; do
      cat "$box" >>"$MBOX"
      # keep a blank line between the last message of one folder and the "From " line of the next
      [ "$(tail -c 2 "$MBOX" | od -An -c | tr -d ' ')" = '\n\n' ] || printf '\n' >>"$MBOX"
    done < <(find "$conv" -type f -name mbox -print0 | LC_ALL=C sort -z)
    rm -rf "$conv"
    ;;
  mailleaks)
    [ -f "$BENCH_JAR" ] || { echo "no $BENCH_JAR (mvn -Pbench -DskipTests package, or set BENCH_JAR)" >&2; exit 2; }
    java -cp "$BENCH_JAR" dev.mailleaks.bench.PstToMbox "$PST" "$MBOX" 2>/dev/null
    ;;
  *) echo "MBOX_FROM must be readpst or mailleaks" >&2; exit 2 ;;
esac

# ---- 2. repetition check
count() { java -jar "$JAR" list "$@" | wc -l; }
msgs_pst=$(count "$PST"); msgs_mbox=$(count "$MBOX")
if [ "$(count "$PST" "$PST")" -ne $((2 * msgs_pst)) ] || [ "$(count "$MBOX" "$MBOX")" -ne $((2 * msgs_mbox)) ]; then
  echo "repeating a file on the command line does not scan it again; the numbers would be wrong" >&2
  exit 2
fi

# ---- 3. timed runs
busy_jiffies() { awk '/^cpu /{busy=$2+$3+$4+$7+$8+$9; total=busy+$5+$6; print busy, total}' /proc/stat; }
wait_quiet() {
  local limit=${QUIET_WAIT:-300} waited=0 b0 t0 b1 t1 busy
  [ "$limit" -gt 0 ] || return 0
  while :; do
    read -r b0 t0 < <(busy_jiffies); sleep 3; read -r b1 t1 < <(busy_jiffies)
    busy=$(awk -v b="$((b1 - b0))" -v t="$((t1 - t0))" -v n="$(nproc)" 'BEGIN{printf "%.2f", (t > 0 ? n * b / t : 0)}')
    if awk -v x="$busy" 'BEGIN{exit !(x < 0.3)}'; then return 0; fi
    waited=$((waited + 3))
    if [ "$waited" -ge "$limit" ]; then echo "machine still busy ($busy cores) after ${limit}s; running anyway" >&2; return 0; fi
    [ $((waited % 30)) -eq 0 ] && echo "waiting for a quiet machine ($busy cores busy)..." >&2
  done
}
tree_rss_kb() {
  ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3 }
    END { sum = 0
          for (p in parent) { q = p; while (q != root && (q in parent) && q > 1) q = parent[q]; if (q == root) sum += rss[p] }
          print sum }'
}

# run FILE COPIES -> prints "wall cpu rss_kb tree_kb others" (median wall / cpu of REPS runs, max RSS)
run() {
  local file=$1 copies=$2 r args=() timing="$BENCH_DIR/time.txt" results=()
  for ((r = 0; r < copies; r++)); do args+=("$file"); done
  for ((r = 0; r < REPS; r++)); do
    wait_quiet
    local b0 t0 b1 t1 pid tree_peak=0 kb rc=0
    read -r b0 t0 < <(busy_jiffies)
    env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS -u _JAVA_OPTIONS \
      /usr/bin/time -v -o "$timing" java -jar "$JAR" scan --no-progress --no-datastore -f jsonl -o /dev/null "${args[@]}" &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      kb=$(tree_rss_kb "$pid"); [ "$kb" -gt "$tree_peak" ] && tree_peak=$kb
      sleep 0.25
    done
    wait "$pid" || rc=$?
    read -r b1 t1 < <(busy_jiffies)
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
      echo "scan of $copies x $file exited with $rc" >&2; tail -5 "$timing" >&2; exit 1
    fi
    local wall cpu rss others
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$timing")
    cpu=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/{s+=$2} END{print s}' "$timing")
    rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$timing")
    others=$(awk -v b="$((b1 - b0))" -v t="$((t1 - t0))" -v n="$(nproc)" -v own="$cpu" -v wall="$wall" \
      'BEGIN{ all = t > 0 ? n * b / t : 0; o = all - own / wall; printf "%.2f", (o < 0 ? 0 : o) }')
    results+=("$wall $cpu $rss $tree_peak $others")
  done
  printf '%s\n' "${results[@]}" | sort -n -k1,1 | awk -v n="$REPS" '
    BEGIN { r = 0; t = 0; o = 0 }
    { w[NR]=$1; c[NR]=$2; if ($3+0>r) r=$3+0; if ($4+0>t) t=$4+0; if ($5+0>o) o=$5+0 }
    END { m=int((n+1)/2); print w[m], c[m], r, t, o }'
}

RESULTS="$BENCH_DIR/pst-results-$(date -u +%Y%m%dT%H%M%SZ).md"
pst_bytes=$(stat -c %s "$PST"); mbox_bytes=$(stat -c %s "$MBOX")
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), host: $(nproc) cores; java: $(java -version 2>&1 | head -1)"
  echo "jar: $JAR ($(stat -c %s "$JAR") bytes, $(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')); N=$N copies, median of REPS=$REPS runs"
  echo "PST: $PST ($pst_bytes bytes, $msgs_pst messages listed); mbox made by $MBOX_FROM: $mbox_bytes bytes, $msgs_mbox messages listed"
  echo
  echo "| input | file MB | copies | messages | wall s | MB/s | msgs/s | CPU s | marginal s per copy | marginal MB/s | marginal msgs/s | peak RSS MiB | peak tree RSS MiB | others (cores) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} | tee "$RESULTS"

declare -A per_copy whole
for kind in PST mbox; do
  if [ "$kind" = PST ]; then file=$PST; bytes=$pst_bytes; msgs=$msgs_pst; else file=$MBOX; bytes=$mbox_bytes; msgs=$msgs_mbox; fi
  read -r w1 c1 r1 t1 o1 < <(run "$file" 1)
  read -r wn cn rn tn on < <(run "$file" "$N")
  whole[$kind]=$wn
  per_copy[$kind]=$(awk -v a="$w1" -v b="$wn" -v n="$N" 'BEGIN{ printf "%.4f", (n > 1 ? (b - a) / (n - 1) : b) }')
  for row in "1 $w1 $c1 $r1 $t1 $o1" "$N $wn $cn $rn $tn $on"; do
    read -r copies wall cpu rss tree others <<<"$row"
    awk -v kind="$kind" -v bytes="$bytes" -v copies="$copies" -v msgs="$msgs" -v wall="$wall" -v cpu="$cpu" \
        -v rss="$rss" -v tree="$tree" -v others="$others" -v pc="${per_copy[$kind]}" -v n="$N" 'BEGIN {
      marg = (copies == n && n > 1 && pc > 0)
      printf "| %s | %.3f | %d | %d | %.2f | %.2f | %.1f | %.2f | %s | %s | %s | %.0f | %.0f | %s |\n",
        kind, bytes / 1e6, copies, msgs * copies, wall, bytes * copies / 1e6 / wall, msgs * copies / wall, cpu,
        marg ? sprintf("%.3f", pc) : "", marg ? sprintf("%.2f", bytes / 1e6 / pc) : "",
        marg ? sprintf("%.1f", msgs / pc) : "", rss / 1024, tree / 1024, others }' | tee -a "$RESULTS"
  done
done
awk -v p="${per_copy[PST]}" -v m="${per_copy[mbox]}" -v wp="${whole[PST]}" -v wm="${whole[mbox]}" \
    -v mp="$msgs_pst" -v mm="$msgs_mbox" -v n="$N" 'BEGIN {
  printf "\nPST / mbox wall time per message, %d copies, start-up included: %.2fx\n", n, (wp / mp) / (wm / mm)
  if (p > 0 && m > 0)
    printf "PST / mbox wall time per message, start-up excluded (marginal): %.2fx (target: <= 2x)\n", (p / mp) / (m / mm)
  else
    print "marginal times too small to compare (raise N)" }' | tee -a "$RESULTS"
echo >&2
echo "saved to $RESULTS" >&2
