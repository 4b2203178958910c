package dev.mailleaks.scan;

import dev.mailleaks.rules.RuleSet;
import dev.mailleaks.source.Limits;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a scan needs to run.
 *
 * @param threads worker threads that decode and match messages (the caller's thread reads the inputs)
 * @param showSecrets whether findings carry the plaintext secret
 * @param maxErrorRecords how many error records are kept for the report (all are counted)
 * @param rescan with a datastore: scan inputs again even when they are unchanged since they were scanned
 */
public record ScanOptions(
    List<Path> paths, RuleSet rules, Limits limits, int threads, boolean showSecrets, int maxErrorRecords,
    boolean rescan) {

  public ScanOptions {
    paths = List.copyOf(paths);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
  }
}
