package dev.mailleaks.extract;

import java.util.Set;

/**
 * Which headers are scanned: those people write in (Subject, custom X- headers), not machine signatures and
 * trace fields, which are full of random-looking strings that are not secrets.
 */
final class HeaderPolicy {
  private static final Set<String> WRITTEN = Set.of("subject", "comments", "keywords", "content-description", "thread-topic");
  private static final String[] MACHINE_MARKERS = {
      "dkim", "arc-", "received", "message-id", "antispam", "exchange", "forefront", "smtp-source",
      "message-state", "spam", "virus", "originating", "authentication", "gm-", "google", "microsoft",
      "proofpoint", "mimecast", "barracuda", "ironport", "cloudmark", "sender-id", "spf", "feedback-id",
      "ses-outgoing", "mailgun", "sg-eid", "sg-id", "entity-id", "campaign", "mc-user", "report-abuse",
      "ms-has-attach", "ms-tnef", "ms-office365", "mailer-sid", "mimetrack", "notes-item", "thread-index",
      "ymail", "apparently-to", "env-sender", "delivered", "original-to", "envelope", "x-uid", "x-mozilla",
      "x-keywords", "x-status", "x-gmail-labels", "x-gm-thrid"};

  private HeaderPolicy() {}

  /** @param name the header name, lowercase */
  static boolean isWrittenByPeople(String name) {
    if (WRITTEN.contains(name)) {
      return true;
    }
    if (!name.startsWith("x-")) {
      return false;
    }
    for (String marker : MACHINE_MARKERS) {
      if (name.contains(marker)) {
        return false;
      }
    }
    return true;
  }
}
