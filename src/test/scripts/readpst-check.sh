#!/usr/bin/env bash
# Cross-checks mailleaks' PST/OST reader against an independent one, libpst's readpst (Debian pst-utils).
#
#   bash src/test/scripts/readpst-check.sh [--readpst-only] [PST|OST ...]
#
# Default inputs: every *.pst and *.ost under ../shared/corpus/mail/ and testdata/outlook/ (paths relative to the
# repository root). The jar is target/mailleaks.jar, or $MAILLEAKS_JAR (e.g. a copy: /tmp/outlook-jar/mailleaks.jar).
#
# For each file:
#   1. readpst -D -j 0 -r -w -o TMP FILE
#        -r  one directory per PST folder (the tree is kept; the top one stands for the top of the IPM subtree and
#            is named after the store, e.g. "Outlook Data File", "Personal Folders", "hong-thai.nguyen"); the
#            e-mail items of a folder go into a file "mbox" in it (mboxrd From-quoting, see readpst(1));
#            appointments, contacts and journal entries go into files "calendar" (iCalendar), "contacts" (vCard)
#            and "journal" beside it.
#        -D  include deleted items: without it readpst does not walk the folder named "Deleted Items" at all.
#            mailleaks reads every folder (a secret in deleted mail has leaked just the same), so -D is the
#            comparable setting. Neither tool recovers soft-deleted items from free blocks: only items still
#            linked into a folder are compared.
#        -j 0 no parallel jobs (2 shared cores); -w overwrite. -q is not used: readpst's per-folder lines
#            ("Processing Folder X", "X - N items done, M items skipped") say which folders it walked and how many
#            items it did not export (IPM.DistList, IPM.Configuration.*, ... : column "skipped").
#      Messages per folder and their subjects are read back with python3's mailbox module; subjects are decoded
#      with email.header (RFC 2047; raw 8-bit bytes as UTF-8, else windows-1252). Appointments' subjects are the
#      SUMMARY lines of "calendar"; contacts are only counted (readpst writes the file-as name, not the subject).
#   2. java -jar mailleaks.jar list FILE, which prints one line per message (item) read:
#        source<TAB>message_index<TAB>date<TAB>from<TAB>subject      with source = FILE!Folder/Sub folder
#   3. Per folder: the item counts and the multisets of subjects, with whitespace collapsed to single spaces.
#      readpst's top directory is mapped to mailleaks' names: messages directly in it and its sub-folders are each
#      matched with the top name kept, dropped, or replaced by one of mailleaks' top-level names, whichever agrees
#      best (the mapping used is printed).
#
# Verdict per folder:
#   ok       every e-mail and appointment subject readpst has, mailleaks has, and nothing more
#   ok+N     as ok, plus N items only mailleaks names, no more than the contacts and skipped items readpst counted
#            in that folder (mailleaks lists every item; readpst exports those without a subject or not at all)
#   DIFF     anything else: a subject readpst has and mailleaks lacks, or more extra items than that
#   note     a folder readpst never walked (not in its "Processing Folder" lines, e.g. "Freebusy Data" outside
#            the IPM subtree): shown, not compared
# With STRICT=1 only "ok" passes: mailleaks' count must equal readpst's e-mail count and the subjects must be the
# same (the plain comparison with readpst's mbox files), and "note" folders are differences too.
#
# Exit status: 0 = no difference, 1 = a difference in any file, 2 = nothing differed but something could not be
# compared (readpst failed, or the jar has no `list` command: then only the readpst half is shown).
# --readpst-only shows the readpst half and exits 0.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$ROOT" || exit 2
JAR=${MAILLEAKS_JAR:-target/mailleaks.jar}
READPST_ONLY=0
if [ "${1:-}" = "--readpst-only" ]; then READPST_ONLY=1; shift; fi

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  mapfile -t files < <(find ../shared/corpus/mail testdata/outlook -type f \( -iname '*.pst' -o -iname '*.ost' \) 2>/dev/null | LC_ALL=C sort)
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "no PST/OST files given or found" >&2
  exit 2
fi

if ! command -v readpst >/dev/null 2>&1; then
  echo "readpst not found; installing Debian's pst-utils ..." >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq pst-utils >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1; apt-get install -y -qq pst-utils >/dev/null 2>&1; }
  else
    sudo apt-get install -y -qq pst-utils >/dev/null 2>&1
  fi
  command -v readpst >/dev/null 2>&1 || { echo "could not install pst-utils (readpst)" >&2; exit 2; }
fi
command -v python3 >/dev/null 2>&1 || { echo "python3 is needed" >&2; exit 2; }

LIST_OK=0
if [ "$READPST_ONLY" = 0 ]; then
  if [ ! -f "$JAR" ]; then
    echo "note: $JAR not found; showing the readpst half only" >&2
  elif ! java -jar "$JAR" list --help >/dev/null 2>&1; then
    echo "note: $JAR has no working 'list' command yet; showing the readpst half only" >&2
  else
    LIST_OK=1
  fi
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/readpst-check.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
echo "readpst: $(readpst -V 2>&1 | head -1); jar: $([ "$LIST_OK" = 1 ] && echo "$JAR" || echo "(not used)"); STRICT=${STRICT:-0}"

