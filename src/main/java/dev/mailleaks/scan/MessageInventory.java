package dev.mailleaks.scan;

import dev.mailleaks.extract.MessageExtractor;
import dev.mailleaks.extract.MessageHeaders;
import dev.mailleaks.extract.TikaDocumentExtractor;
import dev.mailleaks.source.ErrorRecord;
import dev.mailleaks.source.InputWalker;
import dev.mailleaks.source.Limits;
import dev.mailleaks.source.MailSink;
import dev.mailleaks.source.MessageOrigin;
import dev.mailleaks.source.RawMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Lists the messages the sources read, with their headers, without scanning them: what a responder checks first
 * ("did it read every folder of this PST?"), and what reference readers are compared with.
 */
public final class MessageInventory {
  private final Limits limits;

  public MessageInventory(Limits limits) {
    this.limits = limits;
  }

  /** Calls {@code messages} for each message in input order and {@code errors} for what could not be read. */
  public long list(List<Path> paths, BiConsumer<MessageOrigin, MessageHeaders> messages, Consumer<ErrorRecord> errors) {
    MessageExtractor extractor = new MessageExtractor(limits, new TikaDocumentExtractor(limits.partTimeout(), 0));
    return new InputWalker(limits, new MailSink() {
      @Override
      public void message(RawMessage message) {
        messages.accept(message.origin(), extractor.headers(message.bytes()));
      }

      @Override
      public void error(ErrorRecord error) {
        errors.accept(error);
      }
    }).walk(paths);
  }
}
