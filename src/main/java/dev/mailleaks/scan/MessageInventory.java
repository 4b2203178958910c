package dev.mailleaks.scan;

import dev.mailleaks.extract.MessageExtractor;
import dev.mailleaks.extract.MessageHeaders;
import dev.mailleaks.extract.TikaDocumentExtractor;
import dev.mailleaks.findings.Redactor;
import dev.mailleaks.match.Match;
import dev.mailleaks.match.SecretMatcher;
import dev.mailleaks.rules.RuleSet;
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
 * Lists the messages the sources read, with their headers (secrets in them redacted), without scanning them: what a responder checks first
 * ("did it read every folder of this PST?"), and what reference readers are compared with.
 */
public final class MessageInventory {
  private final Limits limits;
  private final SecretMatcher matcher;

  /** @param rules find the secrets that a header field may carry, so that the listing never shows them */
  public MessageInventory(Limits limits, RuleSet rules) {
    this.limits = limits;
    this.matcher = new SecretMatcher(rules);
  }

  /** A Subject such as "password: …" must not carry the secret into the listing. */
  private String scrub(String field) {
    List<Match> matches = field.isEmpty() ? List.of() : matcher.find(field);
    return matches.isEmpty() ? field : Redactor.scrub(field, matches.stream().map(Match::secret).toList());
  }

  /** Calls {@code messages} for each message in input order and {@code errors} for what could not be read. */
  public long list(List<Path> paths, BiConsumer<MessageOrigin, MessageHeaders> messages, Consumer<ErrorRecord> errors) {
    MessageExtractor extractor = new MessageExtractor(limits, new TikaDocumentExtractor(limits.partTimeout(), 0));
    return new InputWalker(limits, new MailSink() {
      @Override
      public void message(RawMessage message) {
        MessageHeaders h = extractor.headers(message.bytes());
        messages.accept(message.origin(), new MessageHeaders(h.messageId(), scrub(h.from()), scrub(h.sender()),
            scrub(h.replyTo()), scrub(h.to()), scrub(h.cc()), h.date(), scrub(h.subject())));
      }

      @Override
      public void error(ErrorRecord error) {
        errors.accept(error);
      }
    }).walk(paths);
  }
}
