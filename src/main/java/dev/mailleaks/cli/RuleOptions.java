package dev.mailleaks.cli;

import dev.mailleaks.rules.RuleFileException;
import dev.mailleaks.rules.RuleLoader;
import dev.mailleaks.rules.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --rules}: which rule files a command uses; the bundled set unless told otherwise. */
final class RuleOptions {
  static final String BUNDLED = "default";

  @Option(names = "--rules", paramLabel = "PATH",
      description = "Rule file or folder of YAML rules, repeatable; replaces the bundled rules. "
          + "Name '" + BUNDLED + "' to keep the bundled rules and add your own.")
  List<String> rules = new ArrayList<>();

  RuleSet load() throws RuleFileException {
    RuleLoader loader = new RuleLoader();
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
    }
    return loader.merge(combined);
  }
}
