package dev.mailleaks.match;

import dev.mailleaks.rules.Rule;
import dev.mailleaks.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Flags keywords that would make the prefilter useless: shorter than 3 characters, or a word of ordinary English
 * prose, so that the rule's regex runs in almost every mail. A short keyword (a symbol such as {@code \\}) is
 * tolerated in an anchored rule ({@code window_before}), whose per-hit cost is a few {@code lookingAt} tries
 * rather than a window search; a common word is not, it is hit thousands of times per megabyte.
 */
public final class KeywordCheck {
  /** One keyword that defeats the prefilter. */
  public record Warning(String ruleId, String keyword, String reason) {
    @Override
    public String toString() {
      return ruleId + ": keyword '" + keyword + "' " + reason;
    }
  }

  public static final int MIN_LENGTH = 3;

  /** The most frequent words of English prose and mail (3+ letters; shorter ones fail on length anyway). */
  static final Set<String> COMMON_WORDS = Set.copyOf(List.of(("the and for are but not you all any can had her was one our out "
      + "day get has him his how man new now old see two way who boy did its let put say she too use that with have "
      + "this will your from they know want been good much some time very when come here just like long make many "
      + "more only over such take than them well were what into year also back after work first other could would "
      + "there their about which these think because people should please thanks thank regards email mail message "
      + "hello dear sent reply subject date name send call today tomorrow week next last meeting team help need "
      + "find give tell ask feel try leave keep let begin seem show hear play run move live believe hold bring "
      + "happen write provide sit stand lose pay meet include continue set learn change lead understand watch "
      + "follow stop create speak read allow add spend grow open walk win offer remember love consider appear buy "
      + "wait serve die build stay fall cut reach kill remain suggest raise pass sell require report decide pull "
      + "where while then those both each few most own same still even back again never always sure best great "
      + "little right high different small large next early young important public bad able key code user login "
      + "account access secret token link click file attached attachment information info data team group "
      + "company office home number phone address order price service support issue problem question answer "
      + "update version system server site page web online free list note test").split(" ")));

  private KeywordCheck() {}

  public static List<Warning> check(RuleSet rules) {
    List<Warning> warnings = new ArrayList<>();
    for (Rule rule : rules.rules()) {
      warnings.addAll(check(rule));
    }
    return warnings;
  }

  public static List<Warning> check(Rule rule) {
    List<Warning> warnings = new ArrayList<>();
    for (String keyword : rule.keywords()) {
      if (keyword.strip().length() < MIN_LENGTH && !rule.anchored()) {
        warnings.add(new Warning(rule.id(), keyword, "is shorter than " + MIN_LENGTH
            + " characters: it occurs in most text, so the unanchored rule searches nearly everything"));
      } else if (COMMON_WORDS.contains(keyword.strip().toLowerCase(Locale.ROOT))) {
        warnings.add(new Warning(rule.id(), keyword, "is a common English word: it occurs in most mail, "
            + "so the rule runs nearly everywhere; use a distinctive literal (a prefix, a label like 'api_key')"));
      }
    }
    return warnings;
  }
}
