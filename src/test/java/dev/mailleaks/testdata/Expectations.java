package dev.mailleaks.testdata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the rows of expected/planted.tsv and expected/errors.tsv while the fixtures are written. */
final class Expectations {

  record Planted(String source, int messageIndex, String part, String ruleId, String fingerprint, String note) {
  }

  record ErrorRow(String source, String messageIndex, String part, String kind, String note) {
  }

  static final Set<String> ERROR_KINDS = Set.of("corrupt-message", "unreadable-part", "parser-error", "limit-depth",
      "limit-size", "limit-ratio", "limit-parts", "timeout", "unsupported-input", "io-error");

  private final List<Planted> planted = new ArrayList<>();
  private final List<ErrorRow> errors = new ArrayList<>();
  private final Set<String> fingerprints = new HashSet<>();

  /**
   * One finding the scanner must report. {@code part} is one part path, or several joined by ';' when the
   * same secret is in several alternatives of one message.
   */
  void plant(String source, int messageIndex, String part, FakeSecrets.Secret secret, String note) {
    check(source, part, note);
    if (!fingerprints.add(secret.fingerprint())) {
      throw new IllegalStateException("secret planted twice: " + secret.value());
    }
    planted.add(new Planted(source, messageIndex, part, secret.ruleId(), secret.fingerprint(), note));
  }

  /** The same secret found again in another message: one secret, several occurrences. */
  void plantAgain(String source, int messageIndex, String part, FakeSecrets.Secret secret, String note) {
    check(source, part, note);
    if (!fingerprints.contains(secret.fingerprint())) {
      throw new IllegalStateException("secret not planted before: " + secret.value());
    }
    planted.add(new Planted(source, messageIndex, part, secret.ruleId(), secret.fingerprint(), note));
  }

  /** An expected error record; {@code messageIndex} and {@code part} may be "-". */
  void error(String source, String messageIndex, String part, String kind, String note) {
    check(source, part, note);
    if (!ERROR_KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown error kind " + kind);
    }
    errors.add(new ErrorRow(source, messageIndex, part, kind, note));
  }

  int plantedCount() {
    return planted.size();
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    StringBuilder p = new StringBuilder("source\tmessage_index\tpart\trule_id\tfingerprint\tnote\n");
    for (Planted r : planted) {
      p.append(String.join("\t", r.source(), String.valueOf(r.messageIndex()), r.part(), r.ruleId(),
          r.fingerprint(), r.note())).append('\n');
    }
    Files.write(dir.resolve("planted.tsv"), p.toString().getBytes(StandardCharsets.UTF_8));
    StringBuilder e = new StringBuilder("source\tmessage_index\tpart\tkind\tnote\n");
    for (ErrorRow r : errors) {
      e.append(String.join("\t", r.source(), r.messageIndex(), r.part(), r.kind(), r.note())).append('\n');
    }
    Files.write(dir.resolve("errors.tsv"), e.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void check(String... fields) {
    for (String f : fields) {
      if (f.isEmpty() || f.indexOf('\t') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("bad TSV field: [" + f + "]");
      }
    }
  }
}
