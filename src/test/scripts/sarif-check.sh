#!/usr/bin/env bash
# Validates mailleaks' SARIF report with Microsoft's SARIF Multitool, independently of the schema test.
#
#   bash src/test/scripts/sarif-check.sh
#
# 1. Installs @microsoft/sarif-multitool (pinned) with npm into $SARIF_TOOLS (default ~/.cache/mailleaks/sarif) if it
#    is not there yet; its Linux package ships the tool as a self-contained binary.
# 2. Builds the jar (mvn -o -q -DskipTests package; $MAILLEAKS_JAR instead, if set).
# 3. Scans testdata/ into a temporary datastore and writes `report --format sarif`, with the customers of
#    testdata/customers/ attributed.
# 4. Runs `sarif-multitool validate` (JSON schema plus the SARIF rules at every level) and fails on any error;
#    warnings and notes are counted and listed by rule.
set -euo pipefail
cd "$(dirname "$0")/../../.."

MULTITOOL_VERSION=5.7.0
TOOLS=${SARIF_TOOLS:-$HOME/.cache/mailleaks/sarif}
MULTITOOL=$TOOLS/node_modules/.bin/sarif-multitool
if [[ ! -x $MULTITOOL ]]; then
  echo "installing @microsoft/sarif-multitool@$MULTITOOL_VERSION into $TOOLS" >&2
  mkdir -p "$TOOLS"
  npm install --no-audit --no-fund --prefix "$TOOLS" "@microsoft/sarif-multitool@$MULTITOOL_VERSION" >&2
fi

source src/test/scripts/testdata-datastore.sh # from the repository root (cd above)
java -jar "$JAR" report --datastore "$DB" --format sarif -o "$WORK/report.sarif" \
  --customers testdata/customers/customers.csv --internal-domain company.example

"$MULTITOOL" validate "$WORK/report.sarif" --level Error Warning Note -o "$WORK/validation.sarif" >"$WORK/validate.out" 2>&1 \
  || { cat "$WORK/validate.out" >&2; echo "sarif-multitool validate failed" >&2; exit 1; }

python3 - "$WORK/report.sarif" "$WORK/validation.sarif" <<'PY'
import collections, json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
validation = json.load(open(sys.argv[2], encoding="utf-8"))
run = report["runs"][0]
print(f"report: {len(run['tool']['driver']['rules'])} rules, {len(run['results'])} results, "
      f"{len(run['invocations'])} invocation(s)")
by_level = collections.Counter()
by_rule = collections.Counter()
for v in validation["runs"]:
    for r in v.get("results", []):
        level = r.get("level", "warning")
        by_level[level] += 1
        by_rule[(level, r["ruleId"])] += 1
    for inv in v.get("invocations", []):
        for n in inv.get("toolExecutionNotifications", []) + inv.get("toolConfigurationNotifications", []):
            if n.get("level", "warning") == "error":
                by_level["error"] += 1
                print("tool error:", n["message"]["text"])
print(f"sarif-multitool validate: {by_level['error']} error(s), {by_level['warning']} warning(s), "
      f"{by_level['note']} note(s)")
for (level, rule), n in sorted(by_rule.items()):
    print(f"  {level:7} {rule} x{n}")
sys.exit(1 if by_level["error"] else 0)
PY
