package dev.mailleaks.cli;

import dev.mailleaks.match.KeywordCheck;
import dev.mailleaks.match.RuleSelfTest;
import dev.mailleaks.match.SampleMail;
import dev.mailleaks.match.SlowRules;
import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.RuleDiagnostic;
import dev.mailleaks.rules.RuleFileException;
import dev.mailleaks.rules.RuleLoader;
import dev.mailleaks.rules.RuleSet;
import dev.mailleaks.rules.peer.ConvertedRulesWriter;
import dev.mailleaks.rules.peer.PeerRuleFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

  @Command(name = "list", description = "Print each rule's id, provider, severity and keywords; with --slow, the rules "
      + "that defeat the keyword prefilter on a sample text, with their cost.", mixinStandardHelpOptions = true)
  static final class List implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin RuleOptions ruleOptions;

    @Option(names = "--slow", description = "Measure the rules on a sample text and name those whose regex work "
        + "costs at least " + (int) SlowRules.SLOW_MICROS_PER_MB + " µs per MB, with the reason.")
    boolean slow;

    @Option(names = "--sample", paramLabel = "FILE", description = "Text (UTF-8) to measure --slow on; "
        + "default: a built-in mail-like sample of 1 MB.")
    Path sample;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      RuleSet rules;
      try {
        rules = ruleOptions.load();
      } catch (RuleFileException e) {
        return reportRuleErrors(spec, e);
      }
      if (slow || sample != null) {
        return listSlow(out, rules);
      }
      out.printf("%-32s %-16s %-9s %s%n", "id", "provider", "severity", "keywords");
      for (Rule rule : rules.rules()) {
        out.printf(Locale.ROOT, "%-32s %-16s %-9s %s%n", rule.id(), rule.provider(), rule.severity().label(),
            String.join(", ", rule.keywords()));
      }
      out.printf("%d rules, version %s%n", rules.rules().size(), rules.version());
      return ExitCodes.CLEAN;
    }

    private int listSlow(PrintWriter out, RuleSet rules) throws IOException {
      String text = sample == null ? SampleMail.text(SAMPLE_CHARS) : Files.readString(sample, StandardCharsets.UTF_8);
      if (text.isEmpty()) {
        spec.commandLine().getErr().println("mailleaks: the sample " + sample + " is empty");
        return ExitCodes.USAGE;
      }
      SlowRules.Report report = SlowRules.measure(rules, text, 5);
      out.printf(Locale.ROOT, "sample: %s, %.2f MB; all %d rules: %.0f MB/s (keyword pass alone %.0f MB/s)%n",
          sample == null ? "built-in mail-like text" : sample, report.sampleChars() / 1e6, rules.rules().size(),
          report.megabytesPerSecond(), report.keywordPassMegabytesPerSecond());
      java.util.List<SlowRules.Cost> slowRules = report.slow();
      out.printf(Locale.ROOT, "%-36s %10s %10s %12s  %s%n", "id", "µs/MB", "hits/MB", "tried/MB", "why");
      for (SlowRules.Cost c : slowRules) {
        out.printf(Locale.ROOT, "%-36s %10.0f %10.0f %12.0f  %s%n", c.rule().id(), c.microsPerMb(), c.hitsPerMb(),
            c.triedPerMb(), String.join("; ", c.reasons()));
      }
      out.printf(Locale.ROOT, "%d slow rules (of %d hit on the sample)%n", slowRules.size(), report.costs().size());
      return ExitCodes.CLEAN;
    }
  }

  /** Size of the built-in sample for --slow. */
  static final int SAMPLE_CHARS = 1_000_000;

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
      java.util.List<KeywordCheck.Warning> warnings = KeywordCheck.check(rules);
      warnings.forEach(w -> out.println("warning: " + w));
      int examples = rules.rules().stream().mapToInt(r -> r.examples().size() + r.negativeExamples().size()).sum();
      out.printf("%d rules, %d examples, %d failures%s%n", rules.rules().size(), examples, failures.size(),
          warnings.isEmpty() ? "" : ", " + warnings.size() + " keyword warnings");
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
