package dev.mailleaks.decode;

import java.util.regex.Pattern;

/** Joins folded lines of iCalendar and vCard (RFC 5545/6350: a line end followed by a space or tab). */
public final class FoldedLines {
  private static final Pattern FOLD = Pattern.compile("\r?\n[ \t]");

  private FoldedLines() {}

  public static String unfold(String text) {
    return FOLD.matcher(text).replaceAll("");
  }
}
