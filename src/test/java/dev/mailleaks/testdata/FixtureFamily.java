package dev.mailleaks.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Shared state and helpers of the fixture families: output folder, secrets, expectations, dates, ids. */
abstract class FixtureFamily {

  static final DateTimeFormatter RFC5322 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
  static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

  /** Said in every message body: the reader of a fixture must know the secrets are fake. */
  static final String DISCLAIMER = "(mailleaks test fixture: every credential in this message is fake.)";

  protected final Path out;
  protected final FakeSecrets secrets;
  protected final Expectations exp;
  /** For boundaries and Message-IDs; separate from the secrets' Random. */
  private final Random noise;
  private ZonedDateTime clock;

  FixtureFamily(Path out, FakeSecrets secrets, Expectations exp, long noiseSeed, ZonedDateTime start) {
    this.out = out;
    this.secrets = secrets;
    this.exp = exp;
    this.noise = new Random(noiseSeed);
    this.clock = start;
  }

  abstract void generate() throws IOException;

  // ---------------------------------------------------------------- messages

  /** From, To, Subject, Date (advancing a fixed clock), Message-ID. */
  List<String> headers(String from, String to, String subject) {
    clock = clock.plusMinutes(17 + noise.nextInt(240));
    List<String> h = new ArrayList<>();
    h.add("From: " + from);
    h.add("To: " + to);
    h.add("Subject: " + subject);
    h.add("Date: " + RFC5322.format(clock));
    h.add("Message-ID: <" + hex(16) + "." + hex(8) + "@mail.acme.internal>");
    return h;
  }

  List<String> headers(String subject) {
    return headers("Alice Ops <alice.ops@example.com>", "Bob Dev <bob.dev@example.org>", subject);
  }

  /** The current message date as an mbox "From " separator line (asctime, day padded with a space). */
  String fromLine(String sender) {
    return "From " + sender + " " + ASCTIME.format(clock.withZoneSameInstant(ZoneOffset.UTC));
  }

  /** Date of the message most recently given {@link #headers}. */
  ZonedDateTime now() {
    return clock;
  }

  String boundary() {
    return "----=_Part_" + hex(6) + "_" + noise.nextInt(1_000_000);
  }

  Mime multipart(String subtype, Mime... parts) {
    return Mime.multipart(subtype, boundary(), parts);
  }

  String hex(int bytes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < bytes; i++) {
      sb.append(String.format(Locale.ROOT, "%02x", noise.nextInt(256)));
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- files

  void write(String relative, byte[] data) {
    try {
      Path p = out.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.write(p, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a message as an .eml file with CRLF line ends. */
  void writeEml(String relative, Mime message) {
    write(relative, Encoders.crlf(message.render()));
  }

  static byte[] concat(List<byte[]> parts) {
    int n = parts.stream().mapToInt(b -> b.length).sum();
    byte[] all = new byte[n];
    int off = 0;
    for (byte[] b : parts) {
      System.arraycopy(b, 0, all, off, b.length);
      off += b.length;
    }
    return all;
  }

  /** Fails generation when a planted value is, against the intent of a case, present verbatim in raw bytes. */
  static void assertAbsent(byte[] raw, String value, String why) {
    if (Encoders.indexOf(raw, Encoders.utf8(value)) >= 0) {
      throw new IllegalStateException("secret should not appear verbatim (" + why + "): " + value);
    }
  }
}
