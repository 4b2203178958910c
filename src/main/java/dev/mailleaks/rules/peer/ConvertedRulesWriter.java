package dev.mailleaks.rules.peer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.mailleaks.rules.Allowlist;
import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.RuleDiagnostic;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes imported rules in our YAML rule format, each with {@code imported_from} (format, file, peer id), after a
 * comment header that lists the rules without negative examples and everything not imported or not carried over.
 */
public final class ConvertedRulesWriter {
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

  /** The ids of imported rules that have no negative examples (our own rules must have some). */
  public static List<String> withoutNegativeExamples(List<PeerRuleFile> files) {
    return files.stream().flatMap(f -> f.rules().stream()).map(ImportedRule::rule)
        .filter(r -> r.negativeExamples().isEmpty()).map(Rule::id).toList();
  }

  public void write(List<PeerRuleFile> files, Writer out) throws IOException {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (PeerRuleFile file : files) {
      for (ImportedRule imported : file.rules()) {
        rules.add(yamlRule(imported));
      }
    }
    out.write("# Converted by `mailleaks rules convert` from:\n");
    for (PeerRuleFile file : files) {
      out.write("#   " + file.file() + " (" + file.format() + "): " + file.rules().size() + " rules imported, "
          + file.notImported() + " not\n");
    }
    List<String> noNegatives = withoutNegativeExamples(files);
    out.write("# Rules without negative examples (" + noNegatives.size() + "): "
        + (noNegatives.isEmpty() ? "none" : String.join(", ", noNegatives)) + "\n");
    out.write("# Not imported, not carried over or approximated:\n");
    for (PeerRuleFile file : files) {
      for (RuleDiagnostic d : file.diagnostics()) {
        out.write("#   " + d.toString().replace("\n", " ") + "\n");
      }
    }
    yaml.writeValue(out, Map.of("rules", rules));
  }

  private static Map<String, Object> yamlRule(ImportedRule imported) {
    Rule rule = imported.rule();
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", rule.id());
    map.put("name", rule.name());
    if (!rule.description().isEmpty()) {
      map.put("description", rule.description());
    }
    map.put("provider", rule.provider());
    map.put("severity", rule.severity().label());
    map.put("keywords", rule.keywords());
    map.put("pattern", rule.pattern().pattern());
    if (rule.window() != Rule.DEFAULT_WINDOW) {
      map.put("window", rule.window());
    }
    if (rule.minEntropy() > 0) {
      map.put("min_entropy", rule.minEntropy());
    }
    if (!rule.allowlist().isEmpty()) {
      map.put("allowlist", allowlist(rule.allowlist()));
    }
    if (!rule.references().isEmpty()) {
      map.put("references", rule.references());
    }
    if (!rule.examples().isEmpty()) {
      map.put("examples", rule.examples());
    }
    if (!rule.negativeExamples().isEmpty()) {
      map.put("negative_examples", rule.negativeExamples());
    }
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("format", imported.format());
    from.put("file", imported.file());
    from.put("rule", imported.peerId());
    map.put("imported_from", from);
    return map;
  }

  private static Map<String, Object> allowlist(Allowlist allowlist) {
    Map<String, Object> map = new LinkedHashMap<>();
    putPatterns(map, "secrets", allowlist.secrets());
    putPatterns(map, "lines", allowlist.lines());
    putPatterns(map, "matches", allowlist.matches());
    if (!allowlist.stopwords().isEmpty()) {
      map.put("stopwords", allowlist.stopwords());
    }
    return map;
  }

  private static void putPatterns(Map<String, Object> map, String key, List<Pattern> patterns) {
    if (!patterns.isEmpty()) {
      map.put(key, patterns.stream().map(Pattern::pattern).toList());
    }
  }
}
