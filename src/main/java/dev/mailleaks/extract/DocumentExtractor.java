package dev.mailleaks.extract;

/** Turns a document (PDF, Office, RTF, ODF, …) into its text. */
public interface DocumentExtractor {
  /**
   * @param name the attachment's file name, or null; a hint for type detection
   * @param declaredType the MIME type the message declared, or null
   * @return the document's text, empty if it has none or its type is not supported
   */
  String extract(byte[] document, String name, String declaredType) throws ExtractionException;
}
