package dev.mailleaks.cli;

import dev.mailleaks.report.ToolInfo;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    ToolInfo tool = ToolInfo.current();
    return new String[] {tool.name() + " " + tool.version()};
  }
}
