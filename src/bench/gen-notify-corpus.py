#!/usr/bin/env python3
"""Writes a synthetic mbox with many distinct fake secrets and a customers file, for the notify/report benchmark.

    python3 src/bench/gen-notify-corpus.py --messages 20000 --secrets-per-message 5 --customers 2000 OUT_DIR

OUT_DIR gets mail.mbox and customers.csv. Each message is from a customer's domain (customer i = cust<i>.example)
to the breached company (corp.example), copied to another customer every 10th message, and carries
--secrets-per-message distinct secrets in shapes the bundled rules find: AWS access key ids, PostgreSQL URIs whose
host is in the customer's domain, Stripe live keys and labelled passwords. All random, deterministic by --seed;
none is real. About 1 secret in 20 is repeated in a later message, so secrets also have several occurrences.
"""
import argparse
import os
import random
import string

B32 = string.ascii_uppercase + "234567"
ALNUM = string.ascii_letters + string.digits


def rand(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def secret_line(rng, kind, customer):
    if kind == 0:
        return "aws_access_key_id = AKIA" + rand(rng, B32, 16)
    if kind == 1:
        return f"DATABASE_URL=postgres://app:{rand(rng, ALNUM, 18)}@db{rng.randrange(99)}.cust{customer}.example:5432/prod"
    if kind == 2:
        return "STRIPE_KEY=sk_live_" + rand(rng, ALNUM, 24)
    return "The VPN password is " + rand(rng, ALNUM, 6) + "!" + rand(rng, ALNUM, 5)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=20000)
    ap.add_argument("--secrets-per-message", type=int, default=5)
    ap.add_argument("--customers", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("out")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "customers.csv"), "w") as f:
        f.write("customer_id,customer_name,domains,contacts\n")
        for c in range(args.customers):
            f.write(f"C{c:05d},Customer {c},cust{c}.example,security@cust{c}.example\n")
    earlier = []
    with open(os.path.join(args.out, "mail.mbox"), "w") as f:
        for m in range(args.messages):
            customer = rng.randrange(args.customers)
            day = 1 + m % 28
            month = 1 + (m // 28) % 12
            lines = []
            for s in range(args.secrets_per_message):
                if earlier and rng.random() < 0.05:
                    lines.append(rng.choice(earlier))
                else:
                    line = secret_line(rng, s % 4, customer)
                    lines.append(line)
                    if len(earlier) < 5000:
                        earlier.append(line)
            cc = f"Cc: ops@cust{(customer + 1) % args.customers}.example\n" if m % 10 == 0 else ""
            f.write(f"From cust{customer}@example Mon Jan  1 00:00:00 2024\n"
                    f"From: Admin <admin@cust{customer}.example>\n"
                    f"To: Support <support@corp.example>\n{cc}"
                    f"Subject: access details {m}\n"
                    f"Date: Mon, {day} {['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec'][month-1]} 2024 10:00:00 +0000\n"
                    f"Message-ID: <bench-{m}@cust{customer}.example>\n"
                    f"MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
                    f"Hello,\n\nhere are the details you asked for:\n\n"
                    + "\n\n".join(lines) + "\n\nRegards,\nAdmin\n\n")


if __name__ == "__main__":
    main()
