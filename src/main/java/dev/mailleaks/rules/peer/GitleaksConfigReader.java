package dev.mailleaks.rules.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.mailleaks.rules.Allowlist;
import dev.mailleaks.rules.RuleDiagnostic;
import dev.mailleaks.rules.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a gitleaks (or Betterleaks) TOML config: {@code [[rules]]} with their allowlists, the global
 * {@code [allowlist]}/{@code [[allowlists]]}, and {@code [extend]} with a base config {@code path}. What has no
 * meaning for mail (file paths, commits) or cannot be expressed is reported per rule, never dropped silently.
 */
public final class GitleaksConfigReader {
  public static final String FORMAT = "gitleaks";
  private static final Set<String> TOP_FIELDS = Set.of("title", "description", "minVersion", "extend", "allowlist",
      "allowlists", "rules");
  private static final Set<String> RULE_FIELDS = Set.of("id", "description", "regex", "secretGroup", "entropy",
      "keywords", "tags", "path", "allowlist", "allowlists");
  private static final Set<String> ALLOWLIST_FIELDS = Set.of("description", "condition", "regexTarget", "regexes",
      "stopwords", "paths", "commits", "targetRules");
  private static final int MAX_EXTEND_DEPTH = 4;
  /** Added to each rule read: the config file that defined it. */
  private static final String FILE_FIELD = "mailleaks-file";

  private final TomlMapper toml = new TomlMapper();

  public PeerRuleFile read(Path file) throws IOException {
    List<RuleDiagnostic> diagnostics = new ArrayList<>();
    Config config = config(file, diagnostics, 0);
    List<ImportedRule> rules = new ArrayList<>();
    for (JsonNode node : config.rules.values()) {
      rule(file.toString(), node, config.globalAllowlists, diagnostics).ifPresent(rules::add);
    }
    return new PeerRuleFile(file.toString(), FORMAT, rules, diagnostics);
  }

  /** A config with its base configs folded in: rules by id, and the allowlists that apply to all rules. */
  private record Config(Map<String, JsonNode> rules, List<JsonNode> globalAllowlists) {}

  private Config config(Path file, List<RuleDiagnostic> diagnostics, int depth) throws IOException {
    JsonNode root = toml.readTree(file.toFile());
    String name = file.toString();
    for (Iterator<String> fields = root.fieldNames(); fields.hasNext(); ) {
      String field = fields.next();
      if (!TOP_FIELDS.contains(field)) {
        diagnostics.add(new RuleDiagnostic(name, null, PeerRuleFile.NOT_CARRIED_OVER + "top-level '" + field + "'"));
      }
    }
    Map<String, JsonNode> rules = new LinkedHashMap<>();
    List<JsonNode> global = new ArrayList<>();
    JsonNode extend = root.path("extend");
    if (extend.path("useDefault").asBoolean(false)) {
      diagnostics.add(new RuleDiagnostic(name, null, PeerRuleFile.NOT_CARRIED_OVER
          + "[extend] useDefault: gitleaks' built-in config is not bundled; pass its gitleaks.toml to --rules too"));
    }
    if (extend.hasNonNull("path")) {
      Path base = file.toAbsolutePath().getParent().resolve(extend.get("path").asText());
      if (depth >= MAX_EXTEND_DEPTH) {
        diagnostics.add(new RuleDiagnostic(name, null, PeerRuleFile.NOT_CARRIED_OVER
            + "[extend] path " + base + ": extended more than " + MAX_EXTEND_DEPTH + " levels deep"));
      } else {
        Config baseConfig = config(base, diagnostics, depth + 1);
        rules.putAll(baseConfig.rules);
        global.addAll(baseConfig.globalAllowlists);
      }
    }
    for (JsonNode disabled : extend.path("disabledRules")) {
      rules.remove(disabled.asText());
    }
    if (root.has("allowlist")) {
      global.add(root.get("allowlist"));
    }
    root.path("allowlists").forEach(global::add);
    for (JsonNode rule : root.path("rules")) {
      String id = rule.path("id").asText("");
      ObjectNode own = ((ObjectNode) rule).deepCopy();
      own.put(FILE_FIELD, name); // a rule from a base config is reported against that file
      JsonNode base = rules.get(id);
      rules.put(id, base == null ? own : extended(base, own));
    }
    return new Config(rules, global);
  }

