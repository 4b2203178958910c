package dev.mailleaks.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the mailleaks test fixtures (mail archives with planted, FAKE secrets) and the expected results
 * {@code expected/planted.tsv} and {@code expected/errors.tsv}.
 *
 * <p>Deterministic: fixed seeds, fixed dates and fixed entry times, so that re-running it produces the same bytes.
 * Run: {@code TestdataGenerator [output-folder]} (default {@code testdata}). It replaces the generated folders
 * (eml, mbox, maildir, compressed, broken, expected) and leaves anything else (README.md) alone.
 */
public final class TestdataGenerator {

  static final long SECRETS_SEED = 0x6d61696c6cL;
  static final List<String> GENERATED = List.of("eml", "mbox", "maildir", "compressed", "broken", "customers", "expected");

  private TestdataGenerator() {
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "testdata");
    for (String dir : GENERATED) {
      deleteTree(out.resolve(dir));
    }
    FakeSecrets secrets = new FakeSecrets(SECRETS_SEED);
    Expectations exp = new Expectations();
    List<FixtureFamily> families = List.of(
        new EmlFixtures(out, secrets, exp),
        new AttachmentFixtures(out, secrets, exp),
        new MailboxFixtures(out, secrets, exp),
        new BrokenFixtures(out, secrets, exp),
        new CustomerFixtures(out, secrets, exp),
        new LogFixtures(out, secrets, exp),
        new HelpdeskFixtures(out, secrets, exp),
        new KeystoreFixtures(out, secrets, exp));
    for (FixtureFamily family : families) {
      family.generate();
    }
    // A scan of the whole folder also meets these files, which are not mail: they are recorded as skipped.
    for (String notMail : List.of("README.md", "expected/attribution.tsv", "expected/errors.tsv", "expected/planted.tsv")) {
      exp.error(notMail, "-", "-", "unsupported-input", "not mail: documentation and manifests of the test data");
    }
    exp.write(out.resolve("expected"));
    System.out.println("wrote fixtures to " + out.toAbsolutePath() + " (" + exp.plantedCount() + " planted secrets)");
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
