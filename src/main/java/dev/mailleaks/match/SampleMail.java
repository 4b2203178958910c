package dev.mailleaks.match;

import java.util.Base64;
import java.util.SplittableRandom;

/**
 * A deterministic stand-in, with no planted secrets, for a mailbox's text, for measuring what rules cost when no real sample is
 * given: prose with quoted replies and the words mail is full of (a few credential words among them, at about the
 * rate they occur in business mail), header blocks with DKIM signatures, HTML, CSV and log attachments, base64.
 */
public final class SampleMail {
  private static final String[] WORDS = ("the of and to a in that is was he for it with as his on be at by i this "
      + "had not are but from or have an they which one you were her all she there would their we him been has when "
      + "who will more no if out so said what up its about into than them can only other new some could time these "
      + "two may then do first meeting project budget deadline release customer team review report update schedule "
      + "deploy server database migration invoice contract proposal quarter revenue forecast design feedback draft "
      + "approval request ticket issue incident outage monitoring alert dashboard metrics latency capacity storage "
      + "backup restore account access permission policy compliance audit security vendor supplier shipment order "
      + "delivery warehouse inventory pricing discount renewal subscription license support key certificate portal "
      + "expired locked training onboarding hiring interview candidate offer payroll expense travel booking agenda "
      + "branch merge build pipeline test staging production rollback hotfix patch upgrade cluster network please "
      + "thanks appreciate confirm check send share forward reply discuss agree suggest already probably actually "
      + "Alice Bob Carol Dave Erin Frank Grace Heidi Berlin London Paris Tokyo Asia Europe café Zürich").split(" ");
  /** Words rules take as keywords; about 1 word in 400 of the prose is one of them. */
  private static final String[] RARE_WORDS = {"password", "login", "credentials", "token", "VPN", "reset", "MFA",
      "SSO", "secret", "api"};
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final SplittableRandom rnd;
  private final StringBuilder out;

  private SampleMail(long seed, int chars) {
    rnd = new SplittableRandom(seed);
    out = new StringBuilder(chars + 200_000);
  }

  /** About {@code chars} characters of sample text (1 MB is a good default), the same for the same arguments. */
  public static String text(int chars) {
    SampleMail sample = new SampleMail(20240101L, chars);
    while (sample.out.length() < chars) {
      int kind = sample.rnd.nextInt(100);
      if (kind < 45) sample.prose(1_000 + sample.rnd.nextInt(12_000));
      else if (kind < 60) sample.html(2_000 + sample.rnd.nextInt(20_000));
      else if (kind < 75) sample.headers();
      else if (kind < 88) sample.csv(5_000 + sample.rnd.nextInt(40_000));
      else sample.base64(4_000 + sample.rnd.nextInt(30_000));
    }
    return sample.out.toString();
  }

  private void prose(int size) {
    int end = out.length() + size;
    out.append("Hi ").append(pick(WORDS)).append(",\n\n");
    String quote = "";
    while (out.length() < end) {
      if (quote.isEmpty() && rnd.nextInt(6) == 0) {
        out.append("On Mon, 4 Mar 2024 at 09:12, Alice Smith <alice.smith@example.com> wrote:\n");
        quote = "> ";
      }
      int lineStart = out.length();
      out.append(quote);
      for (int w = 0; w < 8 + rnd.nextInt(50); w++) {
        String word = rnd.nextInt(400) == 0 ? pick(RARE_WORDS)
            : rnd.nextInt(120) == 0 ? "https://intranet.example.com/wiki/" + rnd.nextInt(100_000) : pick(WORDS);
        if (out.length() - lineStart + word.length() > 72) {
          out.append('\n');
          lineStart = out.length();
          out.append(quote);
        }
        out.append(word).append(rnd.nextInt(10) == 0 ? ". " : " ");
      }
      out.append("\n\n");
    }
    out.append("-- \nBob Jones | Example Corp | +1 555 0142\n");
  }

  private void html(int size) {
    int end = out.length() + size;
    out.append("<html><head><style>p.MsoNormal{margin:0cm;font-family:\"Calibri\",sans-serif;}</style></head><body>\n");
    while (out.length() < end) {
      out.append("<p class=\"MsoNormal\"><span style=\"font-size:11.0pt\">");
      for (int w = 0; w < 30; w++) out.append(pick(WORDS)).append(' ');
      out.append("<a href=\"https://click.example.net/ls/click?upn=").append(random(ALNUM + "-_", 60))
          .append("\">read more</a></span></p>\n");
    }
    out.append("</body></html>\n");
  }

  private void headers() {
    out.append("Received: from mail-qt1-f170.example.net (mail-qt1-f170.example.net [203.0.113.")
        .append(rnd.nextInt(255)).append("])\n\tby mx.example.org (Postfix) with ESMTPS id ").append(random(ALNUM, 12))
        .append("\n\tfor <bob@example.org>; Mon, 4 Mar 2024 09:12:33 +0000 (UTC)\n")
        .append("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.net; s=20230601;\n\tbh=")
        .append(random(ALNUM + "+/", 43)).append("=;\n\tb=");
    for (int i = 0; i < 5; i++) out.append(random(ALNUM + "+/", 70)).append("\n\t ");
    out.append(random(ALNUM + "+/", 44)).append("==\nFrom: \"Alice Smith\" <alice.smith@example.com>\n")
        .append("To: \"Bob Jones\" <bob.jones@example.org>\nSubject: Re: ").append(pick(WORDS)).append(' ')
        .append(pick(WORDS)).append("\nMessage-ID: <CA").append(random(ALNUM, 40)).append("@mail.gmail.com>\n")
        .append("Date: Mon, 4 Mar 2024 09:12:33 +0000\nMIME-Version: 1.0\nContent-Type: multipart/alternative; ")
        .append("boundary=\"0000000000").append(random("0123456789abcdef", 18)).append("\"\n\n");
  }

  private void csv(int size) {
    int end = out.length() + size;
    out.append("id,name,email,city,amount,currency,status\n");
    for (int id = 1; out.length() < end; id++) {
      out.append(id).append(',').append(pick(WORDS)).append(' ').append(pick(WORDS)).append(',')
          .append(pick(WORDS).toLowerCase(java.util.Locale.ROOT)).append(rnd.nextInt(100)).append("@example.com,")
          .append(pick(new String[] {"Berlin", "London", "Zürich"})).append(',').append(rnd.nextInt(100_000))
          .append(".00,EUR,").append(pick(new String[] {"paid", "open", "overdue"})).append('\n');
    }
  }

  private void base64(int size) {
    byte[] data = new byte[size * 3 / 4];
    rnd.nextBytes(data);
    out.append("Content-Transfer-Encoding: base64\n\n")
        .append(Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(data)).append("\n\n");
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
