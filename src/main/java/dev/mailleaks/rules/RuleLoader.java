package dev.mailleaks.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mailleaks.rules.peer.ImportedRule;
import dev.mailleaks.rules.peer.PeerRuleFile;
import dev.mailleaks.rules.peer.PeerRuleFormats;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads rule YAML files into a {@link RuleSet}, collecting every problem instead of stopping at the first. Peer
 * scanners' rule files (gitleaks TOML, Nosey Parker and Kingfisher YAML) are imported through
 * {@link PeerRuleFormats}; what they could not carry over is in {@link #imports()}, not a load failure.
 */
public final class RuleLoader {
  private static final Set<String> KNOWN_FIELDS = Set.of(
      "id", "name", "description", "provider", "severity", "keywords", "keywords_match_case", "pattern", "window", "window_before",
      "after_keyword", "min_entropy", "allowlist", "validator", "requires",
      "remediation", "references", "examples", "negative_examples", "imported_from");
  private static final Pattern ID_FORMAT = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final List<PeerRuleFile> imports = new ArrayList<>();

  /** The rule set bundled in the jar (the repository's {@code rules/} folder). */
  public RuleSet loadDefaults() throws RuleFileException {
    URL url = RuleLoader.class.getResource("/rules/");
    if (url == null) {
      throw new RuleFileException(List.of(new RuleDiagnostic("<bundled rules>", null, "not found on the classpath")));
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return load(List.of(fs.getPath("/rules")));
      }
      return load(List.of(Path.of(uri)));
    } catch (URISyntaxException | IOException e) {
      throw new RuleFileException(List.of(new RuleDiagnostic("<bundled rules>", null, e.getMessage())));
    }
  }

  /** Loads every {@code .yml}/{@code .yaml} file of the given files and folders, in path order. */
  public RuleSet load(List<Path> paths) throws RuleFileException {
    List<RuleDiagnostic> problems = new ArrayList<>();
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Path file : ruleFiles(paths, problems)) {
      int importsBefore = imports.size();
      for (Rule rule : loadFile(file, problems)) {
        Rule earlier = byId.putIfAbsent(rule.id(), rule);
        if (earlier != null && imports.size() > importsBefore) {
          // peers' own rule sets repeat ids; the first one is kept and the repeat reported, as peers do
          imports.set(importsBefore, imports.get(importsBefore).dropping(rule, "duplicate rule id (first defined in "
              + earlier.origin() + ")"));
        } else if (earlier != null) {
          problems.add(new RuleDiagnostic(file.toString(), rule.id(),
              "duplicate rule id (first defined in " + earlier.origin() + ")"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleFileException(problems);
    }
    if (byId.isEmpty()) {
      throw new RuleFileException(List.of(new RuleDiagnostic(paths.toString(), null, "no rules found")));
    }
    return new RuleSet(List.copyOf(byId.values()));
  }

  /** The peer rule files (gitleaks, Nosey Parker, Kingfisher) loads read, with what they did not import. */
  public List<PeerRuleFile> imports() {
    return List.copyOf(imports);
  }

  /** Combines rules from several loads, rejecting ids defined twice. */
  public RuleSet merge(List<Rule> rules) throws RuleFileException {
    List<RuleDiagnostic> problems = new ArrayList<>();
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Rule rule : rules) {
      Rule earlier = byId.putIfAbsent(rule.id(), rule);
      if (earlier != null) {
        problems.add(new RuleDiagnostic(rule.origin(), rule.id(), "duplicate rule id (first defined in " + earlier.origin() + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleFileException(problems);
    }
    return new RuleSet(List.copyOf(byId.values()));
  }

  private static List<Path> ruleFiles(List<Path> paths, List<RuleDiagnostic> problems) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(p -> Files.isRegularFile(p) && (isYaml(p) || PeerRuleFormats.isGitleaks(p))).sorted()
              .forEach(files::add);
        } catch (IOException e) {
          problems.add(new RuleDiagnostic(path.toString(), null, "cannot read folder: " + e.getMessage()));
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        problems.add(new RuleDiagnostic(path.toString(), null, "no such file or folder"));
      }
    }
    return files;
  }

  private static boolean isYaml(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".yml") || name.endsWith(".yaml");
  }

  private List<Rule> loadFile(Path file, List<RuleDiagnostic> problems) {
    if (PeerRuleFormats.isGitleaks(file)) {
      try {
        return imported(PeerRuleFormats.readGitleaks(file));
      } catch (IOException e) {
        problems.add(new RuleDiagnostic(file.toString(), null, "not a readable gitleaks TOML config: " + firstLine(e.getMessage())));
        return List.of();
      }
    }
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = yaml.readTree(in);
    } catch (IOException e) {
      problems.add(new RuleDiagnostic(file.toString(), null, "not valid YAML: " + firstLine(e.getMessage())));
      return List.of();
    }
    if (PeerRuleFormats.isPeerYaml(root)) {
      return imported(PeerRuleFormats.readPeerYaml(file.toString(), root));
    }
    JsonNode list = root == null ? null : root.get("rules");
    if (list == null || !list.isArray()) {
      problems.add(new RuleDiagnostic(file.toString(), null, "expected a top-level 'rules:' list"));
      return List.of();
    }
    List<Rule> rules = new ArrayList<>();
    for (JsonNode node : list) {
      Rule rule = parseRule(file.toString(), node, problems);
      if (rule != null) {
        rules.add(rule);
      }
    }
    return rules;
  }

  private List<Rule> imported(PeerRuleFile file) {
    imports.add(file);
    return file.rules().stream().map(ImportedRule::rule).toList();
  }

  private static Rule parseRule(String file, JsonNode node, List<RuleDiagnostic> problems) {
    String id = text(node, "id");
    int before = problems.size();
    if (id == null) {
      problems.add(new RuleDiagnostic(file, null, "a rule has no 'id'"));
      return null;
    }
    if (!ID_FORMAT.matcher(id).matches()) {
      problems.add(new RuleDiagnostic(file, id, "id must be lowercase alphanumeric segments joined by '.' or '-'"));
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!KNOWN_FIELDS.contains(field)) {
        problems.add(new RuleDiagnostic(file, id, "unknown field '" + field + "'"));
      }
    }
    String name = require(file, id, node, "name", problems);
    String patternText = require(file, id, node, "pattern", problems);
    String severityText = require(file, id, node, "severity", problems);
    List<String> keywords = strings(node, "keywords");
    List<String> examples = strings(node, "examples");
    List<String> negatives = strings(node, "negative_examples");
    if (keywords.isEmpty() || keywords.stream().anyMatch(String::isBlank)) {
      problems.add(new RuleDiagnostic(file, id, "'keywords' must list at least one non-blank literal"));
    }
    boolean imported = node.has("imported_from"); // peers' rules may come without (negative) examples
    if (examples.isEmpty() && !imported) {
      problems.add(new RuleDiagnostic(file, id, "'examples' must list at least one text that matches"));
    }
    if (negatives.isEmpty() && !imported) {
      problems.add(new RuleDiagnostic(file, id, "'negative_examples' must list at least one text that must not match"));
    }
    Severity severity = null;
    if (severityText != null) {
      try {
        severity = Severity.parse(severityText);
      } catch (IllegalArgumentException e) {
        problems.add(new RuleDiagnostic(file, id, "severity must be critical, high, medium or low, not '" + severityText + "'"));
      }
    }
    Pattern pattern = null;
    if (patternText != null) {
      try {
        pattern = Pattern.compile(patternText);
        if (!patternText.contains("(?<" + Rule.SECRET_GROUP + ">")) {
          problems.add(new RuleDiagnostic(file, id, "pattern has no named group '(?<secret>...)'"));
        }
      } catch (PatternSyntaxException e) {
        problems.add(new RuleDiagnostic(file, id, "pattern does not compile: " + firstLine(e.getMessage())));
      }
    }
    int window = count(file, id, node, "window", Rule.DEFAULT_WINDOW, 1, problems);
    int windowBefore = count(file, id, node, "window_before", Rule.UNANCHORED, 0, problems);
    Pattern afterKeyword = null;
    String afterKeywordText = text(node, "after_keyword");
    if (afterKeywordText != null) {
      if (windowBefore == Rule.UNANCHORED) {
        problems.add(new RuleDiagnostic(file, id, "after_keyword needs window_before (it gates the start positions before a hit)"));
      }
      try {
        afterKeyword = Pattern.compile(afterKeywordText);
      } catch (PatternSyntaxException e) {
        problems.add(new RuleDiagnostic(file, id, "after_keyword does not compile: " + firstLine(e.getMessage())));
      }
    }
    double minEntropy = 0;
    JsonNode entropyNode = node.get("min_entropy");
    if (entropyNode != null) {
      if (!entropyNode.isNumber() || entropyNode.asDouble() < 0 || entropyNode.asDouble() > 8) {
        problems.add(new RuleDiagnostic(file, id, "min_entropy must be a number of bits per character from 0 to 8"));
      } else {
        minEntropy = entropyNode.asDouble();
      }
    }
    boolean matchCase = false;
    JsonNode matchCaseNode = node.get("keywords_match_case");
    if (matchCaseNode != null) {
      if (!matchCaseNode.isBoolean()) {
        problems.add(new RuleDiagnostic(file, id, "keywords_match_case must be true or false"));
      } else {
        matchCase = matchCaseNode.asBoolean();
      }
    }
    Allowlist allowlist = allowlist(file, id, node.get("allowlist"), problems);
    Validator validator = validator(file, id, node.get("validator"), problems);
    Companion companion = companion(file, id, node.get("requires"), problems);
    if (problems.size() > before) {
      return null;
    }
    return new Rule(id, name, orEmpty(text(node, "description")), orEmpty(text(node, "provider")), severity,
        keywords, matchCase, pattern, window, windowBefore, afterKeyword, minEntropy, allowlist, validator, companion,
        orEmpty(text(node, "remediation")), strings(node, "references"), examples, negatives, file);
  }

  private static Validator validator(String file, String id, JsonNode node, List<RuleDiagnostic> problems) {
    if (node == null || node.isNull()) {
      return null;
    }
    String name = node.isTextual() ? node.asText() : node.toString();
    Optional<Validator> validator = Validator.named(name);
    if (validator.isEmpty()) {
      problems.add(new RuleDiagnostic(file, id, "unknown validator '" + name + "' (known: "
          + Validator.ALL.stream().map(Validator::name).collect(Collectors.joining(", ")) + ")"));
      return null;
    }
    return validator.get();
  }

  private static Companion companion(String file, String id, JsonNode node, List<RuleDiagnostic> problems) {
    if (node == null || node.isNull()) {
      return null;
    }
    String shape = "requires must have a 'pattern' and one of 'within_lines' or 'within_chars'";
    if (!node.isObject()) {
      problems.add(new RuleDiagnostic(file, id, shape));
      return null;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!Set.of("pattern", "within_lines", "within_chars").contains(field)) {
        problems.add(new RuleDiagnostic(file, id, "unknown requires field '" + field + "'"));
      }
    }
    String patternText = text(node, "pattern");
    boolean lines = node.has("within_lines");
    if (patternText == null || patternText.isBlank() || lines == node.has("within_chars")) {
      problems.add(new RuleDiagnostic(file, id, shape));
      return null;
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(patternText);
    } catch (PatternSyntaxException e) {
      problems.add(new RuleDiagnostic(file, id, "requires.pattern does not compile: " + firstLine(e.getMessage())));
      return null;
    }
    String field = lines ? "within_lines" : "within_chars";
    int before = problems.size();
    int distance = count(file, id, node, field, 0, 0, problems);
    if (problems.size() > before) {
      return null;
    }
    return lines ? Companion.withinLines(pattern, distance) : Companion.withinChars(pattern, distance);
  }

  private static Allowlist allowlist(String file, String id, JsonNode node, List<RuleDiagnostic> problems) {
    if (node == null || node.isNull()) {
      return Allowlist.NONE;
    }
    if (!node.isObject()) {
      problems.add(new RuleDiagnostic(file, id, "allowlist must have 'secrets', 'lines', 'matches' and/or 'stopwords' lists"));
      return Allowlist.NONE;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!Set.of("secrets", "lines", "stopwords", "matches").contains(field)) {
        problems.add(new RuleDiagnostic(file, id, "unknown allowlist field '" + field + "'"));
      }
    }
    return new Allowlist(patterns(file, id, "allowlist.secrets", strings(node, "secrets"), problems),
        patterns(file, id, "allowlist.lines", strings(node, "lines"), problems), strings(node, "stopwords"),
        patterns(file, id, "allowlist.matches", strings(node, "matches"), problems));
  }

  private static List<Pattern> patterns(String file, String id, String field, List<String> texts,
      List<RuleDiagnostic> problems) {
    List<Pattern> patterns = new ArrayList<>();
    for (String text : texts) {
      try {
        patterns.add(Pattern.compile(text));
      } catch (PatternSyntaxException e) {
        problems.add(new RuleDiagnostic(file, id, field + " pattern does not compile: " + firstLine(e.getMessage())));
      }
    }
    return patterns;
  }

  private static int count(String file, String id, JsonNode node, String field, int fallback, int min,
      List<RuleDiagnostic> problems) {
    JsonNode value = node.get(field);
    if (value == null) {
      return fallback;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min) {
      problems.add(new RuleDiagnostic(file, id, field + " must be a whole number of at least " + min));
      return fallback;
    }
    return value.asInt();
  }

  private static String require(String file, String id, JsonNode node, String field, List<RuleDiagnostic> problems) {
    String value = text(node, field);
    if (value == null || value.isBlank()) {
      problems.add(new RuleDiagnostic(file, id, "missing '" + field + "'"));
      return null;
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  private static List<String> strings(JsonNode node, String field) {
    JsonNode value = node.get(field);
    List<String> out = new ArrayList<>();
    if (value != null && value.isArray()) {
      value.forEach(v -> out.add(v.asText()));
    } else if (value != null && value.isValueNode() && !value.isNull()) {
      out.add(value.asText());
    }
    return out;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s.strip();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
