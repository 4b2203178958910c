#!/usr/bin/env python3
"""False-positive audit of mailleaks' rules on large text corpora that hold no real secrets.

    python3 src/test/scripts/fp-audit.py [--jar JAR] [--rules PATH]... [--max-mb N] [--out FILE.md] INPUT...

Each INPUT is a folder (walked recursively) or a .zip file. Every text file in it becomes one RFC 5322 message
(text/plain; charset=utf-8, 8bit) in ONE mboxrd file in a temporary folder; a file larger than --chunk-kb
(default 200 KB) is split at line ends into messages of about that size. `.gz` files are decompressed first.
Binaries (by extension: archives, images, compiled files; or a NUL byte in the first 8 KB, or bytes that are
neither UTF-8 nor mostly printable Latin-1) are skipped.
With --max-mb each INPUT contributes at most that many megabytes of text; its files are then taken in a
deterministic pseudo-random order (by the SHA-1 of their path) so that the sample spans the whole tree rather
than its first folders. Then it runs

    java -jar JAR scan --no-datastore --no-progress --show-secrets --format jsonl -o OUT.jsonl [--rules R]... MBOX

(without --rules: the rules bundled in the jar) and maps each finding back to its file by message ordinal
(the scanner's 1-based `message_index`; the Subject holds the ordinal as a check).

Printed: MB and files scanned per INPUT, the number of findings per rule (and per INPUT), and each finding with its
rule, severity, file name and line, and a masked excerpt. Secrets never appear whole: the matched secret is shown
as its first 4 and last 4 characters (first 2 when it is 12 characters or shorter), and other long token-like runs
with letters and digits in the excerpt are masked the same way. The scanner's own output (which holds the
plaintext, since the masking here needs the secret's ends) stays in the temporary folder (owner-only), which is
deleted at the end unless --keep is given.

Exit status: 0 when the audit ran (whatever it found), 3 when the scan reported an error (the partial findings are
still printed), 2 on a usage or setup error. Standard library only.
"""
import argparse
import collections
import datetime
import gzip
import hashlib
import os
import re
import shutil
import sys
import tempfile
import zipfile

import scanharness  # beside this script

DEFAULT_JAR = "/tmp/main-jar/mailleaks.jar"
SENDER = "fp-audit"
SUBJECT_PREFIX = "FP audit message"
TOKEN = re.compile(r"[A-Za-z0-9_\-+/]{16,}={0,2}")


# ---------------------------------------------------------------------------------------------------- inputs

class Chunk:
    """One message: a piece of one file of one input."""
    __slots__ = ("ordinal", "root", "name", "first_line", "text")

    def __init__(self, ordinal, root, name, first_line, text):
        self.ordinal, self.root, self.name, self.first_line, self.text = ordinal, root, name, first_line, text


def files_of(root):
    """(name, reader) for every file in a folder or zip; reader() returns the raw bytes."""
    if os.path.isfile(root) and zipfile.is_zipfile(root):
        zf = zipfile.ZipFile(root)
        for info in zf.infolist():
            if not info.is_dir():
                yield info.filename, info.file_size, (lambda i=info: zf.read(i))
        return
    if os.path.isfile(root):
        yield os.path.basename(root), os.path.getsize(root), (lambda p=root: read_file(p))
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for fn in sorted(filenames):
            path = os.path.join(dirpath, fn)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            yield os.path.relpath(path, root), os.path.getsize(path), (lambda p=path: read_file(p))


def read_file(path):
    with open(path, "rb") as f:
        return f.read()


# read without looking: archives, images and compiled files (a .gz is decompressed instead)
BINARY_EXTENSIONS = (".jar", ".war", ".zip", ".class", ".so", ".a", ".o", ".pyc", ".png", ".jpg", ".jpeg", ".gif",
                     ".ico", ".pdf", ".ai", ".eps", ".psd", ".xz", ".bz2", ".zst", ".deb", ".woff", ".woff2", ".ttf", ".otf",
                     ".mo", ".db")


def as_text(name, data):
    """The file's text, or None for a binary (or an unreadable .gz)."""
    if name.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return None
    if b"\0" in data[:8192]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("latin-1")
    sample = text[:8192]
    printable = sum(1 for c in sample if c.isprintable() or c in "\n\r\t\f")
    return text if sample and printable / len(sample) > 0.95 else None


def sample_order(name):
    return hashlib.sha1(name.encode("utf-8", "replace")).hexdigest()


