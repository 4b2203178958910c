package dev.mailleaks.testdata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny MIME entity model written by hand (no Mime4j/JavaMail), so that the fixtures control every byte.
 *
 * <p>An entity is a leaf (headers + already transfer-encoded body), a multipart (children), or a
 * message/rfc822 wrapper (one encapsulated message). A message is an entity with message headers. It renders
 * with \n line ends; callers convert to CRLF with {@link Encoders#crlf(byte[])} where wanted.
 *
 * <p>{@link #path()} computes the scanner's part path (IMAP-style section numbers plus "/filename").
 */
final class Mime {

  private final List<String> headers = new ArrayList<>();
  private byte[] body;
  private final List<Mime> children = new ArrayList<>();
  private Mime encapsulated;
  private String boundary;
  private String fileName;
  private boolean message;
  private Mime parent;
  private boolean closingBoundary = true;

  private Mime() {
  }

  // ---------------------------------------------------------------- factories

  /** A leaf whose body is given already transfer-encoded. */
  static Mime leaf(String contentType, String transferEncoding, byte[] encodedBody) {
    Mime m = new Mime();
    m.headers.add("Content-Type: " + contentType);
    if (transferEncoding != null) {
      m.headers.add("Content-Transfer-Encoding: " + transferEncoding);
    }
    m.body = encodedBody;
    return m;
  }

  static Mime leaf(String contentType, String transferEncoding, String encodedBody) {
    return leaf(contentType, transferEncoding, encodedBody.getBytes(StandardCharsets.UTF_8));
  }

  /** text/plain; charset=UTF-8: 7bit when ASCII, quoted-printable otherwise. */
  static Mime text(String text) {
    if (Encoders.isAscii(text)) {
      return leaf("text/plain; charset=us-ascii", "7bit", text);
    }
    return leaf("text/plain; charset=UTF-8", "quoted-printable",
        Encoders.quotedPrintable(text, StandardCharsets.UTF_8));
  }

  /** text/html; charset=UTF-8, quoted-printable. */
  static Mime html(String html) {
    return leaf("text/html; charset=UTF-8", "quoted-printable",
        Encoders.quotedPrintable(html, StandardCharsets.UTF_8));
  }

  /** A base64 attachment with an ASCII file name in Content-Type name= and Content-Disposition filename=. */
  static Mime attachment(String mimeType, String fileName, byte[] data) {
    Mime m = leaf(mimeType + "; name=\"" + fileName + "\"", "base64", Encoders.base64(data, 76));
    m.headers.add("Content-Disposition: attachment; filename=\"" + fileName + "\"");
    m.fileName = fileName;
    return m;
  }

  static Mime multipart(String subtype, String boundary, Mime... parts) {
    Mime m = new Mime();
    m.boundary = boundary;
    m.headers.add("Content-Type: multipart/" + subtype + "; boundary=\"" + boundary + "\"");
    for (Mime p : parts) {
      m.add(p);
    }
    return m;
  }

  /** A message/rfc822 part encapsulating {@code inner} (which must be a message). */
  static Mime rfc822(Mime inner) {
    Mime m = new Mime();
    m.headers.add("Content-Type: message/rfc822");
    m.headers.add("Content-Disposition: inline");
    m.encapsulated = inner;
    inner.parent = m;
    return m;
  }

  // ---------------------------------------------------------------- mutators

  Mime add(Mime child) {
    children.add(child);
    child.parent = this;
    return this;
  }

  Mime header(String line) {
    headers.add(line);
    return this;
  }

  /** Makes this entity a message: message headers first, then MIME-Version, then the content headers. */
  Mime asMessage(List<String> messageHeaders) {
    List<String> content = new ArrayList<>(headers);
    headers.clear();
    headers.addAll(messageHeaders);
    headers.add("MIME-Version: 1.0");
    headers.addAll(content);
    message = true;
    return this;
  }

  /** The decoded file name the scanner shows in part paths (when not set by {@link #attachment}). */
  Mime fileName(String decodedName) {
    this.fileName = decodedName;
    return this;
  }

  Mime withoutClosingBoundary() {
    this.closingBoundary = false;
    return this;
  }

  Mime child(int oneBased) {
    return children.get(oneBased - 1);
  }

  // ---------------------------------------------------------------- part paths

  /** IMAP section of this entity: "" for the top-level message; an encapsulated message shares its wrapper's. */
  String section() {
    if (parent == null) {
      return "";
    }
    if (parent.encapsulated == this) {
      return parent.section();
    }
    int index = -1;
    for (int i = 0; i < parent.children.size(); i++) {
      if (parent.children.get(i) == this) {
        index = i + 1;
      }
    }
    String ps = parent.section();
    return ps.isEmpty() ? String.valueOf(index) : ps + "." + index;
  }

  /** Part path of a leaf: section ("1" for a single-part message body), plus "/filename" if it has one. */
  String path() {
    if (!children.isEmpty() || encapsulated != null) {
      throw new IllegalStateException("path() of a non-leaf entity");
    }
    String s = section();
    if (message) {
      s = s.isEmpty() ? "1" : s + ".1";
    }
    return fileName == null ? s : s + "/" + fileName;
  }

  /** Part path of this message's headers: "headers" at top level, "3.headers" for a message/rfc822 at 3. */
  String headersPath() {
    if (!message) {
      throw new IllegalStateException("headersPath() of a non-message entity");
    }
    String s = section();
    return s.isEmpty() ? "headers" : s + ".headers";
  }

  // ---------------------------------------------------------------- rendering

  /** The entity as bytes with \n line ends (header lines may hold "\n " folds). */
  byte[] render() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderTo(out);
    return out.toByteArray();
  }

  private void renderTo(ByteArrayOutputStream out) {
    for (String h : headers) {
      out.writeBytes(Encoders.utf8(h + "\n"));
    }
    out.writeBytes(Encoders.utf8("\n"));
    if (boundary != null) {
      for (Mime c : children) {
        out.writeBytes(Encoders.utf8("--" + boundary + "\n"));
        c.renderTo(out);
        out.writeBytes(Encoders.utf8("\n"));
      }
      if (closingBoundary) {
        out.writeBytes(Encoders.utf8("--" + boundary + "--\n"));
      }
    } else if (encapsulated != null) {
      encapsulated.renderTo(out);
    } else {
      out.writeBytes(body);
    }
  }
}
