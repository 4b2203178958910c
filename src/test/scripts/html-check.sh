#!/usr/bin/env bash
# Renders mailleaks' HTML report in headless Chromium: the page must load nothing from outside, run its script
# without a console error (a blocked inline script or style, a CSP violation or an exception is one), and draw its
# table and charts. Leaves a screenshot in target/html-report.png to look at.
#
#   bash src/test/scripts/html-check.sh
#
# Needs Debian's chromium (installed with apt-get when missing and running as root). Builds the jar unless
# $MAILLEAKS_JAR is set; scans testdata/ into a temporary datastore with testdata/customers/ attributed.
set -euo pipefail
cd "$(dirname "$0")/../../.."

if ! command -v chromium >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -q >&2 && apt-get install -y -q chromium >&2
  else
    echo "chromium is not installed (apt-get install chromium)" >&2; exit 2
  fi
fi

source src/test/scripts/testdata-datastore.sh # from the repository root (cd above)
HTML=$WORK/report.html
java -jar "$JAR" report --datastore "$DB" --format html -o "$HTML" \
  --customers testdata/customers/customers.csv --internal-domain company.example
echo "report.html: $(wc -c <"$HTML") bytes"

fail=0
# Nothing external: no src/href to another origin, no @import or url() in the style.
if grep -Eio '(src|href)[[:space:]]*=[[:space:]]*["'"'"']?(https?:)?//' "$HTML"; then
  echo "FAIL: the page references an external resource" >&2; fail=1
fi
if grep -Eio '@import|url\(' "$HTML"; then
  echo "FAIL: the style loads something" >&2; fail=1
fi

CHROME=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
  --user-data-dir="$WORK/profile" --enable-logging=stderr --v=0 --virtual-time-budget=5000)
# The DOM after the script ran: the table must have its rows and the charts their SVG.
"${CHROME[@]}" --dump-dom "file://$HTML" >"$WORK/dom.html" 2>"$WORK/dom.log"
mkdir -p target
"${CHROME[@]}" --window-size=1400,1800 --screenshot=target/html-report.png "file://$HTML" >/dev/null 2>"$WORK/shot.log"

# Console messages are logged as CONSOLE lines; errors also as "Uncaught" or "Refused to" (CSP).
if grep -hE 'CONSOLE|Uncaught|Refused to|Content Security Policy' "$WORK/dom.log" "$WORK/shot.log" \
    | grep -viE 'dbus|vaapi' ; then
  echo "FAIL: console errors (above)" >&2; fail=1
fi
rows=$(grep -o '<tr class="secret"' "$WORK/dom.html" | wc -l)
svgs=$(grep -o '<svg' "$WORK/dom.html" | wc -l)
secrets=$(python3 -c 'import json,sys,re; t=open(sys.argv[1],encoding="utf-8").read(); m=re.search(r"<script type=\"application/json\" id=\"report-data\">(.*?)</script>", t, re.S); print(len(json.loads(m.group(1))["secrets"]))' "$HTML")
echo "rendered: $rows table rows for $secrets secrets, $svgs charts"
if [[ $rows -ne $secrets || $rows -eq 0 ]]; then
  echo "FAIL: the table has $rows rows, the data $secrets secrets" >&2; fail=1
fi
if [[ $svgs -lt 3 ]]; then
  echo "FAIL: $svgs of 3 charts drawn" >&2; fail=1
fi
echo "screenshot: target/html-report.png"
if [[ $fail -ne 0 ]]; then exit 1; fi
echo "html-check: OK"
