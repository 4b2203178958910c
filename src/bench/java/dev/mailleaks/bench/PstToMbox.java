package dev.mailleaks.bench;

import dev.mailleaks.source.ErrorRecord;
import dev.mailleaks.source.Limits;
import dev.mailleaks.source.MailSink;
import dev.mailleaks.source.PstReader;
import dev.mailleaks.source.RawMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the messages mailleaks makes from a PST into an mboxrd file: exactly the mail a scan of the PST
 * scans, so that scanning this mbox against scanning the PST measures what reading the store costs.
 *
 * <pre>java -cp target/benchmarks.jar dev.mailleaks.bench.PstToMbox STORE.pst OUT.mbox</pre>
 */
public final class PstToMbox {
  private PstToMbox() {}

  public static void main(String[] args) throws IOException {
    Path pst = Path.of(args[0]);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])))) {
      long count = PstReader.read(pst, pst.toString(), Limits.defaults(), new MailSink() {
        @Override
        public void message(RawMessage message) {
          try {
            out.write("From mailleaks@pst Mon Jan  1 00:00:00 2024\n".getBytes(StandardCharsets.US_ASCII));
            out.write(quoteFromLines(message.bytes()));
            out.write("\n\n".getBytes(StandardCharsets.US_ASCII));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        public void error(ErrorRecord error) {
          System.err.println(error);
        }
      });
      System.err.println(count + " messages");
    }
  }

  /** mboxrd: every line that starts with '>'* then "From " gets one more '>'. */
  private static byte[] quoteFromLines(byte[] message) {
    String text = new String(message, StandardCharsets.ISO_8859_1);
    return text.replaceAll("(?m)^(>*From )", ">$1").getBytes(StandardCharsets.ISO_8859_1);
  }
}
