package dev.mailleaks.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Unit tests for {@link Companion}: what counts as near a secret. */
class CompanionTest {
  private static final Pattern AWS = Pattern.compile("(?i:(?<![a-z])aws(?![a-z]))|AKIA[A-Z2-7]{16}");
  private static final String SECRET = "tUHcgt+GpTPKuQtpFAKEzMYRHt2cxLT2hZokR1/9";

  private static boolean near(Companion companion, String text) {
    int start = text.indexOf(SECRET);
    return companion.presentNear(text, start, start + SECRET.length());
  }

  @Test
  void withinLinesCountsWholeLinesAboveAndBelow() {
    Companion twoLines = Companion.withinLines(AWS, 2);
    assertThat(near(twoLines, "AWS account\n\nsecret: " + SECRET)).as("two lines above").isTrue();
    assertThat(near(twoLines, "secret: " + SECRET + "\nline\nkey id AKIAQ7FAKEZ3MLK4RWNB")).as("two lines below").isTrue();
    assertThat(near(twoLines, "AWS account\n\n\nsecret: " + SECRET)).as("three lines above").isFalse();
    assertThat(near(Companion.withinLines(AWS, 0), "the aws secret: " + SECRET)).as("same line").isTrue();
  }

  @Test
  void withinCharsCountsCharactersBeforeTheStartAndAfterTheEnd() {
    Companion thirty = Companion.withinChars(AWS, 30);
    assertThat(near(thirty, "aws" + " ".repeat(27) + SECRET)).isTrue();
    assertThat(near(thirty, "aws" + " ".repeat(28) + SECRET)).as("starts 31 characters before").isFalse();
    assertThat(near(thirty, SECRET + " ".repeat(27) + "aws")).isTrue();
    assertThat(near(thirty, SECRET + " ".repeat(28) + "aws")).as("ends 31 characters after").isFalse();
  }

  @Test
  void anAbsentCompanionOrOneInsideTheSecretDoesNotCount() {
    Companion any = Companion.withinLines(AWS, 5);
    assertThat(near(any, "MinIO secret access key: " + SECRET)).isFalse();
    String inside = "tUHcgt+aws+pTPKuQtpFAKEzMYRHt2cxLT2hZokR1";
    assertThat(any.presentNear("key: " + inside, 5, 5 + inside.length())).isFalse();
  }

  @Test
  void needsExactlyOneDistance() {
    assertThatThrownBy(() -> new Companion(AWS, 3, 30)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Companion(AWS, Companion.UNSET, Companion.UNSET))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
