package dev.b2bsdk.testkit.itcare;

import static dev.b2bsdk.testkit.core.Json.obj;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.b2bsdk.testkit.core.JsonQueries;
import dev.b2bsdk.testkit.core.MockFailure;
import dev.b2bsdk.testkit.core.MockRequest;
import dev.b2bsdk.testkit.core.Paging;
import java.util.ArrayList;
import java.util.List;

/**
 * Spring Data paging as ITCare serves it: {@code page} (0-based, default 0), {@code size} (default
 * 20, capped at 2000 like Spring's default {@code max-page-size}, or lower when the mock is
 * configured so), {@code sort=property[,asc|desc]}; the envelope is Spring's {@code Page} JSON with
 * its {@code pageable} echo.
 */
final class SpringPages {

  static final int DEFAULT_SIZE = 20;
  static final int SPRING_MAX_SIZE = 2000;

  private SpringPages() {
  }

  static JsonObject page(MockRequest request, List<JsonObject> all, int configuredMax) {
    long page = request.queryLong("page", 0);
    long requested = request.queryLong("size", DEFAULT_SIZE);
    if (page < 0) {
      throw MockFailure.invalidField("page", "INVALID_FIELD_VALUE", "Error on field 'page'");
    }
    if (requested < 1) {
      throw MockFailure.invalidField("size", "INVALID_FIELD_VALUE", "Error on field 'size'");
    }
    int size = Paging.effectiveSize(requested, SPRING_MAX_SIZE, configuredMax);
    List<JsonObject> sorted = new ArrayList<>(all);
    String sort = request.query("sort").orElse("");
    boolean sortedFlag = !sort.isBlank();
    if (sortedFlag) {
      String[] parts = sort.split(",");
      boolean desc = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc");
      sorted.sort(JsonQueries.byField(parts[0].trim(), desc));
    }
    long offset = page * size;
    List<JsonObject> content = Paging.slice(sorted, offset, size);
    int totalPages = Paging.pageCount(sorted.size(), size);
    JsonObject sortState = obj("empty", !sortedFlag, "sorted", sortedFlag, "unsorted",
        !sortedFlag);
    JsonArray items = new JsonArray();
    content.forEach(c -> items.add(c.deepCopy()));
    return obj("content", items,
        "pageable", obj("pageNumber", page, "pageSize", size, "offset", offset, "paged", true,
            "unpaged", false, "sort", sortState.deepCopy()),
        "totalElements", sorted.size(), "totalPages", totalPages, "number", page,
        "size", size, "numberOfElements", content.size(), "first", page == 0,
        "last", page >= totalPages - 1, "empty", content.isEmpty(), "sort", sortState);
  }
}
