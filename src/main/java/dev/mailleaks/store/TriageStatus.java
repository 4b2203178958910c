package dev.mailleaks.store;

import java.util.Locale;

/** Where a secret stands in the response: a closed set, as the notification workflow depends on it. */
public enum TriageStatus {
  OPEN,
  CONFIRMED,
  FALSE_POSITIVE,
  ROTATED,
  NOTIFIED;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** @throws IllegalArgumentException naming the accepted values */
  public static TriageStatus parse(String text) {
    for (TriageStatus s : values()) {
      if (s.label().equalsIgnoreCase(text.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown status '" + text + "': open, confirmed, false-positive, rotated or notified");
  }

  /** Statuses whose secrets need no notification: nothing to tell, or already dealt with. */
  public boolean closesNotification() {
    return this == FALSE_POSITIVE || this == ROTATED;
  }
}
