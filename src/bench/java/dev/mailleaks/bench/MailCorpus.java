package dev.mailleaks.bench;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic mail text for the matcher benchmarks: a list of parts, the way the scanner hands text to
 * the matcher (one {@code find} call per decoded part), mixing prose bodies with quoted replies, header blocks,
 * raw HTML, CSV/log attachments and base64 blocks, with a few planted secrets.
 */
final class MailCorpus {
  static final String[] WORDS = (
      "the of and to a in that is was he for it with as his on be at by i this had not are but from or have an "
      + "they which one you were her all she there would their we him been has when who will more no if out so "
      + "said what up its about into than them can only other new some could time these two may then do first "
      + "meeting project budget deadline release customer team review report update schedule deploy server "
      + "database migration invoice contract proposal quarter revenue forecast estimate design feedback draft "
      + "approval request ticket issue incident outage monitoring alert dashboard metrics latency capacity "
      + "storage backup restore account access permission policy compliance audit security vendor supplier "
      + "shipment order delivery warehouse inventory pricing discount renewal subscription license support "
      + "key secret certificate portal expired locked "
      + "training onboarding hiring interview candidate offer payroll expense travel booking conference agenda "
      + "branch merge build pipeline test staging production rollback hotfix patch upgrade cluster network "
      + "please thanks thank appreciate confirm check send share forward reply discuss agree suggest propose "
      + "already probably actually basically currently hopefully unfortunately definitely likely maybe "
      + "Alice Bob Carol Dave Erin Frank Grace Heidi Ivan Judy Berlin London Paris Tokyo Asia Europe "
      + "café résumé naïve Zürich Grüße").split(" ");

  /** Words that rules use as keywords, rarer than the rest (1 word in about 400 is one of these). */
  static final String[] RARE_WORDS = {
      "password", "passwords", "login", "credentials", "token", "VPN", "reset", "MFA", "pass", "SSO"};

  /** Kinds of planted secrets, in the order they are planted round-robin. */
  static final String[] SECRET_KINDS = {"aws-access-key-id", "github-token", "postgres-uri", "password-line"};

  private final SplittableRandom rnd;
  final List<String> parts = new ArrayList<>();
  long chars;
  int planted;

  private MailCorpus(long seed) {
    rnd = new SplittableRandom(seed);
  }

  /** About {@code targetChars} characters of mail text in parts, with one secret per {@code secretEveryChars}. */
  static MailCorpus generate(long seed, int targetChars, int secretEveryChars) {
    MailCorpus c = new MailCorpus(seed);
    long nextSecret = secretEveryChars / 2;
    while (c.chars < targetChars) {
      int r = c.rnd.nextInt(100);
      StringBuilder part = new StringBuilder(64 * 1024);
      if (r < 45) {
        c.prose(part, 1_000 + c.rnd.nextInt(20_000));
      } else if (r < 60) {
        c.html(part, 3_000 + c.rnd.nextInt(40_000));
      } else if (r < 72) {
        c.headers(part);
      } else if (r < 82) {
        c.csvOrLog(part, 10_000 + c.rnd.nextInt(120_000));
      } else {
        c.base64Block(part, 4_000 + c.rnd.nextInt(60_000));
      }
      if (c.chars + part.length() >= nextSecret) {
        int at = part.lastIndexOf("\n", c.rnd.nextInt(part.length() + 1));
        part.insert(at + 1, c.secret(SECRET_KINDS[c.planted % SECRET_KINDS.length]) + "\n");
        c.planted++;
        nextSecret += secretEveryChars;
      }
      c.parts.add(part.toString());
      c.chars += part.length();
    }
    return c;
  }

