package dev.mailleaks.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageDatesTest {
  @Test
  void readsRfc5322Dates() {
    assertThat(MessageDates.toUtc("Wed, 31 Jan 2024 10:15:00 +0100")).isEqualTo("2024-01-31T09:15:00Z");
  }

  @Test
  void copesWithWhatRealMailWrites() {
    assertThat(MessageDates.toUtc("31 Jan 2024 09:15:00 GMT")).isEqualTo("2024-01-31T09:15:00Z");
    assertThat(MessageDates.toUtc("Wed, 31 Jan 2024 9:15:00 +0000 (UTC)")).isEqualTo("2024-01-31T09:15:00Z");
    assertThat(MessageDates.toUtc("Wed,  31 Jan 2024 04:15 EST")).isEqualTo("2024-01-31T09:15:00Z");
    assertThat(MessageDates.toUtc("31 Jan 99 09:15:00 +0000")).isEqualTo("1999-01-31T09:15:00Z");
  }

  @Test
  void unreadableDatesAreNull() {
    assertThat(MessageDates.toUtc("")).isNull();
    assertThat(MessageDates.toUtc(null)).isNull();
    assertThat(MessageDates.toUtc("last Tuesday")).isNull();
  }
}
