"""What the evaluation scripts share: texts wrapped as numbered messages in one mboxrd file, one `mailleaks scan`
over it, and its JSONL findings read back by message ordinal (the scanner's 1-based `message_index`; each
message's Subject ends with its ordinal, which is checked). Standard library only.
"""
import collections
import datetime
import json
import os
import re
import subprocess

BASE_DATE = datetime.datetime(2024, 1, 1, 9, 0, 0, tzinfo=datetime.timezone.utc)
MBOXRD_FROM = re.compile(rb"^>*From ")


def headers(n, subject_prefix, sender, content_type, extra=()):
    """Header block (ending in the blank line) of message `n`; `sender` names the script in the addresses."""
    date = BASE_DATE + datetime.timedelta(minutes=n)
    lines = [
        f"From: {sender} <{sender}@example.com>",
        f"To: {sender} <{sender}@example.org>",
        f"Subject: {subject_prefix} {n}",
        "Date: " + date.strftime("%a, %d %b %Y %H:%M:%S +0000"),
        f"Message-ID: <{sender}-{n}@mailleaks.invalid>",
        "MIME-Version: 1.0",
        f"Content-Type: {content_type}",
    ]
    lines.extend(extra)
    return "\n".join(lines) + "\n\n"


def text_message(n, subject_prefix, sender, body):
    """Message `n` with `body` as its text/plain (UTF-8, 8bit) body; CR and CRLF become LF."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    if not body.endswith("\n"):
        body += "\n"
    head = headers(n, subject_prefix, sender, "text/plain; charset=utf-8", ["Content-Transfer-Encoding: 8bit"])
    return (head + body).encode("utf-8", "replace")


def write_mbox(path, messages, sender):
    """Writes the messages (bytes, in ordinal order) as one mboxrd file: From_ lines quoted, a blank line after each."""
    from_line = f"From {sender}@example.com Mon Jan  1 00:00:00 2024\n".encode("ascii")
    with open(path, "wb") as f:
        for message in messages:
            f.write(from_line)
            for line in message.rstrip(b"\n").split(b"\n"):
                f.write((b">" + line if MBOXRD_FROM.match(line) else line) + b"\n")
            f.write(b"\n")


def scan_command(java, jar, mbox, out, rules=(), threads=None, extra=()):
    cmd = [java, "-jar", jar, "scan", "--no-progress", "--no-datastore", *extra, "--format", "jsonl", "-o", out]
    if threads:
        cmd += ["--threads", str(threads)]
    for r in rules:
        cmd += ["--rules", r]
    return cmd + [mbox]


def run(cmd):
    """Runs a command; returns (exit code, stdout, stderr) as text."""
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def read_findings(path, n_messages, subject_prefix):
    """Findings of a JSONL report grouped by message ordinal, and the lines that map to no message."""
    by_message = collections.defaultdict(list)
    problems = []
    if not os.path.exists(path):
        return by_message, ["no output file"]
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            idx = obj.get("message_index")
            if not isinstance(idx, int) or not 1 <= idx <= n_messages:
                problems.append(f"line {lineno}: message_index {idx!r} outside 1..{n_messages}")
                continue
            if obj.get("subject") not in (None, "", f"{subject_prefix} {idx}"):
                problems.append(f"line {lineno}: message_index {idx} has subject {obj.get('subject')!r}")
            by_message[idx].append(obj)
    return by_message, problems