  /** gitleaks' rule extension: the extending rule's fields win, keywords and allowlists add up. */
  private static JsonNode extended(JsonNode base, ObjectNode own) {
    ObjectNode merged = ((ObjectNode) base).deepCopy();
    merged.setAll(own);
    Set<String> keywords = new LinkedHashSet<>();
    base.path("keywords").forEach(k -> keywords.add(k.asText()));
    own.path("keywords").forEach(k -> keywords.add(k.asText()));
    ArrayNode keywordArray = merged.putArray("keywords");
    keywords.forEach(keywordArray::add);
    ArrayNode allowlists = merged.putArray("allowlists");
    for (JsonNode node : List.of(base, own)) {
      if (node.has("allowlist")) {
        allowlists.add(node.get("allowlist"));
      }
      node.path("allowlists").forEach(allowlists::add);
    }
    merged.remove("allowlist");
    return merged;
  }

  private static Optional<ImportedRule> rule(String configFile, JsonNode node, List<JsonNode> global,
      List<RuleDiagnostic> diagnostics) {
    String id = node.path("id").asText("");
    String file = node.path(FILE_FIELD).asText(configFile);
    if (id.isBlank()) {
      diagnostics.add(new RuleDiagnostic(file, null, PeerRuleFile.NOT_IMPORTED + "a rule has no id"));
      return Optional.empty();
    }
    for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
      String field = fields.next();
      if (!RULE_FIELDS.contains(field) && !field.equals(FILE_FIELD)) {
        diagnostics.add(new RuleDiagnostic(file, id, PeerRuleFile.NOT_CARRIED_OVER + "field '" + field + "'"));
      }
    }
    if (!node.hasNonNull("regex")) {
      String why = node.has("path") ? "it matches file paths only, which mail does not have" : "it has no regex";
      diagnostics.add(new RuleDiagnostic(file, id, PeerRuleFile.NOT_IMPORTED + why));
      return Optional.empty();
    }
    if (node.has("path")) {
      diagnostics.add(new RuleDiagnostic(file, id, PeerRuleFile.NOT_CARRIED_OVER
          + "path (mail has no file paths): the rule runs on all text"));
    }
    double entropy = node.path("entropy").asDouble(0);
    if (entropy < 0 || entropy > 8) {
      diagnostics.add(new RuleDiagnostic(file, id, PeerRuleFile.NOT_CARRIED_OVER + "entropy " + entropy
          + " (outside 0 to 8 bits per character)"));
      entropy = 0;
    }
    List<JsonNode> allowlists = new ArrayList<>();
    for (JsonNode list : global) {
      JsonNode targets = list.path("targetRules");
      if (targets.isMissingNode() || containsText(targets, id)) {
        allowlists.add(list);
      }
    }
    if (node.has("allowlist")) {
      allowlists.add(node.get("allowlist"));
    }
    node.path("allowlists").forEach(allowlists::add);
    Allowlist allowlist = allowlist(file, id, allowlists, global, diagnostics);
    String description = node.path("description").asText("").strip();
    List<String> tags = texts(node.path("tags"));
    if (!tags.isEmpty()) {
      description = (description + " Tags: " + String.join(", ", tags) + ".").strip();
    }
    PeerRule rule = new PeerRule(FORMAT, file, id, id + " (gitleaks)", description, PeerRule.providerOf(id),
        Severity.MEDIUM, node.get("regex").asText(), RegexTranslator.Dialect.GO, node.path("secretGroup").asInt(0),
        texts(node.path("keywords")), entropy, allowlist, List.of(), List.of(), List.of());
    return rule.toImported(diagnostics);
  }

  /**
   * All of a rule's allowlists as one: each allows on its own (OR), so their criteria can be pooled. An allowlist
   * with {@code condition = "AND"} needs all its criteria at once: its regexes and stopwords on the secret become
   * one regex of look-aheads; with paths or commits it can never hold in mail. What a global allowlist does not
   * carry over is said once, for the file.
   */
  private static Allowlist allowlist(String file, String ruleId, List<JsonNode> allowlists, List<JsonNode> global,
      List<RuleDiagnostic> diagnostics) {
    Pool pool = new Pool();
    for (JsonNode list : allowlists) {
      boolean isGlobal = global.stream().anyMatch(g -> g == list);
      List<RuleDiagnostic> notes = new ArrayList<>();
      pool.add(list, new RuleDiagnostic(file, isGlobal ? null : ruleId, ""), notes);
      notes.stream().filter(n -> !isGlobal || !diagnostics.contains(n)).forEach(diagnostics::add);
    }
    return new Allowlist(pool.secrets, pool.lines, pool.stopwords, pool.matches);
  }

  /** The criteria of several allowlists, pooled. */
  private static final class Pool {
    final List<Pattern> secrets = new ArrayList<>();
    final List<Pattern> lines = new ArrayList<>();
    final List<Pattern> matches = new ArrayList<>();
    final List<String> stopwords = new ArrayList<>();

    /** Adds one gitleaks allowlist; {@code where} names its file and rule for the notes. */
    void add(JsonNode list, RuleDiagnostic where, List<RuleDiagnostic> notes) {
      String label = list.hasNonNull("description") ? "allowlist '" + list.get("description").asText() + "'"
          : "an allowlist";
      Consumer<String> note = message -> notes.add(
          new RuleDiagnostic(where.file(), where.ruleId(), PeerRuleFile.NOT_CARRIED_OVER + label + message));
      for (Iterator<String> fields = list.fieldNames(); fields.hasNext(); ) {
        String field = fields.next();
        if (!ALLOWLIST_FIELDS.contains(field)) {
          note.accept(": field '" + field + "'");
        }
      }
      boolean all = list.path("condition").asText("OR").equalsIgnoreCase("AND");
      String target = list.path("regexTarget").asText("secret").toLowerCase(Locale.ROOT);
      List<String> words = texts(list.path("stopwords"));
      String placeless = list.path("paths").size() > 0 ? "paths" : list.path("commits").size() > 0 ? "commits" : null;
      if (all && placeless != null) {
        note.accept(" (condition AND with " + placeless + ", which mail does not have)");
        return;
      }
      if (placeless != null) {
        note.accept(": its " + placeless + " (mail has none; its other criteria are kept)");
      }
      List<String> regexes = new ArrayList<>();
      for (String regex : texts(list.path("regexes"))) {
        try {
          String java = RegexTranslator.translate(regex, RegexTranslator.Dialect.GO).pattern();
          Pattern.compile(java);
          regexes.add(java);
        } catch (UntranslatableRegexException | PatternSyntaxException e) {
          note.accept(": regex '" + regex + "': " + e.getMessage().lines().findFirst().orElse(""));
        }
      }
      if (all && !regexes.isEmpty() && !words.isEmpty()) {
        if (!target.equals("secret")) {
          note.accept(" (condition AND of " + target + " regexes and the secret's stopwords)");
          return;
        }
        secrets.add(Pattern.compile("^(?=[\\s\\S]*?(?:" + String.join("|", wrapped(regexes)) + "))"
            + "(?=[\\s\\S]*?(?i:" + String.join("|", words.stream().map(Pattern::quote).toList()) + "))"));
        return;
      }
      List<Pattern> targetList = switch (target) {
        case "line" -> lines;
        case "match" -> matches;
        case "secret" -> secrets;
        default -> {
          note.accept(": regexTarget '" + target + "' (taken as secret)");
          yield secrets;
        }
      };
      regexes.forEach(r -> targetList.add(Pattern.compile(r)));
      stopwords.addAll(words);
    }
  }

  private static List<String> wrapped(List<String> regexes) {
    return regexes.stream().map(r -> "(?:" + r + ")").toList();
  }

  private static boolean containsText(JsonNode array, String text) {
    for (JsonNode item : array) {
      if (item.asText().equals(text)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> texts(JsonNode node) {
    return PeerRule.texts(node);
  }
}
