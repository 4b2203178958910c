#!/usr/bin/env python3
"""Detection-quality evaluation of mailleaks against peer tools' rule examples.

    python3 src/test/scripts/peer-eval.py [--as-attachment] [--out FILE.md] [--jar JAR] [--rules PATH]...

Reads the peer examples (default /work/shared/corpus/peer-rules/examples.jsonl: one JSON object a line with
source, rule_id, rule_name, kind positive|negative, text), wraps each one into its own RFC 5322 message and
writes them all into ONE mboxrd file in a temporary folder, runs

    java -jar JAR scan --no-progress --no-datastore --format jsonl -o OUT.jsonl MBOX

and maps each finding back to its example by message ordinal (1-based, in file order; the scanner's
`message_index`). A message counts as detected when it has at least one finding, whichever of our rules made it.

  recall               = positives with >= 1 finding / positives
  false-positive share = negatives with >= 1 finding / negatives

Printed: a summary per source and overall, the largest peer rule families (by positives) with their recall, the
families with the most missed positives, missed positives grouped by provider (approximate: the peer rule id with
its tool prefix and trailing number removed), how each of our rules fired, and every negative that was flagged
(source, peer rule id, our rule id, redacted context).

Message layout (LF line ends throughout): From/To/Subject/Date/Message-ID/MIME-Version headers, Content-Type
text/plain; charset=utf-8, Content-Transfer-Encoding 8bit; body = a neutral sentence, a blank line, the example text
verbatim, a blank line and a closing line. The Subject holds only the ordinal. With --as-attachment the message is
multipart/mixed: the same sentence and closing line in a text/plain body and the example as a base64 text/plain
attachment `example.txt`. --compare runs both layouts and lists the examples where they disagree.

Examples whose text is empty or blank (gitleaks `pkcs12-file` matches file names, not content) are written but
not scored; they are counted as "not scored".

Nothing here prints plaintext secrets: the scanner runs without --show-secrets, so `context` is already redacted
around the matched secret; other long token-like runs in it (secrets no rule matched, say) are masked as well
(first 4 + '…' + last 2 characters) before printing or writing Markdown. The temporary folder (mbox and findings)
is deleted at the end unless --keep is given.

Exit status: 0 on a completed evaluation (whatever the recall), 3 when the scan reported an error (exit 3; the
partial results are still scored and printed), 2 on a usage or setup error. Standard library only.
"""
import argparse
import base64
import collections
import datetime
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile

import scanharness  # beside this script

DEFAULT_EXAMPLES = "/work/shared/corpus/peer-rules/examples.jsonl"
DEFAULT_JAR = "/tmp/eval-jar/mailleaks.jar"
# Kingfisher marks the rules it never reports on their own `visible: false`: hosts, account names and client ids
# captured only to validate a secret found by another rule. Their positives are not secrets.
DEFAULT_KINGFISHER_RULES = "/work/shared/corpus/peer-rules/kingfisher/rules"
SOURCE_ORDER = ["noseyparker", "gitleaks", "kingfisher", "detect-secrets"]

SENDER = "peer-eval"
OPENING = "Forwarding the snippet below as discussed in the meeting."
CLOSING = "Regards, the evaluation team"
OPENING_ATTACHMENT = "Forwarding the file attached below as discussed in the meeting."
SUBJECT_PREFIX = "Peer evaluation message"

# peer rule-id prefixes that differ only in naming between tools
PROVIDER_ALIASES = {"gcp": "google", "gcs": "google", "private": "private-key", "pem": "private-key",
                    "privatekey": "private-key", "github_token": "github", "pypi": "pypi", "aws_client": "aws"}


# ---------------------------------------------------------------------------------------------------- examples

def load_examples(path):
    examples = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise SystemExit(f"peer-eval: {path}:{lineno}: not JSON: {e}")
            missing = [k for k in ("source", "rule_id", "rule_name", "kind", "text") if k not in obj]
            if missing or obj["kind"] not in ("positive", "negative"):
                raise SystemExit(f"peer-eval: {path}:{lineno}: missing {missing} or bad kind {obj.get('kind')!r}")
            obj["ordinal"] = len(examples) + 1
            obj["scored"] = bool(obj["text"].strip())
            examples.append(obj)
    return examples


def normalise_newlines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------------------------------------------- messages

def body_message(n, text):
    text = normalise_newlines(text)
    if not text.endswith("\n"):
        text += "\n"
    return scanharness.text_message(n, SUBJECT_PREFIX, SENDER, f"{OPENING}\n\n{text}\n{CLOSING}\n")


