package dev.mailleaks.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link MboxSplitter}: every mbox variant mailleaks promises to read. */
class MboxSplitterTest {
  private static final String SEP1 = "From alice@example.com Mon Jan  1 10:00:00 2024\n";
  private static final String SEP2 = "From bob@example.com Tue Jan  2 11:30:00 2024\n";

  private final RecordingSink sink = new RecordingSink();
  private final List<RawMessage> messages = sink.messages;
  private final List<ErrorRecord> errors = sink.errors;

  private List<String> split(String mbox) throws IOException {
    return split(mbox.getBytes(StandardCharsets.ISO_8859_1), Limits.defaults());
  }

  private List<String> split(byte[] mbox, Limits limits) throws IOException {
    MboxSplitter.split(new ByteArrayInputStream(mbox), "test.mbox", limits, sink);
    return messages.stream().map(m -> new String(m.bytes(), StandardCharsets.ISO_8859_1)).toList();
  }

  @Nested
  class Separators {
    @Test
    void splitsAtSeparatorLinesAndDropsTheBlankLineBeforeThem() throws IOException {
      List<String> out = split(SEP1 + "Subject: one\n\nbody one\n\n" + SEP2 + "Subject: two\n\nbody two\n");
      assertThat(out).containsExactly("Subject: one\n\nbody one\n", "Subject: two\n\nbody two\n");
      assertThat(messages).extracting(m -> m.origin().index()).containsExactly(1L, 2L);
      assertThat(messages.get(0).origin().offset()).isZero();
      assertThat(messages.get(1).origin().offset()).isEqualTo((SEP1 + "Subject: one\n\nbody one\n\n").length());
    }

    @Test
    void aBodyLineStartingWithFromButWithoutADateIsNotASeparator() throws IOException {
      List<String> out = split(SEP1 + "Subject: one\n\nhello\n\nFrom the team: thanks\n");
      assertThat(out).containsExactly("Subject: one\n\nhello\n\nFrom the team: thanks\n");
    }

    @Test
    void aDatedFromLineNotAfterABlankLineSplitsOnlyIfHeadersFollow() throws IOException {
      String quoted = "From carol@example.com Wed Jan  3 09:00:00 2024\n";
      List<String> out = split(SEP1 + "Subject: one\n\nsee below\n" + quoted + "which was sent earlier\n");
      assertThat(out).hasSize(1);
      assertThat(out.get(0)).contains(quoted);

      messages.clear();
      out = split(SEP1 + "Subject: one\n\nno blank line\n" + SEP2 + "Subject: two\n\nbody\n");
      assertThat(out).containsExactly("Subject: one\n\nno blank line\n", "Subject: two\n\nbody\n");
    }

    @Test
    void recognisesTakeoutAndTimezoneSeparators() {
      assertThat(MboxSplitter.isSeparator("From 1784331234567890123@xxx Mon Jan 01 00:00:00 +0000 2024")).isTrue();
      assertThat(MboxSplitter.isSeparator("From MAILER-DAEMON Fri Jul  8 12:08:34 2011")).isTrue();
      assertThat(MboxSplitter.isSeparator("From here on we use the new server")).isFalse();
      // Eudora's .mbx writes a placeholder address.
      assertThat(MboxSplitter.isSeparator("From ???@??? Mon Jan 01 00:00:00 2024")).isTrue();
    }
  }

  @Nested
  class Quoting {
    @Test
    void removesOneQuotingLevelFromFromLines() throws IOException {
      List<String> out = split(SEP1 + "Subject: q\n\n>From the start\n>>From deeper\n>not from\n");
      assertThat(out).containsExactly("Subject: q\n\nFrom the start\n>From deeper\n>not from\n");
    }

    @Test
    void leavesHeadersAlone() throws IOException {
      List<String> out = split(SEP1 + ">From: odd\nSubject: q\n\nx\n");
      assertThat(out.get(0)).startsWith(">From: odd\n");
    }
  }

  @Nested
  class LineEnds {
    @Test
    void handlesCrlfFiles() throws IOException {
      String mbox = (SEP1 + "Subject: one\n\nbody\n\n" + SEP2 + "Subject: two\n\nbody2\n").replace("\n", "\r\n");
      List<String> out = split(mbox);
      assertThat(out).containsExactly("Subject: one\r\n\r\nbody\r\n", "Subject: two\r\n\r\nbody2\r\n");
    }
  }

  @Nested
  class ContentLength {
    @Test
    void trustsContentLengthOverFromLinesInTheBody() throws IOException {
      String body = "line\n" + SEP2 + "still the first message\n";
      String mbox = SEP1 + "Subject: cl\nContent-Length: " + body.length() + "\n\n" + body + "\n" + SEP2 + "Subject: two\n\nb\n";
      List<String> out = split(mbox);
      assertThat(out).hasSize(2);
      assertThat(out.get(0)).endsWith("still the first message\n");
      assertThat(out.get(1)).startsWith("Subject: two");
    }
  }

  @Nested
  class Limits_ {
    @Test
    void truncatesAMessageOverTheLimitAndRecordsIt() throws IOException {
      Limits small = new Limits(10, 64, 1 << 20, 100, 1000, java.time.Duration.ofSeconds(5));
      String big = "x".repeat(200) + "\n";
      List<String> out = split((SEP1 + "Subject: big\n\n" + big + "\n" + SEP2 + "Subject: ok\n\nb\n").getBytes(StandardCharsets.US_ASCII), small);
      assertThat(out).hasSize(2);
      assertThat(out.get(0)).hasSize(64);
      assertThat(out.get(1)).isEqualTo("Subject: ok\n\nb\n");
      assertThat(errors).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo(ErrorKind.LIMIT_SIZE);
        assertThat(e.messageIndex()).isEqualTo(1);
      });
    }

    @Test
    void streamsWithoutHoldingTheArchive() throws IOException {
      // 50,000 messages through a counting sink: only one message is ever buffered.
      long[] count = {0};
      InputStream endless = new InputStream() {
        final byte[] message = (SEP1 + "Subject: s\n\nbody\n\n").getBytes(StandardCharsets.US_ASCII);
        long pos;
        final long total = message.length * 50_000L;

        @Override
        public int read() {
          return pos < total ? message[(int) (pos++ % message.length)] : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
          if (pos >= total) return -1;
          int n = (int) Math.min(len, total - pos);
          for (int i = 0; i < n; i++) b[off + i] = message[(int) (pos++ % message.length)];
          return n;
        }
      };
      MboxSplitter.split(endless, "big.mbox", Limits.defaults(), new MailSink() {
        @Override
        public void message(RawMessage message) {
          count[0]++;
        }

        @Override
        public void error(ErrorRecord error) {}
      });
      assertThat(count[0]).isEqualTo(50_000);
    }
  }
}
