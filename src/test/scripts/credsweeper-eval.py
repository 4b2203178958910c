#!/usr/bin/env python3
"""End-to-end comparison with CredSweeper's expected findings over its own sample files, sent as attachments.

    python3 src/test/scripts/credsweeper-eval.py [--jar JAR] [--samples DIR] [--expected FILE] [--keep]

CredSweeper (Samsung) ships ~200 sample files (text in many syntaxes, .eml, .docx, .xlsx, .pdf, archives, JKS and
PKCS#12 keystores) and the findings it expects on them (`tests/data/output.json`: its regression output after its
ML filter, not hand labels). Where the peer-eval script tests the matcher on snippets, this one tests the whole
pipeline the way mail brings such files: each sample becomes one message whose body is a short sentence and whose
attachment is the sample file, base64-encoded under its own name, so routing, Tika extraction, archives and nested
mail all take part. One `mailleaks scan --show-secrets` runs over one mbox of all of them (the plaintext stays in
a temporary owner-only folder and is never printed; it is needed to compare values with CredSweeper's).

A CredSweeper finding (one line of one sample) counts as found when a mailleaks finding in the same sample has the
same value, or one value contains the other (both at least 4 characters), or, in a plain-text attachment, is on the
same line. Printed: agreement per CredSweeper rule, the samples with findings only CredSweeper has (rule, line and
a masked value) and those only mailleaks has (our rule, line, masked value), so that each difference can be
reviewed. Samples CredSweeper lists but the corpus does not hold (source code files left out of it) are skipped.

Exit status: 0 on a completed comparison, 2 on a usage or setup error, 3 when the scan itself failed.
Standard library only.
"""
import argparse
import base64
import collections
import json
import os
import shutil
import sys
import tempfile

import scanharness  # beside this script

DEFAULT_SAMPLES = "/work/shared/corpus/peer-rules/credsweeper/samples"
DEFAULT_EXPECTED = "/work/shared/corpus/peer-rules/credsweeper/expected/output.json"
DEFAULT_JAR = "target/mailleaks.jar"
SENDER = "credsweeper-eval"
SUBJECT_PREFIX = "CredSweeper sample"
BODY = "Please find the file attached, as discussed."
BOUNDARY = "credsweeper-eval-boundary"


def mask(value):
    """First 3 and last 2 characters: enough to tell values apart in a review, not enough to use them."""
    value = value.replace("\n", "\\n")
    return value if len(value) <= 6 else value[:3] + "…" + value[-2:]


def attachment_message(n, name, data):
    head = scanharness.headers(n, SUBJECT_PREFIX, SENDER, f'multipart/mixed; boundary="{BOUNDARY}"')
    encoded = base64.encodebytes(data).decode("ascii")
    body = (
        f"--{BOUNDARY}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{BODY}\n\n"
        f'--{BOUNDARY}\nContent-Type: application/octet-stream; name="{name}"\n'
        f'Content-Disposition: attachment; filename="{name}"\nContent-Transfer-Encoding: base64\n\n'
        f"{encoded}\n--{BOUNDARY}--\n"
    )
    return (head + body).encode("utf-8")


def load_expected(path, samples):
    """Each expected finding as (sample name, CredSweeper rule, [(line number, value)...]), for the samples we hold.
    A multi-line finding (a PEM key block) lists one entry per line; it counts once."""
    expected = []
    missing = set()
    with open(path, encoding="utf-8") as f:
        for finding in json.load(f):
            by_sample = collections.defaultdict(list)
            for line in finding["line_data_list"]:
                name = os.path.relpath(line["path"], "./tests/samples")
                if name not in samples:
                    missing.add(name)
                    continue
                by_sample[name].append((line["line_num"], line["value"] or ""))
            for name, lines in by_sample.items():
                expected.append((name, finding["rule"], lines))
    return expected, missing