status=0
n=0
for f in "${files[@]}"; do
  n=$((n + 1))
  d="$WORK/$n"
  mkdir -p "$d/out"
  readpst_rc=0
  readpst -D -j 0 -r -w -o "$d/out" "$f" >"$d/readpst.log" 2>&1 || readpst_rc=$?
  list_rc=-1
  if [ "$LIST_OK" = 1 ]; then
    list_rc=0
    java -jar "$JAR" list "$f" >"$d/list.tsv" 2>"$d/list.err" || list_rc=$?
  fi
  rc=0
  STRICT=${STRICT:-0} python3 - "$f" "$d/out" "$d/readpst.log" "$readpst_rc" "$d/list.tsv" "$list_rc" "$d/list.err" <<'PY' || rc=$?
import collections, email.header, mailbox, os, re, sys

pst, outdir, rplog, readpst_rc, listfile, list_rc, listerr = sys.argv[1:8]
readpst_rc, list_rc = int(readpst_rc), int(list_rc)
strict = os.environ.get("STRICT", "0") == "1"
C = collections.Counter


def norm(s):
    return " ".join((s or "").split())


def text(path):
    with open(path, "rb") as fh:
        return fh.read().decode("utf-8", "replace")


def fix8(s):
    """Undo the surrogate escapes the compat32 parser leaves for raw 8-bit header bytes."""
    if not any("\udc80" <= c <= "\udcff" for c in s):
        return s
    b = s.encode("utf-8", "surrogateescape")
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return b.decode("cp1252", "replace")


def subject(msg):
    raw = msg.get("Subject")
    if raw is None:
        return ""
    out = []
    for part, cs in email.header.decode_header(str(raw)):
        if isinstance(part, bytes):
            try:
                out.append(part.decode(cs if cs and cs != "unknown-8bit" else "utf-8"))
            except (LookupError, UnicodeDecodeError):
                out.append(part.decode("cp1252", "replace"))
        else:
            out.append(fix8(part))
    return norm("".join(out))


def ics_summaries(s):
    s = re.sub(r"\r?\n[ \t]", "", s)  # unfold
    out = []
    for line in s.splitlines():
        if line.startswith("SUMMARY"):
            v = line.split(":", 1)[1] if ":" in line else ""
            out.append(norm(re.sub(r"\\([\\,;nN])", lambda m: " " if m.group(1) in "nN" else m.group(1), v)))
    return out


# ---- readpst side, by path relative to the output dir ("" never occurs: the top dir is the IPM subtree top)
mails, appts, contacts = {}, {}, C()
for dirpath, dirnames, filenames in os.walk(outdir):
    dirnames.sort()
    rel = os.path.relpath(dirpath, outdir).replace(os.sep, "/")
    if rel == ".":
        continue
    if "mbox" in filenames:
        mails[rel] = [subject(m) for m in mailbox.mbox(os.path.join(dirpath, "mbox"), create=False)]
    if "calendar" in filenames:
        appts[rel] = ics_summaries(text(os.path.join(dirpath, "calendar")))
    for name, marker in (("contacts", "BEGIN:VCARD"), ("journal", "BEGIN:VJOURNAL")):
        if name in filenames:
            contacts[rel] += text(os.path.join(dirpath, name)).count(marker)
log = text(rplog)
walked = set(re.findall(r'Processing Folder "(.*)"', log))
skipped = C()
tops = set()
for m in re.finditer(r'"(.*)" - (\d+) items done, (\d+) items skipped\.', log):
    skipped[m.group(1)] += int(m.group(3))
rp_paths = set(mails) | set(appts) | set(contacts)
tops = {p.split("/", 1)[0] for p in rp_paths} or set(os.listdir(outdir))
walked |= tops

# ---- mailleaks side
ml = None
if list_rc >= 0:
    ml = collections.defaultdict(list)
    base = os.path.basename(pst) + "!"
    for line in text(listfile).splitlines():
        if not line.strip():
            continue
        cols = line.split("\t", 4)
        if len(cols) < 5:
            print("  unparsable list line: %r" % line[:200])
            continue
        src = cols[0]
        i = src.find(base)
        folder = src[i + len(base):] if i >= 0 else (src.split("!", 1)[1] if "!" in src else "")
        ml[folder.strip("/")].append(norm(cols[4]))

