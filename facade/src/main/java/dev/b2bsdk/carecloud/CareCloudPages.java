package dev.b2bsdk.carecloud;

import dev.b2bsdk.core.paging.OffsetPaging;
import dev.b2bsdk.generated.carecloud.model.Card;
import dev.b2bsdk.generated.carecloud.model.CardList;
import dev.b2bsdk.generated.carecloud.model.CardListResponse;
import dev.b2bsdk.generated.carecloud.model.CardType;
import dev.b2bsdk.generated.carecloud.model.CardTypeList;
import dev.b2bsdk.generated.carecloud.model.CardTypeListResponse;
import dev.b2bsdk.generated.carecloud.model.Country;
import dev.b2bsdk.generated.carecloud.model.CountryList;
import dev.b2bsdk.generated.carecloud.model.CountryListResponse;
import dev.b2bsdk.generated.carecloud.model.Currency;
import dev.b2bsdk.generated.carecloud.model.CurrencyList;
import dev.b2bsdk.generated.carecloud.model.CurrencyListResponse;
import dev.b2bsdk.generated.carecloud.model.Customer;
import dev.b2bsdk.generated.carecloud.model.CustomerList;
import dev.b2bsdk.generated.carecloud.model.CustomerListResponse;
import dev.b2bsdk.generated.carecloud.model.CustomerSource;
import dev.b2bsdk.generated.carecloud.model.CustomerSourceList;
import dev.b2bsdk.generated.carecloud.model.CustomerSourceListResponse;
import dev.b2bsdk.generated.carecloud.model.CustomerType;
import dev.b2bsdk.generated.carecloud.model.CustomerTypeList;
import dev.b2bsdk.generated.carecloud.model.CustomerTypeListResponse;
import dev.b2bsdk.generated.carecloud.model.Reward;
import dev.b2bsdk.generated.carecloud.model.RewardList;
import dev.b2bsdk.generated.carecloud.model.RewardListResponse;
import dev.b2bsdk.generated.carecloud.model.Segment;
import dev.b2bsdk.generated.carecloud.model.SegmentGroup;
import dev.b2bsdk.generated.carecloud.model.SegmentGroupList;
import dev.b2bsdk.generated.carecloud.model.SegmentGroupListResponse;
import dev.b2bsdk.generated.carecloud.model.SegmentList;
import dev.b2bsdk.generated.carecloud.model.SegmentListResponse;
import dev.b2bsdk.generated.carecloud.model.Status;
import dev.b2bsdk.generated.carecloud.model.StatusList;
import dev.b2bsdk.generated.carecloud.model.StatusListResponse;
import dev.b2bsdk.generated.carecloud.model.StatusRecord;
import dev.b2bsdk.generated.carecloud.model.StatusRecordList;
import dev.b2bsdk.generated.carecloud.model.StatusRecordListResponse;
import dev.b2bsdk.generated.carecloud.model.Store;
import dev.b2bsdk.generated.carecloud.model.StoreList;
import dev.b2bsdk.generated.carecloud.model.StoreListResponse;
import dev.b2bsdk.generated.carecloud.model.Voucher;
import dev.b2bsdk.generated.carecloud.model.VoucherList;
import dev.b2bsdk.generated.carecloud.model.VoucherListResponse;
import java.util.List;
import java.util.function.Function;

/**
 * How to read each list envelope {@code {"data": {"<plural>": [...], "total_items": n}}}: one
 * {@link OffsetPaging} adapter per envelope type, from accessor references. The generated
 * envelopes share no base class, so the table is the one place that knows their getters; the
 * paging loop itself is the core's.
 *
 * <p>Page size: 100 unless the caller sets one, at most 1000 (the vendor documents no maximum;
 * 1000 matches its limit on filter values, and a server that returns fewer items than asked is
 * followed by the offset it actually reached).
 */
final class CareCloudPages {

  static final OffsetPaging<CustomerListResponse, Customer> CUSTOMERS =
      of(CustomerListResponse::getData, CustomerList::getCustomers, CustomerList::getTotalItems);
  static final OffsetPaging<CardListResponse, Card> CARDS =
      of(CardListResponse::getData, CardList::getCards, CardList::getTotalItems);
  static final OffsetPaging<CardTypeListResponse, CardType> CARD_TYPES =
      of(CardTypeListResponse::getData, CardTypeList::getCardTypes, CardTypeList::getTotalItems);
  static final OffsetPaging<VoucherListResponse, Voucher> VOUCHERS =
      of(VoucherListResponse::getData, VoucherList::getVouchers, VoucherList::getTotalItems);
  static final OffsetPaging<RewardListResponse, Reward> REWARDS =
      of(RewardListResponse::getData, RewardList::getRewards, RewardList::getTotalItems);
  static final OffsetPaging<StatusRecordListResponse, StatusRecord> STATUS_RECORDS =
      of(StatusRecordListResponse::getData, StatusRecordList::getStatusRecords,
          StatusRecordList::getTotalItems);
  static final OffsetPaging<SegmentListResponse, Segment> SEGMENTS =
      of(SegmentListResponse::getData, SegmentList::getSegments, SegmentList::getTotalItems);
  static final OffsetPaging<SegmentGroupListResponse, SegmentGroup> SEGMENT_GROUPS =
      of(SegmentGroupListResponse::getData, SegmentGroupList::getSegmentGroups,
          SegmentGroupList::getTotalItems);
  static final OffsetPaging<StoreListResponse, Store> STORES =
      of(StoreListResponse::getData, StoreList::getStores, StoreList::getTotalItems);
  static final OffsetPaging<CountryListResponse, Country> COUNTRIES =
      of(CountryListResponse::getData, CountryList::getCountries, CountryList::getTotalItems);
  static final OffsetPaging<CurrencyListResponse, Currency> CURRENCIES =
      of(CurrencyListResponse::getData, CurrencyList::getCurrencies, CurrencyList::getTotalItems);
  static final OffsetPaging<CustomerSourceListResponse, CustomerSource> CUSTOMER_SOURCES =
      of(CustomerSourceListResponse::getData, CustomerSourceList::getCustomerSources,
          CustomerSourceList::getTotalItems);
  static final OffsetPaging<CustomerTypeListResponse, CustomerType> CUSTOMER_TYPES =
      of(CustomerTypeListResponse::getData, CustomerTypeList::getCustomerTypes,
          CustomerTypeList::getTotalItems);
  static final OffsetPaging<StatusListResponse, Status> STATUSES =
      of(StatusListResponse::getData, StatusList::getStatuses, StatusList::getTotalItems);

  private CareCloudPages() {
  }

  /** An adapter reading {@code data.<items>} and {@code data.total_items}; a null data is empty. */
  static <E, D, T> OffsetPaging<E, T> of(Function<E, D> data, Function<D, List<T>> items,
      Function<D, Integer> total) {
    return OffsetPaging.<E, T>of(
        e -> nullSafe(data.apply(e), items),
        e -> nullSafe(data.apply(e), total));
  }

  /** {@code data.<items>} of a non-paged list envelope, never null. */
  static <E, D, T> List<T> items(E envelope, Function<E, D> data, Function<D, List<T>> items) {
    List<T> list = envelope == null ? null : nullSafe(data.apply(envelope), items);
    return list == null ? List.of() : list;
  }

  private static <D, R> R nullSafe(D data, Function<D, R> accessor) {
    return data == null ? null : accessor.apply(data);
  }
}