  private String secret(String kind) {
    return switch (kind) {
      // a fifth character of Q-Z/2-5 encodes a possible account id, and the token carries its CRC32, as the rules'
      // validators (aws-account-id, github-crc32) require
      case "aws-access-key-id" -> "aws_access_key_id = AKIA" + random("QRSTUVWXYZ2345", 1)
          + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 15);
      case "github-token" -> {
        String body = random(ALNUM, 30);
        yield "GITHUB_TOKEN=ghp_" + body + dev.mailleaks.rules.Validator.Crc32Base62.of(body);
      }
      case "postgres-uri" -> "DATABASE_URL=postgres://app_rw:" + random(ALNUM, 18) + "@db-prod-3.corp.internal:5432/orders";
      default -> "password: " + random(ALNUM + "!#$%&*+-?@^_", 14);
    };
  }

  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String B64 = ALNUM + "+/";

  private void prose(StringBuilder b, int size) {
    b.append(pick(new String[] {"Hi ", "Hello ", "Dear "})).append(pick(WORDS)).append(",\n\n");
    boolean quoting = false;
    while (b.length() < size) {
      if (!quoting && b.length() > size / 2 && rnd.nextInt(3) == 0) {
        b.append("\nOn Mon, 4 Mar 2024 at 09:12, Alice Smith <alice.smith@example.com> wrote:\n");
        quoting = true;
      }
      StringBuilder par = new StringBuilder(600);
      int sentences = 1 + rnd.nextInt(5);
      for (int s = 0; s < sentences; s++) {
        sentence(par);
        par.append(' ');
      }
      wrap(b, par.toString().trim(), quoting ? "> " : "", 72);
      b.append(quoting ? ">\n" : "\n");
    }
    b.append("-- \nBob Jones\nSenior Engineer | Example Corp\n+1 555 0142 | https://www.example.com\n");
  }

  private void sentence(StringBuilder s) {
    int n = 5 + rnd.nextInt(14);
    for (int i = 0; i < n; i++) {
      if (i > 0) s.append(' ');
      int r = rnd.nextInt(150);
      String w = r == 0 ? "https://intranet.example.com/wiki/" + rnd.nextInt(100000)
          : r == 1 ? "bob.jones@example.org"
          : r == 2 ? "#" + (10000 + rnd.nextInt(90000))
          : r == 3 && rnd.nextInt(8) < 3 ? pick(RARE_WORDS) // 1 word in 400
          : pick(WORDS);
      if (i == 0) w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
      s.append(w);
    }
    s.append(rnd.nextInt(8) == 0 ? '?' : '.');
  }

  private void html(StringBuilder b, int size) {
    b.append("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
        + "<style>p.MsoNormal{margin:0cm;font-size:11.0pt;font-family:\"Calibri\",sans-serif;}"
        + "a:link{color:#0563C1;text-decoration:underline;}</style></head>\n<body lang=\"EN-US\">"
        + "<div class=\"WordSection1\">\n");
    while (b.length() < size) {
      b.append("<p class=\"MsoNormal\"><span style=\"font-size:11.0pt\">");
      StringBuilder par = new StringBuilder(600);
      int sentences = 1 + rnd.nextInt(4);
      for (int s = 0; s < sentences; s++) {
        sentence(par);
        par.append(' ');
      }
      b.append(par);
      if (rnd.nextInt(3) == 0) {
        b.append("<a href=\"https://click.example.net/ls/click?upn=").append(random(B64, 60)).append("\">read more</a>");
      }
      b.append("<o:p></o:p></span></p>\n");
      if (rnd.nextInt(8) == 0) {
        b.append("<img src=\"https://cdn.example.com/img/").append(random(ALNUM, 24))
            .append(".png\" width=\"600\" height=\"120\" alt=\"banner\">\n");
      }
    }
    b.append("</div></body></html>\n");
  }

  private void headers(StringBuilder b) {
    b.append("Received: from mail-qt1-f170.example.net (mail-qt1-f170.example.net [203.0.113.").append(rnd.nextInt(255))
        .append("])\n        by mx.example.org (Postfix) with ESMTPS id ").append(random(ALNUM, 14))
        .append("\n        for <bob@example.org>; Mon, 4 Mar 2024 09:12:").append(10 + rnd.nextInt(50)).append(" +0000 (UTC)\n");
    b.append("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.net; s=20230601;\n        bh=")
        .append(random(B64, 43)).append("=;\n        b=");
    for (int i = 0; i < 5; i++) b.append(random(B64, 70)).append("\n         ");
    b.append(random(B64, 44)).append("==\n");
    b.append("From: \"Alice Smith\" <alice.smith@example.com>\nTo: \"Bob Jones\" <bob.jones@example.org>\n");
    b.append("Subject: ");
    StringBuilder subject = new StringBuilder();
    sentence(subject);
    b.append(subject).append("\nMessage-ID: <CA").append(random(ALNUM, 40)).append("@mail.gmail.com>\n");
    b.append("Date: Mon, 4 Mar 2024 09:12:33 +0000\nMIME-Version: 1.0\n");
    b.append("Content-Type: multipart/alternative; boundary=\"0000000000").append(random("0123456789abcdef", 18)).append("\"\n");
  }

  private void csvOrLog(StringBuilder b, int size) {
    if (rnd.nextBoolean()) {
      b.append("id,name,email,city,amount,currency,status\n");
      int id = 1;
      while (b.length() < size) {
        b.append(id++).append(',').append(pick(WORDS)).append(' ').append(pick(WORDS)).append(',')
            .append(pick(WORDS).toLowerCase()).append(rnd.nextInt(100)).append("@example.com,")
            .append(pick(new String[] {"Berlin", "London", "Zürich", "Tokyo"})).append(',')
            .append(rnd.nextInt(100000)).append('.').append(10 + rnd.nextInt(90)).append(",EUR,")
            .append(pick(new String[] {"paid", "open", "overdue"})).append('\n');
      }
    } else {
      while (b.length() < size) {
        b.append("2024-03-04T09:").append(10 + rnd.nextInt(50)).append(':').append(10 + rnd.nextInt(50)).append('.')
            .append(100 + rnd.nextInt(900)).append("Z ").append(pick(new String[] {"INFO ", "DEBUG", "WARN ", "ERROR"}))
            .append(" [http-nio-8080-exec-").append(rnd.nextInt(10)).append("] c.e.api.OrderController - ");
        int n = 4 + rnd.nextInt(10);
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : " ").append(pick(WORDS));
        b.append(" requestId=").append(random("0123456789abcdef", 16)).append('\n');
      }
    }
  }

  private void base64Block(StringBuilder b, int size) {
    byte[] data = new byte[size * 3 / 4];
    rnd.nextBytes(data);
    b.append(pick(new String[] {
        "-----BEGIN CERTIFICATE-----\n", "Content-Transfer-Encoding: base64\n\n", "-----BEGIN PGP MESSAGE-----\n\n"}));
    b.append(Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(data)).append('\n');
  }

  private static void wrap(StringBuilder out, String text, String prefix, int width) {
    int lineStart = out.length();
    out.append(prefix);
    int at = 0;
    while (at < text.length()) {
      int space = text.indexOf(' ', at);
      int end = space < 0 ? text.length() : space;
      if (out.length() - lineStart + (end - at) > width && out.length() - lineStart > prefix.length()) {
        out.setLength(out.length() - 1);
        out.append('\n');
        lineStart = out.length();
        out.append(prefix);
      }
      out.append(text, at, end).append(' ');
      at = end + 1;
    }
    out.setLength(out.length() - 1);
    out.append('\n');
  }

  private String random(String alphabet, int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) c[i] = alphabet.charAt(rnd.nextInt(alphabet.length()));
    return new String(c);
  }

  private String pick(String[] values) {
    return values[rnd.nextInt(values.length)];
  }
}
