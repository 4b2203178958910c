package dev.mailleaks.cli;

import dev.mailleaks.rules.RuleFileException;
import dev.mailleaks.rules.RuleLoader;
import dev.mailleaks.rules.RuleSet;
import dev.mailleaks.rules.peer.PeerRuleFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --rules}: which rule files a command uses; the bundled set unless told otherwise. */
final class RuleOptions {
  static final String BUNDLED = "default";

  @Option(names = "--rules", paramLabel = "PATH",
      description = "Rule file or folder of YAML rules (or gitleaks TOML, Nosey Parker or Kingfisher YAML rules), "
          + "repeatable; replaces the bundled rules. "
          + "Name '" + BUNDLED + "' to keep the bundled rules and add your own.")
  List<String> rules = new ArrayList<>();

  /** The peer rule files the last {@link #load} imported, with what they did not carry over. */
  List<PeerRuleFile> imports = List.of();

  RuleSet load() throws RuleFileException {
    RuleLoader loader = new RuleLoader();
    imports = List.of();
    if (rules.isEmpty()) {
      return loader.loadDefaults();
    }
    List<Path> paths = new ArrayList<>();
    List<dev.mailleaks.rules.Rule> combined = new ArrayList<>();
    for (String rule : rules) {
      if (rule.equals(BUNDLED)) {
        combined.addAll(loader.loadDefaults().rules());
      } else {
        paths.add(Path.of(rule));
      }
    }
    if (!paths.isEmpty()) {
      combined.addAll(loader.load(paths).rules());
      imports = loader.imports();
    }
    return loader.merge(combined);
  }

  /** One line on what peer rule files did not import or carry over, or nothing when all was taken. */
  String importSummary() {
    long notImported = imports.stream().mapToLong(PeerRuleFile::notImported).sum();
    long notes = imports.stream().mapToLong(f -> f.diagnostics().size()).sum() - notImported;
    if (notImported == 0 && notes == 0) {
      return "";
    }
    return "mailleaks: peer rule files: " + imports.stream().mapToInt(f -> f.rules().size()).sum() + " rules imported, "
        + notImported + " not imported, " + notes + " features not carried over or approximated "
        + "(listed by 'mailleaks rules test' and 'mailleaks rules convert')";
  }
}
