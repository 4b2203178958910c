# Sourced by the report check scripts: builds the jar (unless MAILLEAKS_JAR is set) and scans testdata/ into a
# fresh datastore. Sets JAR, WORK (a temporary folder removed on exit) and DB (the datastore in it).
JAR=${MAILLEAKS_JAR:-target/mailleaks.jar}
if [[ -z ${MAILLEAKS_JAR:-} ]]; then
  mvn -q -o -B -DskipTests package >&2
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB=$WORK/findings.db
set +e
java -jar "$JAR" scan --no-progress --datastore "$DB" -f jsonl -o "$WORK/scan.jsonl" testdata/ 2>"$WORK/scan.err"
code=$?
set -e
if [[ $code -gt 1 && $code -ne 3 ]]; then # 1: secrets found; 3: testdata holds deliberately unreadable inputs
  echo "scan failed with exit code $code:" >&2; cat "$WORK/scan.err" >&2; exit 1
fi
