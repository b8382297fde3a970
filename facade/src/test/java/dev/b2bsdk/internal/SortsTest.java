package dev.b2bsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.b2bsdk.core.paging.Sort;
import org.junit.jupiter.api.Test;

/**
 * How each paging style sends the one {@link Sort}; the paging tests of each client check the
 * same on the wire ({@code CareCloudPagingTest}, {@code ItCarePagingTest}, {@code InTouchPagingTest}).
 */
class SortsTest {

  @Test
  void careCloudSendsAFieldAndAnUpperCaseDirection() {
    assertThat(Sorts.field(Sort.desc("last_change"))).isEqualTo("last_change");
    assertThat(Sorts.direction(Sort.desc("last_change"), "ASC", "DESC")).isEqualTo("DESC");
    assertThat(Sorts.direction(Sort.asc("card_number"), "ASC", "DESC")).isEqualTo("ASC");
  }

  @Test
  void itCareSendsSpringsFieldCommaDirection() {
    assertThat(Sorts.spring(Sort.asc("name"))).isEqualTo("name,asc");
    assertThat(Sorts.spring(Sort.desc("creationTime"))).isEqualTo("creationTime,desc");
  }

  @Test
  void inTouchSendsOrderByAndADescendingFlag() {
    assertThat(Sorts.field(Sort.asc("entered"))).isEqualTo("entered");
    assertThat(Sorts.descending(Sort.asc("entered"))).isFalse();
    assertThat(Sorts.descending(Sort.desc("modified"))).isTrue();
  }

  @Test
  void noSortSendsNothingInEveryStyle() {
    assertThat(Sorts.field(null)).isNull();
    assertThat(Sorts.direction(null, "ASC", "DESC")).isNull();
    assertThat(Sorts.spring(null)).isNull();
    assertThat(Sorts.descending(null)).isNull();
  }
}
