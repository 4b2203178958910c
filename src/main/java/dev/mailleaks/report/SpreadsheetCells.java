package dev.mailleaks.report;

/** CSV cells that a spreadsheet opens safely: the CSV report's and the notification lists'. */
public final class SpreadsheetCells {
  private SpreadsheetCells() {}

  /**
   * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return before one) as a formula; mail
   * headers are written by whoever sent the mail, so such a cell gets a leading apostrophe.
   */
  public static String defuse(Object value) {
    String text = value == null ? "" : String.valueOf(value);
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}