def related(a, b):
    if not a or not b:
        return False
    if a == b:
        return True
    return min(len(a), len(b)) >= 4 and (a in b or b in a)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jar", default=DEFAULT_JAR)
    ap.add_argument("--samples", default=DEFAULT_SAMPLES)
    ap.add_argument("--expected", default=DEFAULT_EXPECTED)
    ap.add_argument("--java", default=shutil.which("java") or "java")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (mbox, findings)")
    args = ap.parse_args()
    for p in (args.jar, args.samples, args.expected):
        if not os.path.exists(p):
            print(f"credsweeper-eval: {p} not found", file=sys.stderr)
            return 2

    names = sorted(n for n in os.listdir(args.samples) if os.path.isfile(os.path.join(args.samples, n)))
    expected, missing = load_expected(args.expected, set(names))
    tmp = tempfile.mkdtemp(prefix="credsweeper-eval-")  # mode 0700
    try:
        mbox = os.path.join(tmp, "samples.mbox")
        out = os.path.join(tmp, "findings.jsonl")
        messages = []
        for n, name in enumerate(names, 1):
            with open(os.path.join(args.samples, name), "rb") as f:
                messages.append(attachment_message(n, name, f.read()))
        scanharness.write_mbox(mbox, messages, SENDER)
        cmd = scanharness.scan_command(args.java, args.jar, mbox, out, extra=["--show-secrets"])
        rc, _, err = scanharness.run(cmd)
        if rc not in (0, 1):
            print(f"credsweeper-eval: scan exited {rc}: {err.strip()[-500:]}", file=sys.stderr)
            if not os.path.exists(out):
                return 3
        by_message, problems = scanharness.read_findings(out, len(names), SUBJECT_PREFIX)
        for problem in problems:
            print(f"credsweeper-eval: {problem}", file=sys.stderr)
        ours = {names[i - 1]: found for i, found in by_message.items()}

        per_rule = collections.defaultdict(lambda: [0, 0])
        only_theirs = collections.defaultdict(list)
        matched = collections.defaultdict(set)  # sample -> indexes of our findings that agree with theirs
        for name, rule, lines in expected:
            per_rule[rule][0] += 1
            hit = None
            for k, f in enumerate(ours.get(name, [])):
                for line_num, value in lines:
                    same_line = f.get("part") == "2/" + name and f.get("line") == line_num
                    if related(f.get("secret", ""), value) or same_line:
                        hit = k
                        break
                if hit is not None:
                    break
            if hit is None:
                only_theirs[name].append((rule, lines[0][0], lines[0][1]))
            else:
                per_rule[rule][1] += 1
                matched[name].add(hit)
        only_ours = {name: [f for k, f in enumerate(found) if k not in matched[name]] for name, found in ours.items()}
        only_ours = {name: found for name, found in only_ours.items() if found}

        total = len(expected)
        agreed = sum(v[1] for v in per_rule.values())
        ours_total = sum(len(v) for v in ours.values())
        print("CredSweeper samples as attachments")
        print("==================================")
        print(f"samples {len(names)}; CredSweeper findings on them {total} (a multi-line key once) (skipped {len(missing)} samples the corpus "
              f"does not hold); mailleaks findings {ours_total} in {len(ours)} samples; scan exit {rc}")
        print(f"CredSweeper findings also found by mailleaks: {agreed}/{total} ({100.0 * agreed / max(total, 1):.1f}%)")
        print(f"mailleaks findings CredSweeper does not list: {sum(len(v) for v in only_ours.values())}\n")
        print(f"{'CredSweeper rule':40} {'theirs':>6} {'found':>6}")
        for rule, (n_theirs, n_found) in sorted(per_rule.items(), key=lambda kv: (-kv[1][0], kv[0])):
            print(f"{rule[:40]:40} {n_theirs:6d} {n_found:6d}")
        print("\nOnly CredSweeper (sample, rule, line, masked value)")
        for name in sorted(only_theirs):
            for rule, line_num, value in only_theirs[name]:
                print(f"  {name:40} {rule[:28]:28} line {line_num:<5} {mask(value)}")
        print("\nOnly mailleaks (sample, our rule, part, line, masked value)")
        for name in sorted(only_ours):
            for f in only_ours[name]:
                print(f"  {name:40} {f.get('rule_id', '')[:34]:34} part {f.get('part', '')} line {f.get('line')}"
                      f"  {mask(f.get('secret', ''))}")
        return 0
    finally:
        if args.keep:
            print(f"\nkept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
