package dev.mailleaks.cli;

import dev.mailleaks.match.RuleSelfTest;
import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.RuleDiagnostic;
import dev.mailleaks.rules.RuleFileException;
import dev.mailleaks.rules.RuleLoader;
import dev.mailleaks.rules.RuleSet;
import dev.mailleaks.rules.peer.ConvertedRulesWriter;
import dev.mailleaks.rules.peer.PeerRuleFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "rules", description = "List, test or convert detection rules.", mixinStandardHelpOptions = true,
    subcommands = {RulesCommand.List.class, RulesCommand.Test.class, RulesCommand.Convert.class})
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
      printImportDiagnostics(out, ruleOptions.imports);
      java.util.List<RuleSelfTest.Failure> failures = RuleSelfTest.run(rules);
      failures.forEach(out::println);
      int examples = rules.rules().stream().mapToInt(r -> r.examples().size() + r.negativeExamples().size()).sum();
      out.printf("%d rules, %d examples, %d failures%n", rules.rules().size(), examples, failures.size());
      return failures.isEmpty() ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
    }
  }

  @Command(name = "convert",
      description = "Convert gitleaks TOML, Nosey Parker or Kingfisher YAML rules into mailleaks' YAML rules, "
          + "listing per rule what was not imported or not carried over.",
      mixinStandardHelpOptions = true)
  static final class Convert implements Callable<Integer> {
    @Spec CommandSpec spec;

    @picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "INPUT",
        description = "Peer rule files or folders (gitleaks .toml, Nosey Parker or Kingfisher .yml).")
    java.util.List<Path> inputs = new java.util.ArrayList<>();

    @picocli.CommandLine.Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.yml",
        description = "The mailleaks rule file to write.")
    Path output;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      RuleLoader loader = new RuleLoader();
      RuleSet rules;
      try {
        rules = loader.load(inputs);
      } catch (RuleFileException e) {
        return reportRuleErrors(spec, e);
      }
      java.util.List<PeerRuleFile> imports = loader.imports();
      int imported = imports.stream().mapToInt(f -> f.rules().size()).sum();
      if (imported < rules.rules().size()) {
        spec.commandLine().getErr().println("mailleaks: " + (rules.rules().size() - imported)
            + " rules are mailleaks rules already; convert takes peer rule files only");
        return ExitCodes.USAGE;
      }
      printImportDiagnostics(out, imports);
      java.util.List<String> noNegatives = ConvertedRulesWriter.withoutNegativeExamples(imports);
      out.printf("rules without negative examples (%d): %s%n", noNegatives.size(),
          noNegatives.isEmpty() ? "none" : String.join(", ", noNegatives));
      java.util.List<RuleSelfTest.Failure> failures = RuleSelfTest.run(rules);
      failures.forEach(f -> out.println("example check: " + f));
      try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        new ConvertedRulesWriter().write(imports, writer);
      } catch (IOException e) {
        spec.commandLine().getErr().println("mailleaks: cannot write " + output + ": " + e.getMessage());
        return ExitCodes.INCOMPLETE;
      }
      out.printf("wrote %d rules to %s (%d example failures)%n", imported, output, failures.size());
      return ExitCodes.CLEAN;
    }
  }

  /** Per peer file: how many rules it gave, then every rule not imported and every feature not carried over. */
  static void printImportDiagnostics(PrintWriter out, java.util.List<PeerRuleFile> imports) {
    for (PeerRuleFile file : imports) {
      out.printf("%s (%s): %d rules imported, %d not imported%n", file.file(), file.format(), file.rules().size(),
          file.notImported());
      file.diagnostics().forEach(d -> out.println("  " + d));
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
