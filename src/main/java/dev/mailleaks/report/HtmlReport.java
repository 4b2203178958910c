package dev.mailleaks.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.mailleaks.store.StoredScan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * One self-contained HTML page for people: summary counts, charts (secrets by provider and by customer,
 * occurrences by month) and a sortable, filterable table of secrets whose rows open onto their occurrences. The
 * page loads nothing: its style and script are inline and allowed by hash in a Content-Security-Policy that
 * forbids everything else. The data is a JSON block with every {@code <}, {@code >} and {@code &} escaped, and the
 * script puts values on the page as text only, since mail headers are written by whoever sent the mail. Secrets
 * are always redacted here: a page is too easily passed around.
 */
final class HtmlReport implements StoreReport {
  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  @Override
  public void write(StoreSnapshot snapshot, OutputStream out) throws IOException {
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src '")
        .append(sha256(JS)).append("'; style-src '").append(sha256(CSS))
        .append("'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>mailleaks report</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<header>\n<h1>Secrets found in mail</h1>\n<p class=\"meta\">")
        .append(escape(scanLine(snapshot))).append(" Secrets are shown redacted.</p>\n</header>\n<main>\n")
        .append("<section class=\"cards\" id=\"summary\" aria-label=\"Summary\"></section>\n")
        .append("<h2>Overview</h2>\n<section class=\"charts\">\n")
        .append("<figure><figcaption>Secrets by provider</figcaption><div id=\"chart-provider\"></div></figure>\n")
        .append("<figure><figcaption>Secrets by customer</figcaption><div id=\"chart-customer\"></div></figure>\n")
        .append("<figure><figcaption>Occurrences by month of the message date</figcaption>")
        .append("<div id=\"chart-time\"></div></figure>\n</section>\n")
        .append("<h2>Secrets</h2>\n<div class=\"tools\"><input id=\"filter\" type=\"search\" ")
        .append("placeholder=\"Filter by provider, rule, customer, sender\u2026\" aria-label=\"Filter secrets\">")
        .append("<span id=\"shown\"></span></div>\n")
        .append("<div class=\"table-wrap\"><table id=\"secrets\"><thead><tr></tr></thead><tbody></tbody></table></div>\n")
        .append("<noscript><p>This page draws its charts and table with its own inline script; the same data is in")
        .append(" the JSON block at the end of the file.</p></noscript>\n</main>\n<footer>")
        .append(escape(snapshot.tool().name() + " " + snapshot.tool().version()))
        .append(" \u2014 this file names where secrets leaked: keep it to those who handle the incident.</footer>\n")
        .append("<script type=\"application/json\" id=\"report-data\">").append(data(snapshot)).append("</script>\n")
        .append("<script>").append(JS).append("</script>\n</body>\n</html>\n");
    out.write(html.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String scanLine(StoreSnapshot snapshot) {
    List<StoredScan> scans = snapshot.scans();
    if (scans.isEmpty()) {
      return "No scan recorded.";
    }
    String first = toSeconds(scans.get(0).startedAt());
    String last = toSeconds(scans.get(scans.size() - 1).startedAt());
    return scans.size() + " scan(s) recorded, " + (first.equals(last) ? "on " + first : "from " + first + " to " + last)
        + ".";
  }

  /** {@code 2026-12-01T23:56:00.365314829Z} as {@code 2026-12-01 23:56:00 UTC}. */
  private static String toSeconds(String instant) {
    return instant.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z")
        ? instant.substring(0, 10) + " " + instant.substring(11, 19) + " UTC" : instant;
  }

  /** The data the script renders, as JSON that cannot end the script element or open a comment in it. */
  static String data(StoreSnapshot snapshot) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JsonGenerator json = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8);
    json.setCharacterEscapes(new ScriptSafeEscapes());
    json.writeStartObject();
    StoreJson.writeToolScansAndSecrets(json, snapshot, false); // the page shows redacted secrets only
    json.writeBooleanField("customer_directory", !snapshot.customersByFingerprint().isEmpty());
    json.writeEndObject();
    json.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Text for an HTML element or a quoted attribute value. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** The CSP source expression that allows exactly this inline script or style. */
  static String sha256(String inline) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream("/report/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the HTML report's " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the HTML report's " + name, e);
    }
  }

  /** JSON escapes for inside a script element: {@code </script>}, {@code <!--} and JS line separators cannot occur. */
  private static final class ScriptSafeEscapes extends CharacterEscapes {
    private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

    ScriptSafeEscapes() {
      escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == '\u2028' ? new SerializedString("\\u2028") : ch == '\u2029' ? new SerializedString("\\u2029") : null;
    }
  }
}
