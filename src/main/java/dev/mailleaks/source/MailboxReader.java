package dev.mailleaks.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the messages of one kind of mail store from a stream, in order, handing each to the sink. The seam
 * for further formats: {@link InputWalker} picks the reader by the format it sniffed.
 */
public interface MailboxReader {
  /**
   * @param source the display name of the stream, used in every message origin and error record
   * @return how many messages were read
   */
  long read(InputStream in, String source, Limits limits, MailSink sink) throws IOException;
}
