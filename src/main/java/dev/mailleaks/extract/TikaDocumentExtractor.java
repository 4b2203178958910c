package dev.mailleaks.extract;

import dev.mailleaks.source.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Document text through Apache Tika; the only class that imports Tika.
 *
 * <p>The parser is created once, on first use, since that costs about half a second and most mail has no
 * attachment that needs it. Each parse runs on a helper thread so that a parser that hangs is abandoned after
 * the per-part timeout instead of stalling the scan; the write limit applies per document, not per container.
 */
public final class TikaDocumentExtractor implements DocumentExtractor {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`");

  private final Duration timeout;
  private final int maxChars;
  private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "tika-" + THREADS.incrementAndGet());
    thread.setDaemon(true); // a hung parser must not keep the JVM alive
    return thread;
  });
  private volatile Parser parser;

  public TikaDocumentExtractor(Duration timeout, int maxChars) {
    this.timeout = timeout;
    this.maxChars = maxChars;
  }

  @Override
  public String extract(byte[] document, String name, String declaredType) throws ExtractionException {
    Future<String> future = executor.submit(() -> parse(document, name, declaredType));
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ExtractionException(ErrorKind.TIMEOUT, "extraction took longer than " + seconds(timeout));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ExtractionException(ErrorKind.TIMEOUT, "interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof EncryptedDocumentException) {
        throw new ExtractionException(ErrorKind.PARSER_ERROR, "encrypted document (password-protected)");
      }
      throw new ExtractionException(ErrorKind.PARSER_ERROR, describe(cause));
    }
  }

  private String parse(byte[] document, String name, String declaredType) throws Exception {
    Metadata metadata = new Metadata();
    if (name != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    if (declaredType != null && !declaredType.equals("application/octet-stream")) {
      metadata.set(Metadata.CONTENT_TYPE, declaredType);
    }
    Parser p = parser();
    ParseContext context = new ParseContext();
    context.set(Parser.class, p); // documents embedded in documents are parsed too, inline
    BodyContentHandler handler = new BodyContentHandler(maxChars);
    try (InputStream in = TikaInputStream.get(document)) {
      p.parse(in, handler, metadata, context);
    } catch (Exception e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw e;
      }
      // Past the write limit: keep the text extracted so far.
    }
    return handler.toString();
  }

  private Parser parser() {
    Parser p = parser;
    if (p == null) {
      synchronized (this) {
        if (parser == null) {
          parser = new AutoDetectParser();
        }
        p = parser;
      }
    }
    return p;
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }

  private static String describe(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    String what = root.getClass().getSimpleName();
    if (message == null || message.isBlank()) {
      return what;
    }
    // Parser messages can quote document content, which may be a secret: keep a short first line, without
    // anything quoted in it.
    String line = QUOTED.matcher(message.lines().findFirst().orElse("")).replaceAll("'…'");
    return what + ": " + (line.length() > 120 ? line.substring(0, 120) + "…" : line);
  }

  /** Stops the helper threads; a hung parser thread is abandoned (it is a daemon). */
  public void close() {
    executor.shutdownNow();
  }
}
