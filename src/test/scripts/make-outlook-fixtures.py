#!/usr/bin/env python3
"""Writes the generated part of testdata/outlook/: an MH folder and an Apple Mail (EMLX) bundle, each message
holding one planted FAKE secret, and testdata/outlook/planted.tsv listing them.

    python3 src/test/scripts/make-outlook-fixtures.py [TESTDATA_DIR]     # default: testdata

Deterministic: a fixed seed, fixed dates, LF line ends, bytes written as they are, so running it twice gives
identical files. It rewrites only the files it owns (mh/inbox/{1,2,3,.mh_sequences},
Archive.mbox/Messages/{101,102}.emlx, planted.tsv); the copied third-party fixtures, SOURCES.md and errors.tsv
beside them are left alone.

planted.tsv has the columns of testdata/expected/planted.tsv (source, message_index, part, rule_id, fingerprint,
note), so that TestdataScanTest reads both manifests alike: source is relative to testdata/, each file is one
message (message_index 1), and every secret is in the single-part body (part 1).

Every secret is made up: random strings in the shape of real credentials (AWS access key id, GitHub classic
token, postgres:// URI password), hosts under acme.internal, addresses under example.com. None was ever valid.
"""
import hashlib
import os
import random
import re
import sys
import zlib

SEED = 20261123
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LOWER = "abcdefghijklmnopqrstuvwxyz"
DIGITS = "0123456789"
ALNUM = UPPER + LOWER + DIGITS
BASE32 = UPPER + "234567"
# substrings a scanner may take for placeholders (same list as FakeSecrets.java): never part of a value
FORBIDDEN = ("example", "xxxx", "test", "fake", "dummy", "sample", "changeme", "placeholder", "secret",
             "password", "redacted", "000000", "123456", "abcdef", "your", "token")

rnd = random.Random(SEED)
issued = set()


def draw(make):
    while True:
        v = make()
        if v not in issued and not any(f in v.lower() for f in FORBIDDEN):
            issued.add(v)
            return v


def rand(alphabet, n):
    return "".join(rnd.choice(alphabet) for _ in range(n))


BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# fifth characters of AWS key ids that encode a possible account id (the aws-account-id validator)
ACCOUNT_FORMAT_FIRST = "QRSTUVWXYZ2345"


def with_possible_account(key_id):
    fifth = key_id[4]
    if fifth in "IJ" or fifth in ACCOUNT_FORMAT_FIRST:
        return key_id
    return key_id[:4] + ACCOUNT_FORMAT_FIRST[BASE32.index(fifth) % len(ACCOUNT_FORMAT_FIRST)] + key_id[5:]


def with_checksum(token):
    """The last 6 characters become GitHub's CRC32 (base62, '0'-padded) of the 30 before them (github-crc32)."""
    prefix, rest = token.split("_", 1)
    body = rest[:30]
    value = zlib.crc32(body.encode("ascii"))
    digits = ""
    for _ in range(6):
        value, r = divmod(value, 62)
        digits = BASE62[r] + digits
    return prefix + "_" + body + digits


def aws_key_id():
    v = draw(lambda: with_possible_account("AKIA" + rand(BASE32, 16)))
    return "aws.access-key-id", v, v


def github_token():
    v = draw(lambda: with_checksum("ghp_" + rand(ALNUM, 36)))
    return "github.classic-token", v, v


def postgres_uri():
    pw = draw(lambda: rand(ALNUM, 12))
    return "db.postgres-uri", pw, "postgres://app:%s@db.acme.internal/prod" % pw


# Python approximations of the rules' patterns (rules/aws.yml, github.yml, databases.yml): a planted value
# that a rule would not take is a bug in this script, not a scanner miss.
CHECKS = {
    "aws.access-key-id": re.compile(r"(?<![A-Za-z0-9])AKIA(?![A-Z2-7]{0,9}EXAMPLE)(?!([A-Z2-7])\1{15})[A-Z2-7]{16}(?![A-Za-z0-9])"),
    "github.classic-token": re.compile(r"(?<![A-Za-z0-9_])ghp_(?![A-Za-z0-9]{0,30}(?:EXAMPLE|[Ee]xample|XXXXXX|xxxxxx|000000|123456|abcdef|ABCDEF))[A-Za-z0-9]{36}(?![A-Za-z0-9_])"),
    "db.postgres-uri": re.compile(r"postgres://app:(?P<pw>[^\s/?\"'<>,]{1,128})@db\.acme\.internal/prod"),
}


def message(msg_id, date, frm, to, subject, body_lines):
    head = [
        "Return-Path: <%s>" % frm.split("<")[-1].rstrip(">"),
        "From: %s" % frm,
        "To: %s" % to,
        "Subject: %s" % subject,
        "Date: %s" % date,
        "Message-ID: <%s@mail.acme.internal>" % msg_id,
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=us-ascii",
        "Content-Transfer-Encoding: 7bit",
    ]
    return ("\n".join(head) + "\n\n" + "\n".join(body_lines) + "\n").encode("ascii")


NOTE = "(mailleaks test fixture: every credential in this message is FAKE and was never valid.)"

