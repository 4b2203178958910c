package dev.mailleaks.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's name and version, as built by Maven. */
public record ToolInfo(String name, String version) {
  public static ToolInfo current() {
    Properties properties = new Properties();
    try (InputStream in = ToolInfo.class.getResourceAsStream("/mailleaks-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // fall through to the default
    }
    return new ToolInfo("mailleaks", properties.getProperty("version", "unknown"));
  }
}
