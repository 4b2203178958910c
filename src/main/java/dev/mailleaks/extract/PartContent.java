package dev.mailleaks.extract;

/** What one part (or attachment, or container entry) of a message yields for scanning. */
public sealed interface PartContent {
  /** The part path, e.g. {@code 2.1/report.zip!config/.env}. */
  String path();

  /** Bytes of text still to be decoded: charset, and the text format that says how. */
  record RawText(String path, byte[] bytes, String charset, TextFormat format) implements PartContent {}

  /** Text already extracted (headers, or a document's text from Tika). */
  record ExtractedText(String path, String text) implements PartContent {}

  /** How raw text is laid out. */
  enum TextFormat {
    PLAIN,
    /** RFC 3676 format=flowed. */
    FLOWED,
    /** RFC 3676 format=flowed with DelSp=yes. */
    FLOWED_DELSP,
    HTML,
    /** iCalendar/vCard, whose long lines are folded. */
    FOLDED
  }
}
