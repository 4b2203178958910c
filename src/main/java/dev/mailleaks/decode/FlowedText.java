package dev.mailleaks.decode;

/**
 * Undoes RFC 3676 {@code format=flowed}: a line that ends with a space continues on the next line of the same
 * quote depth, so a token wrapped by the sender's client becomes whole again.
 */
public final class FlowedText {
  private FlowedText() {}

  public static String unflow(String text, boolean delSp) {
    StringBuilder out = new StringBuilder(text.length());
    StringBuilder paragraph = null;
    int paragraphDepth = 0;
    for (String line : text.split("\r?\n", -1)) {
      int depth = 0;
      while (depth < line.length() && line.charAt(depth) == '>') depth++;
      String content = line.substring(depth);
      if (content.startsWith(" ")) {
        content = content.substring(1); // space-stuffing
      }
      boolean signature = content.equals("-- ");
      boolean soft = !signature && content.endsWith(" ");
      if (paragraph != null && depth != paragraphDepth) {
        flush(out, paragraph, paragraphDepth);
        paragraph = null;
      }
      if (paragraph == null) {
        paragraph = new StringBuilder();
        paragraphDepth = depth;
      }
      paragraph.append(soft && delSp ? content.substring(0, content.length() - 1) : content);
      if (!soft) {
        flush(out, paragraph, paragraphDepth);
        paragraph = null;
      }
    }
    if (paragraph != null) {
      flush(out, paragraph, paragraphDepth);
    }
    if (out.length() > 0) {
      out.setLength(out.length() - 1); // split() added a final empty line
    }
    return out.toString();
  }

  private static void flush(StringBuilder out, StringBuilder paragraph, int depth) {
    if (depth > 0) {
      out.append(">".repeat(depth)).append(' ');
    }
    out.append(paragraph).append('\n');
  }
}