# ---- map readpst's top directory onto mailleaks' names
mapping_note = []
mapped = {p: p for p in rp_paths}
if ml is not None and rp_paths:
    ml_tops = {p.split("/", 1)[0] for p in ml if p}
    rp_sub = lambda p: p.split("/", 1)[1] if "/" in p else None
    def score(pairs):  # (readpst path, mapped name) -> names found in mailleaks, then equal counts
        hits = [(p, q) for p, q in pairs if q in ml]
        same = [1 for p, q in hits if len(ml[q]) == len(mails.get(p, [])) + len(appts.get(p, []))]
        return (len(hits), len(same))
    for top in sorted(tops):
        # messages directly in the top folder: keep its name, or one of mailleaks' top-level names, or ""
        direct = [p for p in rp_paths if p == top]
        if direct:
            cands = [top, ""] + sorted(ml_tops - {top})
            best = max(cands, key=lambda c: (score([(top, c)]), c == top))
            mapped[top] = best
            if best != top:
                mapping_note.append("items directly in readpst's %r -> mailleaks' %r" % (top, best or "(root)"))
        subs = [p for p in rp_paths if p.startswith(top + "/")]
        if subs:
            cands = [top, ""] + sorted(ml_tops - {top})
            def mp(c, p):
                s = rp_sub(p)
                return (c + "/" + s) if c else s
            best = max(cands, key=lambda c: (score([(p, mp(c, p)) for p in subs]), c == top))
            for p in subs:
                mapped[p] = mp(best, p)
            if best != top:
                mapping_note.append("readpst's %r/<sub> -> mailleaks' %s<sub>" % (top, (best + "/") if best else ""))

rpm, rpa, rpc = collections.defaultdict(list), collections.defaultdict(list), C()
for p, v in mails.items():
    rpm[mapped[p]].extend(v)
for p, v in appts.items():
    rpa[mapped[p]].extend(v)
for p, v in contacts.items():
    rpc[mapped[p]] += v

print()
print("== %s" % pst)
if readpst_rc:
    print("  readpst exited with %d:" % readpst_rc)
    for line in log.splitlines()[-5:]:
        print("    " + line)
if ml is not None and list_rc != 0:
    print("  mailleaks list exited with %d:" % list_rc)
    for line in text(listerr).splitlines()[-5:]:
        print("    " + line)
print("  readpst: %d e-mails, %d appointments, %d contacts/journal entries; not exported (skipped): %s" % (
    sum(map(len, rpm.values())), sum(map(len, rpa.values())), sum(rpc.values()),
    ", ".join("%s %d" % kv for kv in sorted(skipped.items()) if kv[1]) or "none"))
if ml is not None:
    print("  mailleaks: %d items in %d folders" % (sum(map(len, ml.values())), len(ml)))
for note in mapping_note:
    print("  folder names: " + note)

fmt = lambda c: "; ".join(("%r x%d" % (s, k)) if k > 1 else repr(s) for s, k in sorted(c.items()))
rows = [("folder", "readpst mail", "appt", "contact", "skipped", "mailleaks", "verdict",
         "only in readpst", "only in mailleaks")]
diff = False
unverified = False
for fo in sorted(set(rpm) | set(rpa) | set(rpc) | set(ml or {})):
    leaf = fo.rsplit("/", 1)[-1]
    in_rp = fo in rpm or fo in rpa or fo in rpc
    sk = skipped.get(leaf, 0) if in_rp or leaf in walked else 0
    E, A = C(rpm.get(fo, [])), C(rpa.get(fo, []))
    row = [fo or "(root)", str(sum(E.values())), str(sum(A.values())), str(rpc.get(fo, 0)), str(sk)]
    if ml is None:
        rows.append(tuple(row + ["n/a", "", "", ""]))
        continue
    M = C(ml.get(fo, []))
    if not in_rp and leaf not in walked:
        verdict, missing, extra = ("DIFF" if strict else "note: readpst did not walk it"), C(), M
        diff |= strict
    elif strict:
        missing, extra = E - M, M - E
        verdict = "ok" if not missing and not extra else "DIFF"
        diff |= verdict == "DIFF"
    else:
        missing, extra = (E + A) - M, M - (E + A)
        n_extra = sum(extra.values())
        if not missing and not n_extra:
            verdict = "ok"
        elif not missing and n_extra <= rpc.get(fo, 0) + sk:
            verdict = "ok+%d" % n_extra
        else:
            verdict = "DIFF"
            diff = True
    rows.append(tuple(row + [str(sum(M.values())), verdict, fmt(missing), fmt(extra)]))
if len(rows) == 1:
    rows.append(("(nothing in either)", "0", "0", "0", "0", "0" if ml is not None else "n/a", "", "", ""))
w = [max(len(r[i]) for r in rows) for i in range(7)]
for r in rows:
    tail = "  |  ".join(x if x else "-" for x in r[7:]) if any(r[7:]) or r is rows[0] else ""
    print("  " + "  ".join(r[i].ljust(w[i]) for i in range(7)) + ("  " + tail if tail else ""))

if diff:
    sys.exit(1)
if readpst_rc or ml is None or list_rc != 0:
    sys.exit(2)
sys.exit(0)
PY
  if [ "$rc" = 1 ]; then
    status=1
  elif [ "$rc" != 0 ] && [ "$status" = 0 ]; then
    status=2
  fi
done

echo
if [ "$READPST_ONLY" = 1 ]; then
  echo "readpst half only (--readpst-only)"
  exit 0
fi
case $status in
  0) echo "OK: mailleaks and readpst agree on ${#files[@]} file(s)" ;;
  1) echo "DIFFERENCES found (see DIFF rows above)" ;;
  *) echo "could not compare everything (see notes above); no difference in what was compared" ;;
esac
exit "$status"
