package dev.mailleaks.scan;

import dev.mailleaks.extract.MessageExtractor;
import dev.mailleaks.extract.TikaDocumentExtractor;
import dev.mailleaks.findings.Finding;
import dev.mailleaks.findings.FindingSink;
import dev.mailleaks.findings.ScanSummary;
import dev.mailleaks.match.SecretMatcher;
import dev.mailleaks.source.ErrorKind;
import dev.mailleaks.source.ErrorRecord;
import dev.mailleaks.source.InputWalker;
import dev.mailleaks.source.MailSink;
import dev.mailleaks.source.RawMessage;
import dev.mailleaks.store.InputPlan;
import dev.mailleaks.store.RecordedStep;
import dev.mailleaks.store.ScanRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wires the stages in order: the caller's thread walks the inputs and splits them into messages (source);
 * worker threads extract, decode and match each message; results reach the {@link FindingSink} in input order
 * whatever the thread count. Memory is bounded: at most {@link #QUEUED_BYTES} of raw messages wait for a
 * worker, and at most {@link #PENDING_RESULTS} results wait for an earlier one to finish.
 */
public final class ScanPipeline {
  static final long QUEUED_BYTES = 64L << 20;
  static final int PENDING_RESULTS = 4096;

  private final ScanOptions options;
  private final ScanListener listener;
  private final ScanRecorder recorder;

  /** @param recorder the datastore recording this scan, or null to record nothing */
  public ScanPipeline(ScanOptions options, ScanListener listener, ScanRecorder recorder) {
    this.options = options;
    this.listener = listener;
    this.recorder = recorder;
  }

  public ScanPipeline(ScanOptions options, ScanListener listener) {
    this(options, listener, null);
  }

  public ScanSummary run(FindingSink sink) throws IOException {
    long started = System.nanoTime();
    TikaDocumentExtractor documents = new TikaDocumentExtractor(options.limits().partTimeout(), 32 << 20);
    MessageExtractor extractor = new MessageExtractor(options.limits(), documents);
    MessageScanner scanner = new MessageScanner(extractor, new SecretMatcher(options.rules()), options.showSecrets());
    AtomicInteger threadIds = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(options.threads(), task -> {
      Thread thread = new Thread(task, "scan-" + threadIds.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    Sequencer sequencer = new Sequencer(sink);
    Semaphore queuedKib = new Semaphore((int) (QUEUED_BYTES >> 10));
    Semaphore pending = new Semaphore(PENDING_RESULTS);
    long unopened;
    try {
      InputWalker walker = new InputWalker(options.limits(), new MailSink() {
        private long bytes;
        private long stepsToSkip; // steps of a resumed input that an earlier, interrupted scan recorded
        private String hash;

        /** False for a step the datastore already holds (it is then neither scanned nor recorded again). */
        private boolean scanStep() {
          if (stepsToSkip > 0) {
            stepsToSkip--;
            return false;
          }
          return true;
        }

        @Override
        public boolean beginInput(java.nio.file.Path file) {
          stepsToSkip = 0;
          hash = null;
          if (recorder == null) {
            return true;
          }
          InputPlan plan;
          List<RecordedStep> recorded;
          try {
            plan = recorder.plan(file, file.toString(), options.rescan());
            recorded = plan instanceof InputPlan.Fresh ? List.of() : recorder.recorded(plan);
          } catch (java.sql.SQLException | IOException e) {
            throw new UncheckedIOException(new IOException("datastore: " + e.getMessage(), e));
          }
          emit(MessageResult.inputBegin(plan));
          InputPlan.Counts counts = plan instanceof InputPlan.Unchanged u ? u.counts()
              : plan instanceof InputPlan.Resume r ? r.counts() : null;
          if (counts != null) {
            emit(MessageResult.recorded(List.of(), List.of(), counts.messages(), counts.parts(), counts.skipped()));
            for (RecordedStep step : recorded) {
              emit(MessageResult.recorded(step.findings(), step.errors(), 0, 0, Map.of()));
            }
          }
          if (plan instanceof InputPlan.Unchanged) {
            emit(MessageResult.inputDone(null));
            return false;
          }
          if (plan instanceof InputPlan.Resume r) {
            stepsToSkip = r.committedSteps();
          }
          return true;
        }

        private void emit(MessageResult result) {
          acquire(pending, 1);
          sequencer.complete(sequencer.reserve(), result, pending);
        }

        @Override
        public void message(RawMessage message) {
          if (!scanStep()) {
            return;
          }
          long seq = sequencer.reserve();
          int kib = (int) Math.min(QUEUED_BYTES >> 10, Math.max(1, message.bytes().length >> 10));
          acquire(pending, 1);
          acquire(queuedKib, kib);
          workers.execute(() -> {
            MessageResult result;
            try {
              result = scanner.scan(message);
            } catch (Throwable t) {
              // Never leave a hole in the sequence: the scan would wait for this result forever.
              result = MessageResult.ofError(new ErrorRecord(message.origin().source(), message.origin().index(), "",
                  ErrorKind.CORRUPT_MESSAGE, "internal error: " + t.getClass().getSimpleName()));
            } finally {
              queuedKib.release(kib);
            }
            sequencer.complete(seq, result, pending);
          });
        }

        @Override
        public void error(ErrorRecord error) {
          if (scanStep()) {
            emit(MessageResult.ofError(error));
          }
        }

        @Override
        public void skipped(String source, String reason) {
          if (scanStep()) {
            emit(MessageResult.skippedInput(reason));
          }
        }

        @Override
        public void inputHash(String source, String sha256) {
          hash = sha256;
        }

        @Override
        public void inputDone(String source) {
          emit(MessageResult.inputDone(hash));
        }

        @Override
        public void bytesRead(long count) {
          bytes += count;
          sequencer.bytes = bytes;
          listener.bytesRead(bytes);
        }
      });
      unopened = walker.walk(options.paths());
      workers.shutdown();
      while (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
        sequencer.rethrow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("scan interrupted", e);
    } finally {
      workers.shutdownNow();
      documents.close();
    }
    sequencer.rethrow();
    ScanSummary summary = sequencer.summary(unopened, Duration.ofNanos(System.nanoTime() - started));
    if (recorder != null) {
      try {
        recorder.finish(summary);
      } catch (java.sql.SQLException e) {
        throw new IOException("datastore: " + e.getMessage(), e);
      }
    }
    sink.end(summary);
    return summary;
  }

  private static void acquire(Semaphore semaphore, int permits) {
    try {
      semaphore.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scan interrupted", e);
    }
  }

  /** Puts results back in reservation order and hands them to the sink; keeps the counts. */
  private final class Sequencer {
    private final FindingSink sink;
    private final Map<Long, MessageResult> waiting = new HashMap<>();
    private long nextReserved;
    private long nextEmitted;
    private volatile long bytes;
    private long inputs;
    private long messages;
    private long parts;
    private final Map<String, Long> skippedByReason = new TreeMap<>();
    private long errors;
    private long findings;
    private final Map<ErrorKind, Long> errorsByKind = new EnumMap<>(ErrorKind.class);
    private final Map<String, Long> findingsByRule = new TreeMap<>();
    private final List<ErrorRecord> errorRecords = new ArrayList<>();
    private IOException failure;

    Sequencer(FindingSink sink) {
      this.sink = sink;
    }

    /** Called only from the reading thread. */
    long reserve() {
      return nextReserved++;
    }

    synchronized void complete(long seq, MessageResult result, Semaphore pending) {
      waiting.put(seq, result);
      MessageResult next;
      while ((next = waiting.remove(nextEmitted)) != null) {
        nextEmitted++;
        pending.release();
        emit(next);
      }
    }

    private void emit(MessageResult result) {
      messages += result.messages();
      if (result.kind() == MessageResult.Kind.INPUT_DONE) {
        inputs++;
      }
      parts += result.parts();
      result.skipped().forEach((reason, n) -> skippedByReason.merge(reason, (long) n, Long::sum));
      if (failure != null) {
        return;
      }
      try {
        record(result);
        for (ErrorRecord error : result.errors()) {
          // A file that is not mail is skipped, with its reason on record; it is not a failure to read.
          if (error.kind() == ErrorKind.UNSUPPORTED_INPUT) {
            skippedByReason.merge("unsupported input", 1L, Long::sum);
          } else {
            errors++;
          }
          errorsByKind.merge(error.kind(), 1L, Long::sum);
          if (errorRecords.size() < options.maxErrorRecords()) {
            errorRecords.add(error);
          }
          sink.error(error);
        }
        for (Finding finding : result.findings()) {
          findings++;
          findingsByRule.merge(finding.ruleId(), 1L, Long::sum);
          sink.finding(finding);
        }
      } catch (IOException e) {
        failure = e;
      } catch (java.sql.SQLException e) {
        failure = new IOException("datastore: " + e.getMessage(), e);
      }
      if (result.kind() == MessageResult.Kind.MESSAGE) {
        listener.messageDone(messages, findings);
      }
    }

    /** Live results go to the datastore in the order they are reported; recorded ones are there already. */
    private void record(MessageResult result) throws java.sql.SQLException {
      if (recorder == null) {
        return;
      }
      switch (result.kind()) {
        case INPUT_BEGIN -> recorder.begin(result.plan());
        case MESSAGE, ERROR, INPUT_SKIPPED -> recorder.step(result.findings(), result.errors(), result.messages(),
            (int) result.parts(), result.skipped());
        case INPUT_DONE -> {
          recorder.hash(result.hash());
          recorder.done();
        }
        case RECORDED -> { }
      }
    }

    synchronized void rethrow() throws IOException {
      if (failure != null) {
        throw new IOException("cannot write results: " + failure.getMessage(), failure);
      }
    }

    synchronized ScanSummary summary(long unopened, Duration elapsed) {
      if (!waiting.isEmpty()) {
        throw new UncheckedIOException(new IOException("internal error: " + waiting.size() + " results never emitted"));
      }
      long skipped = skippedByReason.values().stream().mapToLong(Long::longValue).sum();
      return new ScanSummary(inputs, messages, parts, bytes, skipped, skippedByReason, errors, errorsByKind, errorRecords, findings,
          findingsByRule, unopened, elapsed, options.rules().version(), options.rules().rules().size());
    }
  }
}
