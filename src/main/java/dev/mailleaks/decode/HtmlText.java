package dev.mailleaks.decode;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * HTML to scannable text: the visible text with entities decoded and block elements on lines of their own, and
 * the values of attributes people write in (link targets, form values, titles) inline where they occur, since a
 * URL with {@code user:password@} hides in an {@code href}.
 *
 * <p>A single pass over the markup rather than a DOM: mail HTML (Outlook's above all) is dense with markup, and
 * building a tree for it ran at 15–25 MB/s, a fifth of the rest of the scan. Named entities come from jsoup's
 * HTML5 table.
 */
public final class HtmlText {
  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote",
      "section", "article", "header", "footer", "hr", "dt", "dd", "title", "form", "tbody", "thead", "body");
  private static final Set<String> CELLS = Set.of("td", "th");
  private static final Set<String> RAW_TEXT = Set.of("script", "style");
  private static final Set<String> WRITTEN_ATTRIBUTES = Set.of(
      "href", "src", "action", "value", "content", "title", "alt", "placeholder", "cite", "background",
      "formaction", "poster", "label", "data");

  private final String html;
  private final StringBuilder out;
  private int pos;
  private int preDepth;

  private HtmlText(String html) {
    this.html = html;
    this.out = new StringBuilder(html.length() / 2);
  }

  public static String render(String html) {
    HtmlText renderer = new HtmlText(html);
    renderer.run();
    return renderer.out.toString();
  }

  private void run() {
    int n = html.length();
    while (pos < n) {
      int lt = html.indexOf('<', pos);
      int textEnd = lt < 0 ? n : lt;
      if (textEnd > pos) {
        text(html.substring(pos, textEnd));
      }
      if (lt < 0) {
        break;
      }
      pos = lt;
      markup();
    }
  }

  /** At a '<': a comment, a declaration, a tag, or a literal '<' in text. */
  private void markup() {
    if (html.startsWith("<!--", pos)) {
      int end = html.indexOf("-->", pos + 4);
      pos = end < 0 ? html.length() : end + 3;
      return;
    }
    char next = pos + 1 < html.length() ? html.charAt(pos + 1) : ' ';
    if (next == '!' || next == '?') {
      skipPast('>');
      return;
    }
    boolean closing = next == '/';
    int nameStart = pos + (closing ? 2 : 1);
    int nameEnd = nameStart;
    while (nameEnd < html.length() && isNameChar(html.charAt(nameEnd))) {
      nameEnd++;
    }
    if (nameEnd == nameStart) {
      text("<"); // not a tag: "a < b"
      pos++;
      return;
    }
    String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
    pos = nameEnd;
    boolean selfClosing = attributes(closing || name.equals("meta")); // a meta tag's values are the page's, not a person's
    if (BLOCKS.contains(name)) {
      newline();
    } else if (CELLS.contains(name) && !closing) {
      out.append('\t');
    }
    if (name.equals("pre")) {
      preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
    }
    if (!closing && !selfClosing && RAW_TEXT.contains(name)) {
      int end = indexOfIgnoreCase("</" + name, pos);
      pos = end < 0 ? html.length() : end;
    }
  }

  /**
   * Reads attributes up to the tag's '>', writing the values people write in unless {@code silent}; true if the
   * tag self-closes.
   */
  private boolean attributes(boolean silent) {
    int n = html.length();
    boolean selfClosing = false;
    while (pos < n) {
      char c = html.charAt(pos);
      if (c == '>') {
        pos++;
        return selfClosing;
      }
      if (c == '/') {
        selfClosing = true;
        pos++;
        continue;
      }
      if (Character.isWhitespace(c)) {
        pos++;
        continue;
      }
      selfClosing = false;
      int keyStart = pos;
      while (pos < n && !Character.isWhitespace(html.charAt(pos)) && "=>/".indexOf(html.charAt(pos)) < 0) {
        pos++;
      }
      String key = html.substring(keyStart, pos).toLowerCase(Locale.ROOT);
      while (pos < n && Character.isWhitespace(html.charAt(pos))) {
        pos++;
      }
      if (pos >= n || html.charAt(pos) != '=') {
        continue; // an attribute without a value
      }
      pos++;
      while (pos < n && Character.isWhitespace(html.charAt(pos))) {
        pos++;
      }
      String value = attributeValue();
      if (!silent && !value.isBlank() && (WRITTEN_ATTRIBUTES.contains(key) || key.startsWith("data-"))) {
        out.append(' ').append(decode(value, true).strip()).append(' ');
      }
    }
    return selfClosing;
  }

  private String attributeValue() {
    int n = html.length();
    if (pos < n && (html.charAt(pos) == '"' || html.charAt(pos) == '\'')) {
      char quote = html.charAt(pos);
      int end = html.indexOf(quote, pos + 1);
      String value = html.substring(pos + 1, end < 0 ? n : end);
      pos = end < 0 ? n : end + 1;
      return value;
    }
    int start = pos;
    while (pos < n && !Character.isWhitespace(html.charAt(pos)) && html.charAt(pos) != '>') {
      pos++;
    }
    return html.substring(start, pos);
  }

  /** Appends text, with white space collapsed as a browser shows it (but kept inside {@code pre}). */
  private void text(String raw) {
    String value = decode(raw, false);
    if (preDepth > 0) {
      out.append(value);
      return;
    }
    boolean space = false;
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        space = true;
      } else {
        if (space && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
          out.append(' ');
        }
        space = false;
        out.append(c);
      }
    }
    if (space && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append(' ');
    }
  }

  private void newline() {
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') end--;
    out.setLength(end);
    if (end > 0 && out.charAt(end - 1) != '\n') {
      out.append('\n');
    }
  }

  /**
   * Decodes character references: {@code &#64;}, {@code &#x40;} and named ones from jsoup's HTML5 table. A
   * reference without its ';' is decoded in text (as browsers do for the common ones) but not in attributes,
   * where {@code &b=2} in a URL is not an entity.
   */
  static String decode(String text, boolean inAttribute) {
    int amp = text.indexOf('&');
    if (amp < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int pos = 0;
    while (amp >= 0) {
      out.append(text, pos, amp);
      int end = amp + 1;
      String decoded = null;
      if (end < text.length() && text.charAt(end) == '#') {
        boolean hex = end + 1 < text.length() && (text.charAt(end + 1) == 'x' || text.charAt(end + 1) == 'X');
        int digits = end + (hex ? 2 : 1);
        int stop = digits;
        while (stop < text.length() && stop - digits < 8 && Character.digit(text.charAt(stop), hex ? 16 : 10) >= 0) stop++;
        if (stop > digits) {
          int codePoint = Integer.parseInt(text.substring(digits, stop), hex ? 16 : 10);
          if (Character.isValidCodePoint(codePoint) && codePoint != 0) {
            decoded = new String(Character.toChars(codePoint));
            end = stop < text.length() && text.charAt(stop) == ';' ? stop + 1 : stop;
          }
        }
      } else {
        int stop = end;
        while (stop < text.length() && stop - end < 32 && Character.isLetterOrDigit(text.charAt(stop))) stop++;
        boolean terminated = stop < text.length() && text.charAt(stop) == ';';
        if (stop > end && (terminated || !inAttribute)) {
          String name = text.substring(end, stop);
          if (terminated ? Entities.isNamedEntity(name) : Entities.isBaseNamedEntity(name)) {
            decoded = Entities.getByName(name);
            end = terminated ? stop + 1 : stop;
          }
        }
      }
      if (decoded == null) {
        out.append('&');
        pos = amp + 1;
      } else {
        out.append(decoded);
        pos = end;
      }
      amp = text.indexOf('&', pos);
    }
    return out.append(text, pos, text.length()).toString();
  }

  private void skipPast(char c) {
    int end = html.indexOf(c, pos);
    pos = end < 0 ? html.length() : end + 1;
  }

  private int indexOfIgnoreCase(String needle, int from) {
    for (int i = html.indexOf('<', from); i >= 0; i = html.indexOf('<', i + 1)) {
      if (html.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isNameChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == ':' || c == '-' || c == '_');
  }
}
