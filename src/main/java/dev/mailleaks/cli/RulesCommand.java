package dev.mailleaks.cli;

import dev.mailleaks.match.RuleSelfTest;
import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.RuleDiagnostic;
import dev.mailleaks.rules.RuleFileException;
import dev.mailleaks.rules.RuleSet;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "rules", description = "List or test detection rules.", mixinStandardHelpOptions = true,
    subcommands = {RulesCommand.List.class, RulesCommand.Test.class})
final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  @Command(name = "list", description = "Print each rule's id, provider, severity and keywords.",
      mixinStandardHelpOptions = true)
  static final class List implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin RuleOptions ruleOptions;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      RuleSet rules;
      try {
        rules = ruleOptions.load();
      } catch (RuleFileException e) {
        return reportRuleErrors(spec, e);
      }
      out.printf("%-32s %-16s %-9s %s%n", "id", "provider", "severity", "keywords");
      for (Rule rule : rules.rules()) {
        out.printf(Locale.ROOT, "%-32s %-16s %-9s %s%n", rule.id(), rule.provider(), rule.severity().label(),
            String.join(", ", rule.keywords()));
      }
      out.printf("%d rules, version %s%n", rules.rules().size(), rules.version());
      return ExitCodes.CLEAN;
    }
  }

  @Command(name = "test", description = "Run every rule's examples and negative examples; print failures per rule.",
      mixinStandardHelpOptions = true)
  static final class Test implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin RuleOptions ruleOptions;

    @picocli.CommandLine.Parameters(arity = "0..*", paramLabel = "PATH",
        description = "Rule files or folders to test (the same as --rules).")
    java.util.List<String> paths = new java.util.ArrayList<>();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      ruleOptions.rules.addAll(paths);
      RuleSet rules;
      try {
        rules = ruleOptions.load();
      } catch (RuleFileException e) {
        return reportRuleErrors(spec, e);
      }
      java.util.List<RuleSelfTest.Failure> failures = RuleSelfTest.run(rules);
      failures.forEach(out::println);
      int examples = rules.rules().stream().mapToInt(r -> r.examples().size() + r.negativeExamples().size()).sum();
      out.printf("%d rules, %d examples, %d failures%n", rules.rules().size(), examples, failures.size());
      return failures.isEmpty() ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
    }
  }

  static int reportRuleErrors(CommandSpec spec, RuleFileException e) {
    PrintWriter err = spec.commandLine().getErr();
    java.util.List<RuleDiagnostic> diagnostics = e.diagnostics();
    err.println("mailleaks: rule files cannot be used:");
    for (RuleDiagnostic d : diagnostics) {
      err.println("  " + d);
    }
    return ExitCodes.USAGE;
  }
}
