package dev.b2bsdk.internal;

import dev.b2bsdk.core.paging.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SortTest {

  @Test
  void ascAndDescKeepTheVendorsFieldName() {
    assertThat(Sort.asc("last_change").field()).isEqualTo("last_change");
    assertThat(Sort.asc("last_change").isAscending()).isTrue();
    assertThat(Sort.desc("last_change").isAscending()).isFalse();
    assertThat(Sort.desc("last_change")).hasToString("last_change desc");
    assertThat(Sort.asc("name")).hasToString("name asc");
  }

  @Test
  void equalityIsFieldAndDirection() {
    assertThat(Sort.asc("name")).isEqualTo(Sort.asc("name"))
        .hasSameHashCodeAs(Sort.asc("name"))
        .isNotEqualTo(Sort.desc("name"))
        .isNotEqualTo(Sort.asc("id"));
  }

  @Test
  void aMissingOrBlankFieldIsRefused() {
    assertThatThrownBy(() -> Sort.asc(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("sort field");
    assertThatThrownBy(() -> Sort.desc(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
  }
}
