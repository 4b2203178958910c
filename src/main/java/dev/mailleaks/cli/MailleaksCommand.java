package dev.mailleaks.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "mailleaks",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Finds secrets (passwords, API keys, private keys, connection strings) in mail archives.",
    subcommands = {ScanCommand.class, ListCommand.class, RulesCommand.class, NotifyCommand.class, TriageCommand.class, ReportCommand.class, BaselineCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:no secrets found",
        "1:secrets found",
        "2:usage error, or rule files that cannot be used",
        "3:the scan could not run, or an input could not be opened at all"})
final class MailleaksCommand implements java.util.concurrent.Callable<Integer> {
  @Spec CommandSpec spec;

  /** Without a subcommand there is nothing to do: that is a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
