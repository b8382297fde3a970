package dev.b2bsdk.internal;


import com.google.gson.annotations.SerializedName;
import java.util.List;

/** Test stand-ins for the generated envelope models of the three paging styles. */
final class Envelopes {
  private Envelopes() {}

  record Item(int id) {}

  /** ITCare: Spring Data page. */
  record SpringPage(List<Item> content, Long totalElements, Integer totalPages, Integer number,
      Integer size, Boolean last) {}

  /** CareCloud: {data: {customers: [...], total_items}}. */
  record CareCloudList(CareCloudData data) {}

  record CareCloudData(List<Item> customers, @SerializedName("total_items") Long totalItems) {}

  /** InTouch: {total, position, size, items}. */
  record InTouchPage(Long total, Long position, Integer size, List<Item> items) {}

  static final SpringPaging<SpringPage, Item> SPRING = SpringPaging.of(SpringPage::content,
      SpringPage::totalPages, SpringPage::last, SpringPage::number, SpringPage::size)
      .withTotalElements(SpringPage::totalElements);

  static final OffsetPaging<CareCloudList, Item> CARECLOUD =
      OffsetPaging.of(e -> e.data().customers(), e -> e.data().totalItems());

  static final PositionPaging<InTouchPage, Item> INTOUCH = PositionPaging.of(InTouchPage::items,
      InTouchPage::total, InTouchPage::position, InTouchPage::size);
}
