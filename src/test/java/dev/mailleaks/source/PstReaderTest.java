package dev.mailleaks.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PstReader} on a real store (testdata/outlook, Apache Tika's test file) and on damaged copies of it. */
class PstReaderTest {
  private static final Path PST = Path.of("testdata", "outlook", "testPST_variousBodyTypes.pst");

  @TempDir Path dir;

  private final RecordingSink sink = new RecordingSink();
  private final List<RawMessage> messages = sink.messages;
  private final List<ErrorRecord> errors = sink.errors;

  @Test
  void readsEveryItemWithItsFolderPath() throws IOException {
    long count = PstReader.read(PST, "x.pst", Limits.defaults(), sink);
    assertThat(count).isEqualTo(4);
    assertThat(messages).extracting(m -> m.origin().source() + "#" + m.origin().index())
        .containsExactly("x.pst!Inbox/tmp#1", "x.pst!Inbox/tmp#2", "x.pst!Inbox/tmp#3", "x.pst!Inbox/tmp#4");
    assertThat(errors).isEmpty();
  }

  @Test
  void aDamagedStoreYieldsWhatIsReadableAndRecordsTheRest() throws IOException {
    byte[] original = Files.readAllBytes(PST);
    // Damage regions across the file in turn: header, index and data blocks. Whatever breaks, the reader
    // must come back (no exception escapes, no hang) with the items it could read and records for the rest.
    for (int start : new int[] {600, original.length / 4, original.length / 2, 3 * original.length / 4}) {
      byte[] damaged = original.clone();
      for (int i = start; i < Math.min(damaged.length, start + 4096); i++) {
        damaged[i] = (byte) (i * 31);
      }
      Path copy = Files.write(dir.resolve("damaged-" + start + ".pst"), damaged);
      messages.clear();
      errors.clear();
      Limits limits = new Limits(10, 1 << 20, 1 << 20, 100, 100, Duration.ofSeconds(10));
      try {
        PstReader.read(copy, "damaged.pst", limits, sink);
      } catch (IOException e) {
        assertThat(e).hasMessageStartingWith("not a readable PST/OST store"); // the header itself was hit
        continue;
      }
      assertThat(messages.size() + errors.size()).as("items or records after damage at " + start).isPositive();
      assertThat(messages.size()).isLessThanOrEqualTo(4);
    }
  }
}