def attachment_message(n, text):
    boundary = f"=_peer-eval-{n}_boundary"
    data = base64.encodebytes(normalise_newlines(text).encode("utf-8")).decode("ascii")  # 76-char lines, LF
    parts = [
        "This is a multi-part message in MIME format.\n",
        f"--{boundary}\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n\n"
        f"{OPENING_ATTACHMENT}\n\n{CLOSING}\n",
        f"--{boundary}\n"
        'Content-Type: text/plain; charset=utf-8; name="example.txt"\n'
        'Content-Disposition: attachment; filename="example.txt"\n'
        "Content-Transfer-Encoding: base64\n\n"
        f"{data}",
        f"--{boundary}--\n",
    ]
    head = scanharness.headers(n, SUBJECT_PREFIX, SENDER, f'multipart/mixed; boundary="{boundary}"')
    return (head + "\n".join(parts)).encode("utf-8")


def write_mbox(path, examples, as_attachment):
    make = attachment_message if as_attachment else body_message
    scanharness.write_mbox(path, (make(ex["ordinal"], ex["text"]) for ex in examples), SENDER)


# ---------------------------------------------------------------------------------------------------- scanner

def run_scan(args, mbox, out):
    cmd = scanharness.scan_command(args.java, args.jar, mbox, out, args.rules, args.threads)
    return (cmd, *scanharness.run(cmd))


def run_list(args, mbox):
    """Ordinal -> subject as the scanner reads the mbox (checks that messages are neither split nor merged)."""
    rc, out, err = scanharness.run([args.java, "-jar", args.jar, "list", mbox])
    if rc not in (0, 1):
        raise SystemExit(f"peer-eval: `list` exited {rc}: {err[-2000:]}")
    subjects = {}
    for line in out.splitlines():
        cols = line.split("\t")
        if len(cols) >= 5 and cols[1].isdigit():
            subjects[int(cols[1])] = cols[4]
    return subjects


# ---------------------------------------------------------------------------------------------------- scoring

TOKEN = re.compile(r"[A-Za-z0-9_\-+/]{20,}={0,2}")


def mask(text):
    """Masks long token-like runs that contain letters and digits (secrets our rules did not redact)."""
    def repl(m):
        s = m.group(0)
        if re.search(r"[A-Za-z]", s) and re.search(r"[0-9]", s):
            return s[:4] + "…" + s[-2:]
        return s
    return TOKEN.sub(repl, text)


