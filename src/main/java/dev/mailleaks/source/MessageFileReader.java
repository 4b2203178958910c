package dev.mailleaks.source;

import java.io.IOException;
import java.io.InputStream;

/** A file that is one message (.eml, a Maildir or MH file): message 1 of its source. */
final class MessageFileReader implements MailboxReader {
  @Override
  public long read(InputStream in, String source, Limits limits, MailSink sink) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(limits.maxMessageBytes(), Integer.MAX_VALUE - 16));
    if (in.read() >= 0) {
      sink.error(ErrorRecord.messageTooLarge(source, 1, limits));
    }
    sink.message(new RawMessage(new MessageOrigin(source, 1, -1), bytes));
    return 1;
  }
}
