package dev.mailleaks.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fingerprints of secrets already known, whose findings do not fail a CI job. Read from a baseline file
 * ({@code mailleaks baseline create}), a previous JSON report, or a JSONL report: every {@code fingerprint} field
 * of their findings.
 */
public record Baseline(Set<String> fingerprints) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

  public static final Baseline NONE = new Baseline(Set.of());

  public Baseline {
    fingerprints = Set.copyOf(fingerprints);
  }

  public boolean knows(String fingerprint) {
    return fingerprints.contains(fingerprint);
  }

  /** Reads a baseline; a file with no fingerprint at all is refused, since it is most likely the wrong file. */
  public static Baseline read(Path file) throws IOException {
    Set<String> found = new HashSet<>();
    String first;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      first = in.readLine();
    }
    if (first != null && first.startsWith("{") && first.endsWith("}") && isJsonLines(file)) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          if (!line.isBlank()) {
            collectDocument(JSON.readTree(line), found);
          }
        }
      }
    } else {
      collectDocument(JSON.readTree(file.toFile()), found);
    }
    if (found.isEmpty()) {
      throw new IOException(file + " holds no fingerprints: not a mailleaks baseline or report");
    }
    return new Baseline(found);
  }

  private static boolean isJsonLines(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.readLine();
      String second = in.readLine();
      return second == null || second.isBlank() || second.startsWith("{");
    }
  }

  /** A finding (a JSONL line), or a whole report or baseline: a one-line JSON report is also a one-line file. */
  private static void collectDocument(JsonNode root, Set<String> into) {
    collect(root, into);
    collect(root.path("findings"), into);
    collect(root.path("fingerprints"), into);
    collect(root.path("secrets"), into);
  }

  private static void collect(JsonNode node, Set<String> into) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, into));
    } else if (node.isObject() && node.hasNonNull("fingerprint")) {
      String fingerprint = node.get("fingerprint").asText();
      if (FINGERPRINT.matcher(fingerprint).matches()) {
        into.add(fingerprint);
      }
    } else if (node.isTextual() && FINGERPRINT.matcher(node.asText()).matches()) {
      into.add(node.asText());
    }
  }
}