def clip(text, width=120):
    text = " ".join(mask(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def provider_of(source, rule_id):
    rid = rule_id
    for prefix in ("np.", "kingfisher."):
        if rid.startswith(prefix):
            rid = rid[len(prefix):]
    rid = re.sub(r"\.\d+$", "", rid)
    if rid in PROVIDER_ALIASES:
        return PROVIDER_ALIASES[rid]
    head = re.split(r"[-_.]", rid)[0] if source in ("gitleaks", "detect-secrets") else rid
    return PROVIDER_ALIASES.get(head, head)


def pct(num, den):
    return "–" if den == 0 else f"{100.0 * num / den:.1f}%"


# A positive whose text looks like a documentation placeholder: our rules skip such values on purpose (mail quotes
# documentation), so a miss here is not necessarily a gap. Informative only; recall counts every positive.
PLACEHOLDER = re.compile(r"(?i)example|x{6}|a{8}|0{8}|1234567890|abcdef0123|0123456789abcdef|your[_-]?(?:api|key|token|secret|pass)"
                         r"|<[a-z_ -]{3,40}>|\bmy_?password\b|:(?:secret|password|pass)@|=(?:secret|password);|hello_?world")


# Why a positive is missed, by a rough reading of the peer rule and the text (heuristic, for triage; a miss in
# "other" is worth a look). Order matters: the first that applies wins.
NOT_A_SECRET_RULES = re.compile(r"np\.arn\.|np\.s3\.|np\.gcs\.|ip_public|np\.google\.1$|np\.shopify\.|reactapp|np\.aws\.3$"
                                r"|linkedin\.1$|squareup\.1$|jenkins\.1$|gcp-service-account|kingfisher\.gcp\.1$|age\.1$")
PLACEHOLDER_TEXT = re.compile(r"(?i)(.)\1{7}|:(?:secret|password)@|thisismy|mypass|yourpass|sesame|aladdin|\$\{|\$[a-z]"
                              r"|%[a-z]+%|#\{")
INVALID_RULES = re.compile(r"github\.[23]$|npm\.1$|^discord$|aws\.1$|private|privkey|pem\.|documo|ibm\.|frame\.?io"
                           r"|microsoftteams|azure\.[14]$|jwt")
MISS_REASONS = ["context-only (Kingfisher visible: false)", "not a secret (ARN, bucket, IP, client id, domain, user name)",
                "placeholder or documentation value", "invalid (checksum, structure, truncated)", "other"]


def miss_reason(ex):
    if ex["context_only"]:
        return MISS_REASONS[0]
    if NOT_A_SECRET_RULES.search(ex["rule_id"]):
        return MISS_REASONS[1]
    if ex["placeholder"] or PLACEHOLDER_TEXT.search(ex["text"]):
        return MISS_REASONS[2]
    if INVALID_RULES.search(ex["rule_id"]):
        return MISS_REASONS[3]
    return MISS_REASONS[4]


def placeholder_like(text):
    return bool(PLACEHOLDER.search(text))


class Score:
    """pos/found: positives and those with a finding; neg/flagged likewise for negatives. `cross`: negatives whose
    exact text is a positive example of another peer rule (peer negatives are per rule: a Slack user token is a
    negative of the Slack *bot* token rule), `cross_flagged` those of them flagged. `missed_placeholder`: missed
    positives that look like placeholders."""

    def __init__(self):
        self.pos = self.found = self.neg = self.flagged = self.unscored = 0
        self.cross = self.cross_flagged = self.missed_placeholder = 0
        self.context = self.context_found = 0  # positives of peer rules the peer itself never reports

    def add(self, ex, hit):
        if not ex["scored"]:
            self.unscored += 1
        elif ex["kind"] == "positive":
            self.pos += 1
            self.found += hit
            self.missed_placeholder += (not hit) and ex["placeholder"]
            self.context += ex["context_only"]
            self.context_found += hit and ex["context_only"]
        else:
            self.neg += 1
            self.flagged += hit
            self.cross += ex["cross"]
            self.cross_flagged += hit and ex["cross"]


def context_only_rules(folder):
    """Ids of Kingfisher rules with `visible: false` (dependency captures, never reported by Kingfisher)."""
    ids = set()
    if not folder or not os.path.isdir(folder):
        return ids
    import yaml  # only needed here; PyYAML is on the evaluation machine
    for name in sorted(os.listdir(folder)):
        if name.endswith((".yml", ".yaml")):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for rule in (yaml.safe_load(f) or {}).get("rules", []) or []:
                    if isinstance(rule, dict) and rule.get("visible") is False and "id" in rule:
                        ids.add(rule["id"])
    return ids


def mark_examples(examples, context_rules=frozenset()):
    positive_texts = {ex["text"] for ex in examples if ex["kind"] == "positive" and ex["scored"]}
    for ex in examples:
        ex["cross"] = ex["kind"] == "negative" and ex["text"] in positive_texts
        ex["placeholder"] = ex["kind"] == "positive" and placeholder_like(ex["text"])
        ex["context_only"] = ex["kind"] == "positive" and ex["rule_id"] in context_rules


def evaluate(examples, findings):
    per_source = collections.OrderedDict((s, Score()) for s in SOURCE_ORDER)
    total = Score()
    families = {}
    providers = {}
    our_rules = collections.defaultdict(lambda: [0, 0])  # our rule -> [positive messages, negative messages]
    for ex in examples:
        fs = findings.get(ex["ordinal"], [])
        hit = bool(fs)
        ex["our_rules"] = sorted({f["rule_id"] for f in fs})
        per_source.setdefault(ex["source"], Score()).add(ex, hit)
        total.add(ex, hit)
        key = (ex["source"], ex["rule_id"])
        fam = families.setdefault(key, {"name": ex["rule_name"], "score": Score(), "ours": collections.Counter()})
        fam["score"].add(ex, hit)
        prov = providers.setdefault(provider_of(*key), {"score": Score(), "families": set()})
        prov["score"].add(ex, hit)
        prov["families"].add(key)
        if ex["scored"] and hit:
            if ex["kind"] == "positive":
                fam["ours"].update(ex["our_rules"])
            for r in ex["our_rules"]:
                our_rules[r][0 if ex["kind"] == "positive" else 1] += 1
    return per_source, total, families, providers, our_rules


# ---------------------------------------------------------------------------------------------------- output

class Report:
    def __init__(self):
        self.text = []
        self.md = []

    def heading(self, title):
        self.text += ["", title, "=" * len(title)]
        self.md += ["", f"#### {title}", ""]

    def para(self, line):
        self.text.append(line)
        self.md.append(line + "  ")

    def table(self, head, rows, align):
        widths = [max(len(str(c)) for c in col) for col in zip(head, *rows)] if rows else [len(h) for h in head]
        def fmt(row):
            cells = [str(c).rjust(w) if a == "r" else str(c).ljust(w) for c, w, a in zip(row, widths, align)]
            return "  ".join(cells).rstrip()
        self.text.append(fmt(head))
        self.text.append("  ".join("-" * w for w in widths))
        self.text.extend(fmt(r) for r in rows)
        esc = lambda c: str(c).replace("|", "\\|")
        self.md.append("")
        self.md.append("| " + " | ".join(esc(h) for h in head) + " |")
        self.md.append("|" + "|".join("---:" if a == "r" else "---" for a in align) + "|")
        self.md.extend("| " + " | ".join(esc(c) for c in r) + " |" for r in rows)
        self.md.append("")


def score_row(label, s):
    return [label, s.pos, s.found, pct(s.found, s.pos), pct(s.found - s.context_found, s.pos - s.context), s.neg,
            s.flagged, pct(s.flagged, s.neg), pct(s.flagged - s.cross_flagged, s.neg - s.cross),
            s.pos - s.found - s.missed_placeholder]


def build_report(rep, meta, examples, per_source, total, families, providers, our_rules, findings, args, layout):
    rep.heading(f"Peer examples, {layout}")
    for line in meta:
        rep.para(line)
    rep.table(["source", "positives", "found", "recall", "recall excl. context-only", "negatives", "flagged",
               "FP share", "FP share excl. x-labelled", "missed, not placeholder-like"],
              [score_row(s, sc) for s, sc in per_source.items()] + [score_row("all", total)],
              "lrrrrrrrrr")
    rep.para(f"Goal (issue 3): recall >= 95%, FP share <= 2%. Now: recall {pct(total.found, total.pos)}, "
             f"FP share {pct(total.flagged, total.neg)}. Not scored (blank text): {total.unscored}.")
    macro = []
    for src in list(per_source) + [None]:
        recalls = [f["score"].found / f["score"].pos for (fs, _), f in families.items()
                   if f["score"].pos and (src is None or fs == src)]
        if recalls:
            macro.append(f"{src or 'all'} {100.0 * sum(recalls) / len(recalls):.1f}% ({len(recalls)})")
    rep.para("Mean recall per peer rule family (families): " + ", ".join(macro) + ".")
    rep.para("x-labelled (cross-labelled): a negative whose exact text is a positive of another peer rule (peer "
             f"negatives are per rule); {total.cross} such negatives, {total.cross_flagged} of them flagged. "
             "Placeholder-like: a positive with EXAMPLE, xxxxxx, aaaaaaaa, 00000000, 1234567890, your_key, <...>, "
             f"user:password@, hello_world and the like ({total.missed_placeholder} of {total.pos - total.found} "
             "misses); informative only, recall counts every positive. Context-only: a positive of a Kingfisher "
             f"rule marked `visible: false`, which Kingfisher itself never reports (a host, account name or client "
             f"id kept to validate another rule's secret): {total.context} positives, {total.context_found} found.")

    def fam_rows(items):
        rows = []
        for (src, rid), fam in items:
            s = fam["score"]
            ours = ", ".join(r for r, _ in fam["ours"].most_common(3)) or "–"
            rows.append([src, rid, (fam["name"] or "")[:48], s.pos, s.found, pct(s.found, s.pos), ours])
        return rows

    scored_fams = [(k, f) for k, f in families.items() if f["score"].pos]
    rep.heading(f"The {args.top} largest peer rule families (by positives)")
    largest = sorted(scored_fams, key=lambda kv: (-kv[1]["score"].pos, kv[0]))[: args.top]
    rep.table(["source", "peer rule", "name", "pos", "found", "recall", "our rules"], fam_rows(largest), "lllrrrl")

    rep.heading(f"The {args.worst} families with the most missed positives")
    worst = sorted([kv for kv in scored_fams if kv[1]["score"].found < kv[1]["score"].pos], key=lambda kv: (-(kv[1]["score"].pos - kv[1]["score"].found), kv[0]))[: args.worst]
    rep.table(["source", "peer rule", "name", "pos", "found", "recall", "our rules"], fam_rows(worst), "lllrrrl")
    n_zero = sum(1 for _, f in scored_fams if f["score"].found == 0)
    rep.para(f"Families with positives: {len(scored_fams)}; with none found: {n_zero}; "
             f"with all found: {sum(1 for _, f in scored_fams if f['score'].found == f['score'].pos)}.")

    missed = [ex for ex in examples if ex["scored"] and ex["kind"] == "positive" and not ex["our_rules"]]
    reasons = collections.Counter(miss_reason(ex) for ex in missed)
    rep.heading("Missed positives by reason (heuristic: peer rule id and text patterns)")
    rep.table(["reason", "missed", "peer rules (most missed first)"],
              [[r, reasons[r], ", ".join(f"{k} {n}" for k, n in collections.Counter(
                  ex["rule_id"] for ex in missed if miss_reason(ex) == r).most_common(8))] for r in MISS_REASONS],
              "lrl")
    well_formed = total.pos - sum(reasons[r] for r in MISS_REASONS[:4])
    rep.para(f"Recall on the positives not in the first four groups: {pct(total.found, well_formed)} "
             f"({total.found} of {well_formed}).")

    rep.heading(f"Missed positives by provider (approximate grouping, top {args.providers})")
    prov_rows = []
    for name, p in sorted(providers.items(), key=lambda kv: (-(kv[1]["score"].pos - kv[1]["score"].found), kv[0])):
        s = p["score"]
        if s.pos - s.found <= 0:
            continue
        srcs = sorted({src for src, _ in p["families"]})
        prov_rows.append([name, s.pos - s.found, s.pos, pct(s.found, s.pos),
                          pct(s.pos - s.found, total.pos), len(p["families"]), ",".join(srcs)])
    rep.table(["provider", "missed", "pos", "recall", "recall gain if all found", "families", "sources"],
              prov_rows[: args.providers], "lrrrrrl")

    rep.heading("Our rules on the peer examples (messages with a finding of the rule)")
    rep.table(["our rule", "positives", "negatives"],
              [[r, c[0], c[1]] for r, c in sorted(our_rules.items(), key=lambda kv: (-kv[1][0], kv[0]))], "lrr")

    rep.heading("Negatives flagged")
    rows = []
    for ex in examples:
        if ex["scored"] and ex["kind"] == "negative" and findings.get(ex["ordinal"]):
            for f in findings[ex["ordinal"]]:
                rows.append([ex["ordinal"], ex["source"], ex["rule_id"], "yes" if ex["cross"] else "", f["rule_id"],
                             clip(f.get("context", ""))])
    if rows:
        rep.table(["#", "source", "peer rule", "positive elsewhere", "our rule", "redacted context"], rows, "rlllll")
    else:
        rep.para("None.")


def compare_report(rep, examples, by_layout):
    rep.heading("Body vs attachment: examples where the layouts disagree")
    rows = []
    body, att = by_layout["body"], by_layout["attachment"]
    for ex in examples:
        b = sorted({f["rule_id"] for f in body.get(ex["ordinal"], [])})
        a = sorted({f["rule_id"] for f in att.get(ex["ordinal"], [])})
        if a != b:
            rows.append([ex["ordinal"], ex["source"], ex["rule_id"], ex["kind"], ",".join(b) or "–", ",".join(a) or "–"])
    if rows:
        rep.table(["#", "source", "peer rule", "kind", "body: our rules", "attachment: our rules"], rows, "rlllll")
    else:
        rep.para("None: both layouts give the same rules for every example.")


def write_errors(path, examples):
    # owner-only, like every file that may hold secrets: peer examples are meant to be fake, but unverified
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
        for ex in examples:
            hit = bool(ex["our_rules"])
            if ex["scored"] and hit != (ex["kind"] == "positive"):
                f.write(json.dumps({k: ex[k] for k in ("source", "rule_id", "rule_name", "kind", "placeholder",
                                                       "cross", "context_only", "our_rules", "text")}) + "\n")


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", default=DEFAULT_EXAMPLES, help=f"examples JSONL (default {DEFAULT_EXAMPLES})")
    ap.add_argument("--jar", default=DEFAULT_JAR, help=f"mailleaks jar (default {DEFAULT_JAR})")
    ap.add_argument("--java", default="java", help="java executable (default: java on PATH)")
    ap.add_argument("--rules", action="append", default=[], metavar="PATH",
                    help="passed to `scan --rules` (repeatable; 'default' keeps the bundled rules); "
                         "default: the bundled rules")
    ap.add_argument("--threads", type=int, help="passed to `scan --threads`")
    layout = ap.add_mutually_exclusive_group()
    layout.add_argument("--as-attachment", action="store_true",
                        help="put each example in a base64 text/plain attachment example.txt instead of the body")
    layout.add_argument("--compare", action="store_true",
                        help="run both layouts, report each, and list the examples where they disagree")
    ap.add_argument("--out", metavar="FILE", help="also write the tables as Markdown to FILE")
    ap.add_argument("--top", type=int, default=30, help="largest families to list (default 30)")
    ap.add_argument("--worst", type=int, default=15, help="families with most missed positives to list (default 15)")
    ap.add_argument("--providers", type=int, default=30, help="providers to list (default 30)")
    ap.add_argument("--no-verify", action="store_true", help="skip the `mailleaks list` check of message ordinals")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (mbox and findings)")
    ap.add_argument("--kingfisher-rules", default=DEFAULT_KINGFISHER_RULES, metavar="DIR",
                    help="Kingfisher rule folder, to tell its context-only (visible: false) rules "
                         f"(default {DEFAULT_KINGFISHER_RULES})")
    ap.add_argument("--errors", metavar="FILE",
                    help="write the missed positives and flagged negatives as JSONL to FILE (peer example texts, "
                         "with our rules that fired), for working through them")
    args = ap.parse_args()

    if not os.path.isfile(args.jar):
        ap.error(f"no jar at {args.jar} (copy target/mailleaks.jar there first)")
    examples = load_examples(args.examples)
    if not examples:
        ap.error("no examples")
    mark_examples(examples, context_only_rules(args.kingfisher_rules))
    layouts = ["body", "attachment"] if args.compare else ["attachment" if args.as_attachment else "body"]

    tmp = tempfile.mkdtemp(prefix="peer-eval-")
    os.chmod(tmp, 0o700)
    rep = Report()
    status = 0
    by_layout = {}
    try:
        for lay in layouts:
            mbox = os.path.join(tmp, f"peer-{lay}.mbox")
            out = os.path.join(tmp, f"findings-{lay}.jsonl")
            write_mbox(mbox, examples, lay == "attachment")
            if not args.no_verify:
                subjects = run_list(args, mbox)
                bad = [n for n in range(1, len(examples) + 1) if subjects.get(n) != f"{SUBJECT_PREFIX} {n}"]
                if len(subjects) != len(examples) or bad:
                    print(f"peer-eval: the scanner reads {len(subjects)} messages from {mbox}, expected "
                          f"{len(examples)}; first mismatched ordinals: {bad[:10]}", file=sys.stderr)
                    status = 3
            cmd, rc, _, err = run_scan(args, mbox, out)
            shown = " ".join(c if c not in (mbox, out) else ("MBOX" if c == mbox else "OUT.jsonl") for c in cmd)
            if rc not in (0, 1):
                print(f"peer-eval: scan exited {rc} ({'error' if rc == 3 else 'usage/rules error'}):\n{err[-4000:]}",
                      file=sys.stderr)
                status = 3
                if rc != 3:
                    return 2
            elif err.strip():
                print(f"peer-eval: scan stderr:\n{err[-2000:]}", file=sys.stderr)
            findings, problems = scanharness.read_findings(out, len(examples), SUBJECT_PREFIX)
            if problems:
                print("peer-eval: findings that do not map to an example:\n  " + "\n  ".join(problems[:20]),
                      file=sys.stderr)
                status = 3
            by_layout[lay] = findings
            per_source, total, families, providers, our_rules = evaluate(examples, findings)
            meta = [
                f"Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M UTC}; "
                f"examples: {args.examples} ({len(examples)} lines, sha256 {sha256_file(args.examples)[:12]}); "
                f"jar sha256 {sha256_file(args.jar)[:12]}; rules: {', '.join(args.rules) or 'bundled defaults'}.",
                f"Scan: `{shown}` -> exit {rc}; {sum(len(v) for v in findings.values())} findings in "
                f"{len(findings)} messages.",
            ]
            if args.errors:
                write_errors(args.errors, examples)
            build_report(rep, meta, examples, per_source, total, families, providers, our_rules, findings, args,
                         "example in the body" if lay == "body" else "example as attachment example.txt (base64)")
        if args.compare:
            compare_report(rep, examples, by_layout)
    finally:
        if args.keep:
            print(f"peer-eval: kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print("\n".join(rep.text).lstrip("\n"))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write("\n".join(rep.md).lstrip("\n") + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
