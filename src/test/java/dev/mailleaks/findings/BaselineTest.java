package dev.mailleaks.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
  private static final String A = "a".repeat(64);
  private static final String B = "0123456789abcdef".repeat(4);

  @TempDir Path dir;

  @Test
  void readsAJsonReportsFindings() throws IOException {
    Path file = write("report.json", "{\"tool\":{},\"findings\":[{\"fingerprint\":\"" + A + "\"},{\"fingerprint\":\"" + B
        + "\"}],\"scan\":{}}");
    assertThat(Baseline.read(file).fingerprints()).containsExactlyInAnyOrder(A, B);
  }

  @Test
  void readsJsonLinesReports() throws IOException {
    Path file = write("report.jsonl", "{\"fingerprint\":\"" + A + "\"}\n{\"fingerprint\":\"" + B + "\"}\n");
    assertThat(Baseline.read(file).fingerprints()).containsExactlyInAnyOrder(A, B);
  }

  @Test
  void readsAPrettyPrintedBaselineWithAFingerprintList() throws IOException {
    Path file = write("baseline.json", "{\n  \"fingerprints\": [\n    \"" + A + "\"\n  ]\n}\n");
    assertThat(Baseline.read(file).knows(A)).isTrue();
    assertThat(Baseline.read(file).knows(B)).isFalse();
  }

  @Test
  void ignoresValuesThatAreNotFingerprints() throws IOException {
    Path file = write("baseline.json", "{\"fingerprints\":[\"" + A + "\",\"ABC\",\"" + A.toUpperCase() + "\"]}");
    assertThat(Baseline.read(file).fingerprints()).containsExactly(A);
  }

  @Test
  void refusesAFileWithoutFingerprints() throws IOException {
    Path file = write("other.json", "{\"name\":\"not a baseline\"}");
    assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(IOException.class).hasMessageContaining("no fingerprints");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
