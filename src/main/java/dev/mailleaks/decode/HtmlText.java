package dev.mailleaks.decode;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to scannable text: the visible text with entities decoded and block elements on lines of their own, and
 * the values of attributes people write in (link targets, form values, titles) inline where they occur, since a
 * URL with {@code user:password@} hides in an {@code href}.
 */
public final class HtmlText {
  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote",
      "section", "article", "header", "footer", "hr", "dt", "dd", "title", "form", "tbody", "thead");
  private static final Set<String> CELLS = Set.of("td", "th");
  private static final Set<String> SKIPPED = Set.of("script", "style", "head");
  private static final Set<String> WRITTEN_ATTRIBUTES = Set.of(
      "href", "src", "action", "value", "content", "title", "alt", "placeholder", "cite", "background",
      "formaction", "poster", "label", "data");

  private HtmlText() {}

  public static String render(String html) {
    StringBuilder out = new StringBuilder(html.length() / 2);
    Element body = Jsoup.parse(html);
    NodeTraversor.traverse(new Renderer(out), body);
    return out.toString();
  }

  private static final class Renderer implements NodeVisitor {
    private final StringBuilder out;
    private int preDepth;
    private int skipDepth;

    Renderer(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode text) {
        if (skipDepth > 0) {
          return;
        }
        String value = text.getWholeText();
        if (preDepth > 0) {
          out.append(value);
        } else {
          appendCollapsed(out, value);
        }
      } else if (node instanceof Element element) {
        String tag = element.normalName();
        if (SKIPPED.contains(tag) && !tag.equals("head")) {
          skipDepth++;
        }
        if (tag.equals("pre")) preDepth++;
        if (BLOCKS.contains(tag)) newline();
        if (CELLS.contains(tag)) out.append('\t');
        for (Attribute attribute : element.attributes()) {
          String key = attribute.getKey().toLowerCase(Locale.ROOT);
          String value = attribute.getValue();
          if (!value.isBlank() && (WRITTEN_ATTRIBUTES.contains(key) || key.startsWith("data-"))) {
            out.append(' ').append(value.strip()).append(' ');
          }
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element) {
        String tag = element.normalName();
        if (SKIPPED.contains(tag) && !tag.equals("head")) {
          skipDepth--;
        }
        if (tag.equals("pre")) preDepth--;
        if (BLOCKS.contains(tag) && !tag.equals("br")) newline();
      }
    }

    /** Appends text with each run of white space (including no-break spaces) as one space, as a browser shows it. */
    private static void appendCollapsed(StringBuilder out, String value) {
      boolean space = false;
      for (int i = 0, n = value.length(); i < n; i++) {
        char c = value.charAt(i);
        if (Character.isWhitespace(c) || c == '\u00a0') {
          space = true;
        } else {
          if (space) out.append(' ');
          space = false;
          out.append(c);
        }
      }
      if (space) out.append(' ');
    }

    private void newline() {
      int end = out.length();
      while (end > 0 && out.charAt(end - 1) == ' ') end--;
      out.setLength(end);
      if (end > 0 && out.charAt(end - 1) != '\n') {
        out.append('\n');
      }
    }
  }
}
