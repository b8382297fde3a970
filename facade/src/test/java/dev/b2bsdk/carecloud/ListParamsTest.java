package dev.b2bsdk.carecloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.b2bsdk.core.paging.Sort;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one params convention of the generated layer, on {@link CustomersOperations.ListParams}
 * (the largest params object): immutable, unset = null (absent from the request; the paging
 * tests check the wire), {@code equals}/{@code hashCode} by value, {@code toBuilder}.
 */
class ListParamsTest {

  private static CustomersOperations.ListParams.Builder smiths() {
    return CustomersOperations.ListParams.builder().lastName("Smith").customerSourceId("src-1")
        .customerIds(List.of("x1", "x2")).sort(Sort.desc("last_change"));
  }

  @Test
  void unsetValuesAreNull() {
    CustomersOperations.ListParams none = CustomersOperations.ListParams.builder().build();
    assertThat(none.lastName()).isNull();
    assertThat(none.customerIds()).isNull();
    assertThat(none.emailList()).isNull();
    assertThat(none.sort()).isNull();
  }

  @Test
  void equalValuesAreEqualAndHashAlike() {
    assertThat(smiths().build()).isEqualTo(smiths().build())
        .hasSameHashCodeAs(smiths().build())
        .isNotEqualTo(smiths().lastName("Jones").build())
        .isNotEqualTo(smiths().sort(Sort.asc("last_change")).build())
        .isNotEqualTo(smiths().customerIds(List.of("x1")).build())
        .isNotEqualTo(CustomersOperations.ListParams.builder().build());
    assertThat(CustomersOperations.ListParams.builder().build())
        .isEqualTo(CustomersOperations.ListParams.builder().build());
  }

  @Test
  void toBuilderCopiesAndLeavesTheOriginalAlone() {
    CustomersOperations.ListParams original = smiths().build();

    CustomersOperations.ListParams copy = original.toBuilder().build();
    CustomersOperations.ListParams changed = original.toBuilder().lastName("Jones").build();
    CustomersOperations.ListParams unset = original.toBuilder().lastName(null).build();

    assertThat(copy).isEqualTo(original);
    assertThat(changed.lastName()).isEqualTo("Jones");
    assertThat(changed.customerSourceId()).isEqualTo("src-1");
    assertThat(changed.sort()).isEqualTo(Sort.desc("last_change"));
    assertThat(original.lastName()).isEqualTo("Smith");
    assertThat(unset.lastName()).isNull();
    assertThat(unset).isEqualTo(smiths().lastName(null).build());
  }

  @Test
  void listValuesAreCopiedAndImmutable() {
    List<String> ids = new ArrayList<>(List.of("x1", "x2"));
    CustomersOperations.ListParams params =
        CustomersOperations.ListParams.builder().customerIds(ids).build();

    ids.add("x3");

    assertThat(params.customerIds()).containsExactly("x1", "x2");
    assertThatThrownBy(() -> params.customerIds().add("x4"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toStringNamesTheSetParametersButNeverTheirValues() {
    // values may be personal data (e-mail, phone, names): toString ends up in logs
    assertThat(CustomersOperations.ListParams.builder().customerSourceId("src-1")
        .email("john@example.com").customerIds(List.of("x1")).sort(Sort.desc("last_change"))
        .build())
        .hasToString("ListParams{email, customer_source_id, customer_ids[], sort=last_change desc}");
    assertThat(CustomersOperations.ListParams.builder().build()).hasToString("ListParams{}");
  }
}
