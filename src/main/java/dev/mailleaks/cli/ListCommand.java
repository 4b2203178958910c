package dev.mailleaks.cli;

import dev.mailleaks.scan.MessageInventory;
import dev.mailleaks.source.Limits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the messages mailleaks reads from PATHs, one per line: source, message index, date, "
        + "from, subject (tab-separated), with any secret the rules find in them redacted. Nothing else is scanned.")
final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders (folders recursively).")
  List<Path> paths;

  @picocli.CommandLine.Mixin RuleOptions ruleOptions;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    dev.mailleaks.rules.RuleSet rules;
    try {
      rules = ruleOptions.load();
    } catch (dev.mailleaks.rules.RuleFileException e) {
      return RulesCommand.reportRuleErrors(spec, e);
    }
    long unopened = new MessageInventory(Limits.defaults(), rules).list(paths,
        (origin, headers) -> out.println(String.join("\t", origin.source(), Long.toString(origin.index()),
            flat(headers.date()), flat(headers.from()), flat(headers.subject()))),
        error -> err.println("mailleaks: " + error.kind().label() + ": " + error.input()
            + (error.messageIndex() > 0 ? " #" + error.messageIndex() : "") + ": " + error.reason()));
    out.flush();
    return unopened > 0 ? ExitCodes.INCOMPLETE : ExitCodes.CLEAN;
  }

  private static String flat(String value) {
    return value.replaceAll("[\\t\\r\\n]+", " ");
  }
}