def split_chunks(text, chunk_chars):
    """(first line number, text) pieces of about chunk_chars, cut at line ends."""
    if len(text) <= chunk_chars:
        return [(1, text)]
    pieces, start, line = [], 0, 1
    while start < len(text):
        end = min(len(text), start + chunk_chars)
        if end < len(text):
            nl = text.rfind("\n", start, end)
            end = nl + 1 if nl > start else end
        piece = text[start:end]
        pieces.append((line, piece))
        line += piece.count("\n")
        start = end
    return pieces


def collect(inputs, max_mb, chunk_kb):
    """Chunks of all inputs, and per input: files taken, files skipped as binary, megabytes of text."""
    chunks, stats = [], collections.OrderedDict()
    for root in inputs:
        entries = list(files_of(root))
        if max_mb:
            entries.sort(key=lambda e: sample_order(e[0]))
        taken = skipped = 0
        size = 0
        for name, _, reader in entries:
            if max_mb and size >= max_mb * 1_000_000:
                break
            if name.lower().endswith(BINARY_EXTENSIONS):
                skipped += 1
                continue
            try:
                text = as_text(name, reader())
            except OSError:
                text = None
            if text is None or not text.strip():
                skipped += 1
                continue
            taken += 1
            size += len(text.encode("utf-8", "replace"))
            for first_line, piece in split_chunks(text, chunk_kb * 1000):
                chunks.append(Chunk(len(chunks) + 1, root, name, first_line, piece))
        stats[root] = {"files": taken, "skipped": skipped, "mb": size / 1_000_000}
    return chunks, stats


# ---------------------------------------------------------------------------------------------------- scanner

def scan(args, mbox, out):
    """One scan of the corpus; --show-secrets because the excerpts show the secret's ends (masked here)."""
    cmd = scanharness.scan_command(args.java, args.jar, mbox, out, args.rules, args.threads, ["--show-secrets"])
    rc, _, stderr = scanharness.run(cmd)
    return rc, stderr


def read_findings(path, chunks):
    """The findings, each with the chunk (file piece) its message was made of."""
    by_message, problems = scanharness.read_findings(path, len(chunks), SUBJECT_PREFIX)
    findings = []
    for idx in sorted(by_message):
        for obj in by_message[idx]:
            obj["chunk"] = chunks[idx - 1]
            findings.append(obj)
    return findings, problems


# ---------------------------------------------------------------------------------------------------- masking

def mask_secret(s):
    if len(s) <= 12:
        return s[:2] + "…"
    return s[:4] + "…" + s[-4:]


def mask_token(m):
    """Masks a long token-like run with letters and digits (a secret no rule matched, say); words stay readable."""
    s = m.group(0)
    return mask_secret(s) if re.search(r"[A-Za-z]", s) and re.search(r"[0-9]", s) else s


def excerpt(finding, width=160):
    """The finding's context with its secret (and any other long token-like run) masked, on one line."""
    secret = " ".join((finding.get("secret") or "").split())
    context = " ".join((finding.get("context") or "").split())
    placeholder = "\u00a7\u00a7"  # no token character: the masking below leaves it alone
    for shown in (secret, finding.get("secret_redacted")):
        if shown:
            context = context.replace(shown, placeholder)
    context = TOKEN.sub(mask_token, context)
    context = context.replace(placeholder, "\u00ab" + mask_secret(secret) + "\u00bb")
    return context if len(context) <= width else context[: width - 1] + "\u2026"


# ---------------------------------------------------------------------------------------------------- report

class Report:
    def __init__(self):
        self.lines = []

    def heading(self, title):
        print(f"\n== {title} ==")
        self.lines += ["", f"## {title}", ""]

    def para(self, text):
        print(text)
        self.lines.append(text)

    def table(self, head, rows):
        widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)] if rows else [len(h) for h in head]
        print("  ".join(str(h).ljust(w) for h, w in zip(head, widths)))
        for row in rows:
            print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))
        self.lines.append("| " + " | ".join(head) + " |")
        self.lines.append("|" + "|".join("---" for _ in head) + "|")
        for row in rows:
            self.lines.append("| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |")
        self.lines.append("")


def label(root, roots):
    """A short name for an input: its last folder name, or its last two when another input ends the same way."""
    parts = root.rstrip("/").split("/")
    if sum(1 for r in roots if r.rstrip("/").split("/")[-1] == parts[-1]) > 1:
        return "/".join(parts[-2:])
    return parts[-1] or root


