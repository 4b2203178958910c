package dev.mailleaks.rules.peer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rewrites a peer scanner's regex (Go RE2 for gitleaks, Rust {@code regex} for Nosey Parker and Kingfisher) as a
 * Java regex with the same meaning, or says why it cannot. What differs and how it is rewritten:
 * <ul>
 *   <li>{@code (?P<name>…)}: Java spells it {@code (?<name>…)} and allows only letters and digits in names;
 *   <li>{@code [[:alpha:]]} POSIX classes become {@code \p{Alpha}}; {@code \p{Greek}} scripts {@code \p{IsGreek}};
 *       {@code \p{^X}} negations {@code \P{X}};
 *   <li>inside a class, RE2 takes {@code [} and {@code &&} literally where Java nests and intersects: escaped;
 *   <li>a {@code {} that starts no repetition is a literal in RE2 and an error in Java: escaped;
 *   <li>{@code \v} is the vertical tab in both peers and a class in Java: {@code \x0B}; octal escapes become hex;
 *   <li>Rust's {@code (?x)}: whitespace and {@code #} comments are removed here, following Rust, which ignores
 *       whitespace inside classes too (Java's COMMENTS mode agrees; PCRE, which Nosey Parker's prefilter uses, does
 *       not, so a class with a space in it is noted);
 *   <li>{@code (?# comments)} are removed;
 *   <li>{@code .}, {@code ^} and {@code $} know only {@code \n} as a line end in both peers: {@code (?d)} says so.
 * </ul>
 * Refused: RE2's ungreedy flag {@code U}, {@code \C}, and Rust's class difference {@code --} and {@code ~~}.
 */
public final class RegexTranslator {
  /** Whose syntax the source regex is in. */
  public enum Dialect { GO, RUST }

  /**
   * A translated regex.
   *
   * @param pattern the Java regex
   * @param groupStarts where each capturing group's opening text starts in {@code pattern}, in group order
   * @param groupOpenerLengths how long each such opening text ({@code (} or {@code (?<name>}) is
   * @param notes differences that remain, for the person importing the rule
   */
  public record Translation(String pattern, List<Integer> groupStarts, List<Integer> groupOpenerLengths,
      List<String> notes) {
    public Translation {
      groupStarts = List.copyOf(groupStarts);
      groupOpenerLengths = List.copyOf(groupOpenerLengths);
      notes = List.copyOf(notes);
    }

    public int groupCount() {
      return groupStarts.size();
    }

    /** This translation with another pattern text whose groups start at the same places (the same groups renamed from the end). */
    public Translation withPattern(String other) {
      return new Translation(other, groupStarts, groupOpenerLengths, notes);
    }

    /** The pattern with capturing group {@code group} (1-based) named {@code name}. */
    public String namingGroup(int group, String name) {
      int start = groupStarts.get(group - 1);
      return pattern.substring(0, start) + "(?<" + name + ">"
          + pattern.substring(start + groupOpenerLengths.get(group - 1));
    }
  }

  private static final Map<String, String> POSIX = Map.ofEntries(
      Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"), Map.entry("ascii", "\\p{ASCII}"),
      Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"),
      Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "\\p{Lower}"), Map.entry("print", "\\p{Print}"),
      Map.entry("punct", "\\p{Punct}"), Map.entry("space", "\\s"), Map.entry("upper", "\\p{Upper}"),
      Map.entry("word", "\\w"), Map.entry("xdigit", "\\p{XDigit}"));
  private static final Map<String, String> LONG_CATEGORIES = Map.of(
      "letter", "L", "lowercase_letter", "Ll", "uppercase_letter", "Lu", "number", "N", "decimal_number", "Nd",
      "digit", "Nd", "punctuation", "P", "symbol", "S", "separator", "Z", "mark", "M");
  private static final Pattern REPETITION = Pattern.compile("\\{\\d+(?:,\\d*)?}");

  private final String source;
  private final Dialect dialect;
  private final StringBuilder out = new StringBuilder();
  private final List<Integer> groupStarts = new ArrayList<>();
  private final List<Integer> groupOpenerLengths = new ArrayList<>();
  private final Set<String> groupNames = new HashSet<>();
  private final List<String> notes = new ArrayList<>();
  /** Per open group: whether verbose mode was on outside it. */
  private final Deque<Boolean> verboseOutside = new ArrayDeque<>();
  private boolean verbose;
  private boolean lineSensitive;
  private int pos;

  private RegexTranslator(String source, Dialect dialect) {
    this.source = source;
    this.dialect = dialect;
  }

  /** Translates {@code source}; throws with the reason when it has a construct Java cannot express. */
  public static Translation translate(String source, Dialect dialect) throws UntranslatableRegexException {
    return new RegexTranslator(source, dialect).run();
  }

  private Translation run() throws UntranslatableRegexException {
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (verbose && Character.isWhitespace(c)) {
        pos++;
      } else if (verbose && c == '#') {
        skipComment();
      } else if (c == '\\') {
        escape(false);
      } else if (c == '[') {
        characterClass();
      } else if (c == '(') {
        openGroup();
      } else if (c == ')') {
        out.append(')');
        pos++;
        verbose = verboseOutside.isEmpty() ? verbose : verboseOutside.pop();
      } else if (c == '{') {
        repetitionOrLiteral();
      } else {
        if (c == '.' || c == '^' || c == '$') {
          lineSensitive = true;
        }
        out.append(c);
        pos++;
      }
    }
    String pattern = out.toString();
    List<Integer> starts = groupStarts;
    if (lineSensitive) {
      pattern = "(?d)" + pattern;
      starts = groupStarts.stream().map(s -> s + 4).toList();
    }
    return new Translation(pattern, starts, groupOpenerLengths, notes);
  }

  private void skipComment() {
    while (pos < source.length() && source.charAt(pos) != '\n') {
      pos++;
    }
  }

  private void openGroup() throws UntranslatableRegexException {
    verboseOutside.push(verbose);
    if (!source.startsWith("(?", pos)) {
      groupStarts.add(out.length());
      groupOpenerLengths.add(1);
      out.append('(');
      pos++;
      return;
    }
    if (source.startsWith("(?#", pos)) {
      // a comment group (PCRE syntax, which Nosey Parker's rules use): Java has none
      verboseOutside.pop();
      int end = source.indexOf(')', pos);
      if (end < 0) {
        throw new UntranslatableRegexException("unterminated (?# comment");
      }
      pos = end + 1;
      return;
    }
    if (source.startsWith("(?P<", pos) || (source.startsWith("(?<", pos) && !source.startsWith("(?<=", pos)
        && !source.startsWith("(?<!", pos))) {
      int nameStart = source.indexOf('<', pos) + 1;
      int nameEnd = source.indexOf('>', nameStart);
      if (nameEnd < 0) {
        throw new UntranslatableRegexException("unterminated group name at offset " + pos);
      }
      String opener = "(?<" + javaGroupName(source.substring(nameStart, nameEnd)) + ">";
      groupStarts.add(out.length());
      groupOpenerLengths.add(opener.length());
      out.append(opener);
      pos = nameEnd + 1;
      return;
    }
    int end = pos + 2;
    while (end < source.length() && source.charAt(end) != ')' && source.charAt(end) != ':') {
      end++;
    }
    String flags = source.substring(pos + 2, Math.min(end, source.length()));
    if (end >= source.length() || !flags.matches("[a-zA-Z-]*")) {
      // a look-around or another construct: neither peer has them, Java will judge it
      out.append("(?");
      pos += 2;
      return;
    }
    boolean scoped = source.charAt(end) == ':';
    StringBuilder javaFlags = new StringBuilder();
    boolean negative = false;
    boolean nextVerbose = verbose;
    for (char f : flags.toCharArray()) {
      switch (f) {
        case '-' -> {
          negative = true;
          javaFlags.append('-');
        }
        case 'i', 'm', 's' -> javaFlags.append(f);
        case 'x' -> {
          if (dialect == Dialect.GO) {
            throw new UntranslatableRegexException("flag x is not RE2 syntax");
          }
          nextVerbose = !negative;
        }
        case 'U' -> throw new UntranslatableRegexException(
            "flag U (ungreedy: swaps greedy and lazy repetition) has no Java equivalent");
        case 'u', 'R' -> {
          // Unicode classes (Rust's default) and CRLF line ends: Java's ASCII classes and (?d) are kept
        }
        default -> throw new UntranslatableRegexException("unknown flag '" + f + "' in (?" + flags + ")");
      }
    }
    String javaFlagText = javaFlags.toString().replaceAll("-$", "");
    if (scoped) {
      verbose = nextVerbose;
      out.append("(?").append(javaFlagText).append(':');
    } else {
      verboseOutside.pop(); // (?flags) opens no group: it changes the enclosing one
      verbose = nextVerbose;
      if (!javaFlagText.isEmpty()) {
        out.append("(?").append(javaFlagText).append(')');
      }
    }
    pos = end + 1;
  }

  private String javaGroupName(String peerName) {
    String name = peerName.replaceAll("[^A-Za-z0-9]", "");
    if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
      name = "g" + name;
    }
    if (name.equals("secret") || name.equals("account")) {
      name = "peer" + name;
    }
    String unique = name;
    for (int n = 2; !groupNames.add(unique); n++) {
      unique = name + n;
    }
    return unique;
  }

  private void repetitionOrLiteral() {
    var m = REPETITION.matcher(source).region(pos, source.length());
    if (m.lookingAt()) {
      out.append(m.group());
      pos = m.end();
    } else {
      out.append("\\{");
      pos++;
    }
  }

  /** One escape at {@code pos} (a backslash), inside a class or not. */
  private void escape(boolean inClass) throws UntranslatableRegexException {
    if (pos + 1 >= source.length()) {
      throw new UntranslatableRegexException("trailing backslash");
    }
    char e = source.charAt(pos + 1);
    switch (e) {
      case 'Q' -> {
        int end = source.indexOf("\\E", pos + 2);
        String literal = source.substring(pos + 2, end < 0 ? source.length() : end);
        out.append(inClass ? escapeClassLiteral(literal) : Pattern.quote(literal));
        pos = end < 0 ? source.length() : end + 2;
      }
      case 'p', 'P' -> property(e == 'P');
      case 'v' -> {
        out.append("\\x0B");
        pos += 2;
      }
      case 'C' -> throw new UntranslatableRegexException("\\C (any byte) has no Java equivalent");
      case '<', '>' -> {
        if (inClass) {
          out.append(e);
        } else {
          out.append(e == '<' ? "\\b(?=\\w)" : "\\b(?<=\\w)");
        }
        pos += 2;
      }
      case 'b' -> {
        if (!inClass && source.startsWith("\\b{", pos)) {
          int end = source.indexOf('}', pos);
          String kind = source.substring(pos + 3, end);
          out.append(switch (kind) {
            case "start" -> "\\b(?=\\w)";
            case "end" -> "\\b(?<=\\w)";
            case "start-half" -> "(?<!\\w)";
            case "end-half" -> "(?!\\w)";
            default -> throw new UntranslatableRegexException("unknown boundary \\b{" + kind + "}");
          });
          pos = end + 1;
        } else {
          out.append(inClass ? "\\x08" : "\\b"); // in an RE2 class \b is not allowed; Rust reads backspace
          pos += 2;
        }
      }
      default -> {
        if (e >= '0' && e <= '7') {
          int end = pos + 1;
          while (end < source.length() && end < pos + 4 && source.charAt(end) >= '0' && source.charAt(end) <= '7') {
            end++;
          }
          out.append(String.format(Locale.ROOT, "\\x{%x}", Integer.parseInt(source.substring(pos + 1, end), 8)));
          pos = end;
        } else if (e == ' ' || e == '#') {
          out.append(e == ' ' ? "\\x20" : "#");
          pos += 2;
        } else {
          out.append('\\').append(e);
          pos += 2;
        }
      }
    }
  }

  private void property(boolean negated) throws UntranslatableRegexException {
    String name;
    if (pos + 2 < source.length() && source.charAt(pos + 2) == '{') {
      int end = source.indexOf('}', pos);
      if (end < 0) {
        throw new UntranslatableRegexException("unterminated \\p{ at offset " + pos);
      }
      name = source.substring(pos + 3, end);
      pos = end + 1;
    } else if (pos + 2 < source.length()) {
      name = String.valueOf(source.charAt(pos + 2));
      pos += 3;
    } else {
      throw new UntranslatableRegexException("\\p without a property name");
    }
    if (name.startsWith("^")) {
      negated = !negated;
      name = name.substring(1);
    }
    String javaName = javaPropertyName(name.strip());
    out.append(negated ? "\\P{" : "\\p{").append(javaName).append('}');
  }

  private static String javaPropertyName(String name) {
    String bare = name.replaceFirst("^(?:gc|General_Category|sc|Script|scx)\\s*[=:]\\s*", "");
    if (bare.equalsIgnoreCase("Any")) {
      return "all";
    }
    if (bare.matches("[A-Z][a-z&]?")) {
      return bare;
    }
    String category = LONG_CATEGORIES.get(bare.toLowerCase(Locale.ROOT));
    return category != null ? category : "Is" + bare;
  }

  private void characterClass() throws UntranslatableRegexException {
    out.append('[');
    pos++;
    if (pos < source.length() && source.charAt(pos) == '^') {
      out.append('^');
      pos++;
    }
    if (pos < source.length() && source.charAt(pos) == ']') {
      out.append("\\]");
      pos++;
    }
    boolean spaceIgnored = false;
    while (pos < source.length() && source.charAt(pos) != ']') {
      char c = source.charAt(pos);
      if (verbose && Character.isWhitespace(c)) {
        spaceIgnored = true;
        pos++;
      } else if (c == '\\') {
        escape(true);
      } else if (c == '[' && source.startsWith("[:", pos) && source.indexOf(":]", pos + 2) > 0) {
        int end = source.indexOf(":]", pos + 2);
        String name = source.substring(pos + 2, end);
        boolean negated = name.startsWith("^");
        String posix = POSIX.get(negated ? name.substring(1) : name);
        if (posix == null) {
          throw new UntranslatableRegexException("unknown POSIX class [:" + name + ":]");
        }
        out.append(negated ? negate(posix) : posix);
        pos = end + 2;
      } else if (c == '[') {
        if (dialect == Dialect.RUST) {
          characterClass(); // Rust nests classes as Java does: a union
        } else {
          out.append("\\[");
          pos++;
        }
      } else if (c == '&' || c == '-' || c == '~') {
        boolean doubled = pos + 1 < source.length() && source.charAt(pos + 1) == c;
        if (dialect == Dialect.RUST && doubled && c == '&') {
          out.append("&&");
          pos += 2;
        } else if (dialect == Dialect.RUST && doubled && pos + 2 < source.length() && source.charAt(pos + 2) != ']') {
          throw new UntranslatableRegexException("class set operation '" + c + c + "' has no Java equivalent");
        } else {
          out.append(c == '&' ? "\\&" : String.valueOf(c));
          pos++;
        }
      } else {
        out.append(c);
        pos++;
      }
    }
    if (pos >= source.length()) {
      throw new UntranslatableRegexException("unterminated character class");
    }
    out.append(']');
    pos++;
    if (spaceIgnored) {
      notes.add("whitespace inside a character class under (?x) is ignored, as Rust regex does (PCRE keeps it)");
    }
  }

  private static String negate(String posix) {
    if (posix.startsWith("\\p")) {
      return "\\P" + posix.substring(2);
    }
    return posix.equals("\\s") ? "\\S" : "\\W";
  }

  private static String escapeClassLiteral(String literal) {
    StringBuilder b = new StringBuilder();
    for (char c : literal.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }
}
