package dev.mailleaks.source;

import java.util.ArrayList;
import java.util.List;

/** A {@link MailSink} that keeps what it receives, for tests. */
final class RecordingSink implements MailSink {
  final List<RawMessage> messages = new ArrayList<>();
  final List<ErrorRecord> errors = new ArrayList<>();

  @Override
  public void message(RawMessage message) {
    messages.add(message);
  }

  @Override
  public void error(ErrorRecord error) {
    errors.add(error);
  }

  void clear() {
    messages.clear();
    errors.clear();
  }
}