def build_report(rep, stats, findings, elapsed, rc, problems, args):
    total_mb = sum(s["mb"] for s in stats.values())
    rep.heading("Corpora")
    rep.table(["input", "files", "skipped (binary/empty)", "MB of text"],
              [[root, s["files"], s["skipped"], f"{s['mb']:.1f}"] for root, s in stats.items()]
              + [["total", sum(s["files"] for s in stats.values()), sum(s["skipped"] for s in stats.values()),
                  f"{total_mb:.1f}"]])
    rep.para(f"scan: exit {rc}, {elapsed:.0f} s, {total_mb / elapsed if elapsed else 0:.1f} MB/s; "
             f"{len(findings)} findings" + (f"; {len(problems)} mapping problems" if problems else ""))
    for p in problems[:10]:
        rep.para(f"  problem: {p}")

    per_rule = collections.Counter(f["rule_id"] for f in findings)
    severity = {f["rule_id"]: f.get("severity", "") for f in findings}
    roots = list(stats)
    per_rule_root = collections.Counter((f["rule_id"], f["chunk"].root) for f in findings)
    rep.heading("Findings per rule")
    rep.table(["rule", "severity", "findings"] + [label(r, roots) for r in roots],
              [[rule, severity[rule], n] + [per_rule_root[(rule, r)] for r in roots]
               for rule, n in per_rule.most_common()])

    rep.heading("Findings")
    by_rule = collections.defaultdict(list)
    for f in findings:
        by_rule[f["rule_id"]].append(f)
    for rule, _ in per_rule.most_common():
        rep.para(f"\n{rule} ({severity[rule]}, {per_rule[rule]})")
        for f in by_rule[rule][: args.per_rule]:
            c = f["chunk"]
            line = c.first_line + (f.get("line") or 1) - 1
            where = f"{label(c.root, roots)}:{c.name}:{line}"
            rep.para(f"- `{where}`  {excerpt(f)}")
        if per_rule[rule] > args.per_rule:
            rep.para(f"- … {per_rule[rule] - args.per_rule} more")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="folders or .zip files of text")
    ap.add_argument("--jar", default=DEFAULT_JAR)
    ap.add_argument("--java", default="java")
    ap.add_argument("--rules", action="append", default=[], help="rule file or folder (repeatable)")
    ap.add_argument("--max-mb", type=float, default=0, help="most MB of text taken from each INPUT (0: all)")
    ap.add_argument("--chunk-kb", type=int, default=200, help="split files larger than this into messages")
    ap.add_argument("--per-rule", type=int, default=25, help="findings listed per rule")
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--out", help="also write the report as Markdown to this file")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (holds plaintext secrets)")
    args = ap.parse_args()
    for p in args.inputs + args.rules:
        if not os.path.exists(p):
            ap.error(f"no such input: {p}")
    if not os.path.isfile(args.jar):
        ap.error(f"no jar at {args.jar}")

    chunks, stats = collect(args.inputs, args.max_mb, args.chunk_kb)
    if not chunks:
        ap.error("no text files in the inputs")
    tmp = tempfile.mkdtemp(prefix="fp-audit-")
    os.chmod(tmp, 0o700)
    try:
        mbox, out = os.path.join(tmp, "corpus.mbox"), os.path.join(tmp, "findings.jsonl")
        scanharness.write_mbox(mbox, (scanharness.text_message(c.ordinal, SUBJECT_PREFIX, SENDER, c.text)
                                      for c in chunks), SENDER)
        start = datetime.datetime.now()
        rc, stderr = scan(args, mbox, out)
        elapsed = (datetime.datetime.now() - start).total_seconds()
        if rc not in (0, 1):
            sys.stderr.write(stderr[-2000:])
        findings, problems = read_findings(out, chunks)
        rep = Report()
        build_report(rep, stats, findings, elapsed, rc, problems, args)
        if args.out:
            with open(args.out, "w", encoding="utf-8") as f:
                f.write("# mailleaks false-positive audit\n\n"
                        f"jar `{args.jar}`, rules {', '.join(f'`{r}`' for r in args.rules) or 'bundled'}\n")
                f.write("\n".join(rep.lines) + "\n")
    finally:
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 3 if rc not in (0, 1) else 0


if __name__ == "__main__":
    sys.exit(main())
