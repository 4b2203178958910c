package dev.mailleaks.decode;

import dev.mailleaks.extract.PartContent;
import dev.mailleaks.extract.PartContent.ExtractedText;
import dev.mailleaks.extract.PartContent.RawText;

/** Turns an extracted part into the text that rules are matched against. */
public final class PartDecoder {
  private PartDecoder() {}

  public static TextUnit decode(PartContent content) {
    if (content instanceof ExtractedText extracted) {
      return new TextUnit(extracted.path(), TerminalEscapes.strip(extracted.text()));
    }
    RawText raw = (RawText) content;
    String text = TextDecoder.decode(raw.bytes(), raw.charset());
    String rendered = switch (raw.format()) {
      case PLAIN -> text;
      case FLOWED -> FlowedText.unflow(text, false);
      case FLOWED_DELSP -> FlowedText.unflow(text, true);
      case HTML -> HtmlText.render(text);
      case FOLDED -> FoldedLines.unfold(text);
    };
    return new TextUnit(raw.path(), TerminalEscapes.strip(rendered));
  }
}