PLIST = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
         b'<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
         b'<plist version="1.0">\n<dict>\n\t<key>flags</key>\n\t<integer>8590195713</integer>\n</dict>\n</plist>\n')


def emlx(msg_bytes):
    """Apple Mail .emlx: the message's byte count in decimal on the first line, the message, then a plist."""
    return str(len(msg_bytes)).encode("ascii") + b"\n" + msg_bytes + PLIST


def main():
    testdata = sys.argv[1] if len(sys.argv) > 1 else "testdata"
    base = os.path.join(testdata, "outlook")
    files = []  # (path relative to testdata/, bytes, rule, value, note)

    rule, value, text = aws_key_id()
    files.append(("outlook/mh/inbox/1", message(
        "mh-1.20240305T091500", "Tue, 05 Mar 2024 09:15:00 +0000",
        "Dana Ops <dana.ops@example.com>", "Lee Dev <lee.dev@example.com>", "New deploy user for the staging bucket",
        ["Hi Lee,", "", "the deploy user for staging is set up. Access key id: " + text,
         "The other half follows by phone.", "", "Dana", "", NOTE]),
        rule, value, "MH message file 1, plain text body"))

    rule, value, text = github_token()
    files.append(("outlook/mh/inbox/2", message(
        "mh-2.20240305T101200", "Tue, 05 Mar 2024 10:12:00 +0000",
        "Lee Dev <lee.dev@example.com>", "Dana Ops <dana.ops@example.com>", "Re: CI token",
        ["Dana,", "", "here is the token the release job uses until we move it to the vault:", "",
         "    GITHUB_TOKEN=" + text, "", "Lee", "", NOTE]),
        rule, value, "MH message file 2, token in an env-style line"))

    rule, value, text = postgres_uri()
    files.append(("outlook/mh/inbox/3", message(
        "mh-3.20240306T080000", "Wed, 06 Mar 2024 08:00:00 +0000",
        "Sam Data <sam.data@example.com>", "Dana Ops <dana.ops@example.com>", "Reporting database",
        ["Hello,", "", "the reporting job connects with", "", "  DATABASE_URL=" + text, "",
         "Please do not share it further.", "Sam", "", NOTE]),
        rule, value, "MH message file 3, password of a postgres:// URI"))

    rule, value, text = github_token()
    files.append(("outlook/Archive.mbox/Messages/101.emlx", emlx(message(
        "emlx-101.20240307T141000", "Thu, 07 Mar 2024 14:10:00 +0100",
        "Kim Build <kim.build@example.org>", "Lee Dev <lee.dev@example.com>", "Token for the mirror script",
        ["Lee,", "", "the mirror script needs a token with repo scope, use " + text + " for now.", "",
         "Kim", "", NOTE])),
        rule, value, "Apple Mail EMLX (byte count line, message, plist)"))

    rule, value, text = postgres_uri()
    files.append(("outlook/Archive.mbox/Messages/102.emlx", emlx(message(
        "emlx-102.20240308T090500", "Fri, 08 Mar 2024 09:05:00 +0100",
        "Sam Data <sam.data@example.com>", "Kim Build <kim.build@example.org>", "prod connection string",
        ["Kim,", "", "as asked, the app connects to", text, "", "Sam", "", NOTE])),
        rule, value, "Apple Mail EMLX, password of a postgres:// URI"))

    # Same columns as testdata/expected/planted.tsv; every message here is a single text part ("1").
    rows = ["source\tmessage_index\tpart\trule_id\tfingerprint\tnote"]
    for rel, data, rule, value, note in files:
        m = CHECKS[rule].search(data.decode("ascii"))
        assert m, "%s: %s does not match its rule" % (rel, rule)
        found = m.group("pw") if rule == "db.postgres-uri" else m.group(0)
        assert found == value, (rel, found, value)
        path = os.path.join(testdata, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        if rel.endswith(".emlx"):  # self-check: the count on line 1 is exactly the message's length
            nl = data.index(b"\n")
            n = int(data[:nl])
            assert data[nl + 1 + n:] == PLIST, rel
        rows.append("\t".join([rel, "1", "1", rule, hashlib.sha256(value.encode("utf-8")).hexdigest(), note]))

    with open(os.path.join(base, "mh", "inbox", ".mh_sequences"), "wb") as f:
        f.write(b"cur: 1\nunseen: 2-3\n")
    with open(os.path.join(base, "planted.tsv"), "wb") as f:
        f.write(("\n".join(rows) + "\n").encode("utf-8"))
    # The copied stores hold no secrets; the only records a scan of this folder makes are for the files beside
    # the fixtures that are not mail.
    errors = ["source\tmessage_index\tpart\tkind\tnote"]
    for name in ("SOURCES.md", "errors.tsv", "planted.tsv"):
        errors.append("\t".join(["outlook/" + name, "-", "-", "unsupported-input", "not mail: fixture documentation"]))
    with open(os.path.join(base, "errors.tsv"), "wb") as f:
        f.write(("\n".join(errors) + "\n").encode("utf-8"))
    print("wrote %d messages and %s" % (len(files), os.path.join(base, "planted.tsv")))


if __name__ == "__main__":
    main()
