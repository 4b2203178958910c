package dev.mailleaks.scan;

import dev.mailleaks.decode.PartDecoder;
import dev.mailleaks.decode.TextUnit;
import dev.mailleaks.extract.MessageExtractor;
import dev.mailleaks.extract.MessageHeaders;
import dev.mailleaks.extract.PartContent;
import dev.mailleaks.extract.PartSink;
import dev.mailleaks.findings.FindingAssembler;
import dev.mailleaks.match.Match;
import dev.mailleaks.match.SecretMatcher;
import dev.mailleaks.source.ErrorKind;
import dev.mailleaks.source.ErrorRecord;
import dev.mailleaks.source.MessageOrigin;
import dev.mailleaks.source.RawMessage;
import java.util.ArrayList;
import java.util.List;

/** Scans one message: extract its parts, decode each to text, match rules, and assemble findings. */
final class MessageScanner {
  private final MessageExtractor extractor;
  private final SecretMatcher matcher;
  private final boolean showSecrets;

  MessageScanner(MessageExtractor extractor, SecretMatcher matcher, boolean showSecrets) {
    this.extractor = extractor;
    this.matcher = matcher;
    this.showSecrets = showSecrets;
  }

  MessageResult scan(RawMessage message) {
    MessageOrigin origin = message.origin();
    FindingAssembler assembler = new FindingAssembler(showSecrets);
    Collector collector = new Collector(origin, assembler);
    MessageHeaders headers = MessageHeaders.NONE;
    try {
      headers = extractor.extract(message.bytes(), collector);
    } catch (RuntimeException | StackOverflowError e) {
      // A defect or a pathological message must cost only this message, and not what was already found in it.
      collector.problem(collector.lastPart, ErrorKind.CORRUPT_MESSAGE, "unexpected " + e.getClass().getSimpleName());
    }
    return MessageResult.message(assembler.findings(origin, headers), collector.errors, collector.parts, collector.skipped);
  }

  private final class Collector implements PartSink {
    private final MessageOrigin origin;
    private final FindingAssembler assembler;
    private final List<ErrorRecord> errors = new ArrayList<>();
    private int parts;
    private final java.util.Map<String, Integer> skipped = new java.util.TreeMap<>();
    private String lastPart = "";

    Collector(MessageOrigin origin, FindingAssembler assembler) {
      this.origin = origin;
      this.assembler = assembler;
    }

    @Override
    public void content(PartContent content) {
      if (!content.path().endsWith("headers")) {
        parts++;
      }
      lastPart = content.path();
      TextUnit unit = PartDecoder.decode(content);
      List<Match> matches = matcher.find(unit.text());
      if (!matches.isEmpty()) {
        assembler.add(unit, matches);
      }
    }

    @Override
    public void problem(String part, ErrorKind kind, String reason) {
      errors.add(new ErrorRecord(origin.source(), origin.index(), part, kind, reason));
    }

    @Override
    public void skipped(String part, String reason) {
      skipped.merge(reason, 1, Integer::sum);
    }
  }
}
