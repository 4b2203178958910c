package dev.mailleaks.cli;

import dev.mailleaks.findings.Baseline;
import dev.mailleaks.findings.FailGate;
import dev.mailleaks.findings.FindingSink;
import dev.mailleaks.findings.ScanSummary;
import dev.mailleaks.report.JsonReport;
import dev.mailleaks.report.JsonlReport;
import dev.mailleaks.report.ReportFormat;
import dev.mailleaks.report.TextReport;
import dev.mailleaks.report.ToolInfo;
import dev.mailleaks.rules.RuleFileException;
import dev.mailleaks.rules.RuleSet;
import dev.mailleaks.rules.Severity;
import dev.mailleaks.store.Datastore;
import dev.mailleaks.store.DatastoreException;
import dev.mailleaks.store.ScanRecorder;
import dev.mailleaks.scan.ScanListener;
import dev.mailleaks.scan.ScanOptions;
import dev.mailleaks.scan.ScanPipeline;
import dev.mailleaks.source.Limits;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Scan mail archives (mbox, EML, Maildir; compressed, zipped or tarred) for secrets.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:no secrets found",
        "1:secrets found",
        "2:usage error, or rule files that cannot be used",
        "3:the scan could not run, or an input could not be opened at all (results are still written)"})
final class ScanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to scan (folders recursively).")
  List<Path> paths;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: text, json or jsonl (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE (owner-only) instead of stdout.")
  Path output;

  @Mixin RuleOptions ruleOptions;

  @Option(names = "--show-secrets", description = "Include plaintext secrets in the output. Handle it as toxic.")
  boolean showSecrets;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--no-progress", description = "No progress display on stderr.")
  boolean noProgress;

  @Option(names = "--strict", description = "Exit 3 when any part could not be read completely.")
  boolean strict;

  @Option(names = "--datastore", paramLabel = "FILE", defaultValue = "mailleaks.db",
      description = "Record the scan in this SQLite datastore (owner-only; default: ${DEFAULT-VALUE}). "
          + "A scan run again resumes where it stopped and skips inputs it has already scanned unchanged.")
  Path datastore;

  @Option(names = "--no-datastore", description = "Record nothing: only the report is written.")
  boolean noDatastore;

  @Option(names = "--rescan", description = "Scan inputs again even when the datastore holds results of them unchanged.")
  boolean rescan;

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit 1 only for findings at or above SEVERITY: critical, high, medium or low (default: any finding).")
  String failOn;

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "Known secrets (a baseline file or an earlier JSON/JSONL report): left out of the report and the exit code.")
  Path baselineFile;

  @Option(names = "--commit-every", paramLabel = "N", defaultValue = "2000", hidden = true,
      description = "Most steps (messages) recorded in one datastore transaction.")
  int commitEvery;

  @Option(names = "--max-depth", paramLabel = "N", defaultValue = "10",
      description = "Most containers and embedded messages nested in one input (default: ${DEFAULT-VALUE}).")
  int maxDepth;

  @Option(names = "--max-part-size", paramLabel = "MB", defaultValue = "64",
      description = "Most decoded or decompressed megabytes read from one part (default: ${DEFAULT-VALUE}).")
  long maxPartMb;

  @Option(names = "--max-message-size", paramLabel = "MB", defaultValue = "128",
      description = "Largest message read, in megabytes (default: ${DEFAULT-VALUE}).")
  long maxMessageMb;

  @Option(names = "--max-ratio", paramLabel = "R", defaultValue = "100",
      description = "Largest decompression ratio of a container entry (zip bomb guard; default: ${DEFAULT-VALUE}).")
  double maxRatio;

  @Option(names = "--max-parts", paramLabel = "N", defaultValue = "1000",
      description = "Most parts examined in one message (default: ${DEFAULT-VALUE}).")
  int maxParts;

  @Option(names = "--part-timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Longest time one attachment may take to extract (default: ${DEFAULT-VALUE}).")
  int partTimeoutSeconds;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (commitEvery < 1 || threads < 1 || maxDepth < 0 || maxPartMb < 1 || maxMessageMb < 1 || maxRatio <= 1 || maxParts < 1
        || partTimeoutSeconds < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--threads, --max-part-size, --max-message-size, --max-parts and --part-timeout must be at least 1, "
              + "--max-ratio more than 1 and --max-depth not negative");
    }
    Severity threshold = Severity.LOW;
    if (failOn != null) {
      try {
        threshold = Severity.parse(failOn);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--fail-on takes critical, high, medium or low, not '" + failOn + "'");
      }
    }
    Baseline baseline = Baseline.NONE;
    if (baselineFile != null) {
      try {
        baseline = Baseline.read(baselineFile);
      } catch (IOException e) {
        err.println("mailleaks: cannot use baseline " + baselineFile + ": " + e.getMessage());
        return ExitCodes.USAGE;
      }
    }
    RuleSet rules;
    try {
      rules = ruleOptions.load();
    } catch (RuleFileException e) {
      return RulesCommand.reportRuleErrors(spec, e);
    }
    if (!ruleOptions.importSummary().isEmpty()) {
      err.println(ruleOptions.importSummary());
    }
    Limits limits = new Limits(maxDepth, maxMessageMb << 20, maxPartMb << 20, maxRatio, maxParts,
        Duration.ofSeconds(partTimeoutSeconds));
    ScanOptions options = new ScanOptions(paths, rules, limits, threads, showSecrets, 10_000, rescan);

    Datastore store = null;
    ScanRecorder recorder = null;
    if (!noDatastore) {
      try {
        store = Datastore.open(datastore);
        Map<String, String> remediation = new HashMap<>();
        rules.rules().forEach(r -> remediation.put(r.id(), r.remediation()));
        recorder = ScanRecorder.start(store, ToolInfo.current().version(), rules.version(), rules.rules().size(),
            recordedOptions(limits), showSecrets, id -> remediation.getOrDefault(id, ""), commitEvery, 2_000);
      } catch (DatastoreException e) {
        if (store != null) {
          store.close();
        }
        err.println("mailleaks: " + e.getMessage());
        return ExitCodes.INCOMPLETE;
      }
    }
    ProgressBar progress = !noProgress && System.console() != null ? new ProgressBar(err, totalBytes(paths)) : null;
    ScanListener listener = progress == null ? ScanListener.NONE : progress;
    ScanSummary summary;
    FailGate gate;
    try (OutputStream out = openOutput()) {
      gate = new FailGate(sink(out), baseline, threshold);
      summary = new ScanPipeline(options, listener, recorder).run(gate);
    } finally {
      if (progress != null) {
        progress.clear();
      }
      if (recorder != null) {
        recorder.close();
      }
      if (store != null) {
        store.close();
      }
    }
    if (recorder != null && recorder.inputsSkipped() > 0) {
      err.printf("mailleaks: %d input(s) unchanged since an earlier scan were not read again; their findings come from %s "
          + "(--rescan reads them)%n", recorder.inputsSkipped(), datastore);
    }
    if (gate.suppressed() > 0) {
      err.printf("mailleaks: %d finding(s) of secrets in the baseline left out%n", gate.suppressed());
    }
    if (summary.inputsUnopened() > 0 || strict && summary.errors() > 0) {
      return ExitCodes.INCOMPLETE;
    }
    return gate.failing() > 0 ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
  }

  /** The options that shape what a scan finds, recorded with it in the datastore. */
  private String recordedOptions(Limits limits) {
    return String.format(java.util.Locale.ROOT,
        "rules=%s show-secrets=%s max-depth=%d max-part-size=%dMB max-message-size=%dMB max-ratio=%s max-parts=%d part-timeout=%ds",
        ruleOptions.rules.isEmpty() ? "default" : String.join(",", ruleOptions.rules), showSecrets, limits.maxDepth(),
        maxPartMb, maxMessageMb, maxRatio, maxParts, partTimeoutSeconds);
  }

  private FindingSink sink(OutputStream out) throws IOException {
    return switch (format) {
      case JSON -> new JsonReport(out, ToolInfo.current());
      case JSONL -> new JsonlReport(out);
      case TEXT -> new TextReport(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false));
    };
  }

  /** The report file is created owner-only: even redacted reports say where secrets are. */
  private OutputStream openOutput() throws IOException {
    if (output == null) {
      OutputStream stdout = new WriterOutputStream(spec.commandLine().getOut());
      return new BufferedOutputStream(stdout, 1 << 16);
    }
    return OwnerOnlyFiles.create(output);
  }

  private static long totalBytes(List<Path> paths) {
    long total = 0;
    for (Path path : paths) {
      try (Stream<Path> walk = Files.walk(path)) {
        total += walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      } catch (IOException | RuntimeException e) {
        // the scan itself reports unreadable inputs
      }
    }
    return total;
  }
}
