package dev.b2bsdk.bench;

import java.util.Locale;

/**
 * Response bodies the loopback server serves, shaped like the vendors' documented examples
 * (CareCloud customers, ITCare actions), with varied values so that the parser cannot benefit
 * from one repeated string. Built once per benchmark state.
 */
final class Fixtures {

  /** The id the small-GET benchmarks ask for. */
  static final String CUSTOMER_ID = "8ea6abece4cd0a4ded0a29f093";

  private static final String[] FIRST = {"John", "Jana", "Petr", "Eva", "Tomáš", "Lucie", "Martin",
      "Kateřina", "Pavel", "Veronika", "Jakub", "Tereza", "Ondřej", "Barbora", "Michal", "Anna"};
  private static final String[] LAST = {"Smith", "Nováková", "Svoboda", "Dvořáková", "Černý",
      "Procházková", "Kučera", "Veselá", "Horák", "Němcová", "Marek", "Pokorná", "Král", "Růžičková"};
  private static final String[] CITY = {"Prague 1", "Brno", "Ostrava", "Plzeň", "Liberec",
      "Olomouc", "České Budějovice", "Hradec Králové", "Pardubice", "Zlín"};
  private static final String[] STREET = {"Old Town Square", "Wenceslas Square", "Národní",
      "Vinohradská", "Masarykova", "Husova", "Palackého", "Komenského", "Nádražní", "Sokolská"};

  private Fixtures() {}

  /** {@code {"data": {customer}}}: one customer, about 1 KB. */
  static String customerResponse() {
    return "{\"data\":" + customer(0) + "}";
  }

  /** {@code {"data": {"customers": [...count customers from offset], "total_items": total}}}. */
  static String customerPage(int offset, int count, long total) {
    StringBuilder b = new StringBuilder(count * 1100 + 64).append("{\"data\":{\"customers\":[");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(customer(offset + i));
    }
    return b.append("],\"total_items\":").append(total).append("}}").toString();
  }

  /** One customer as CareCloud's {@code GET /customers/{id}} documents it. */
  static String customer(int i) {
    String first = FIRST[i % FIRST.length];
    String last = LAST[(i / 3) % LAST.length];
    String id = i == 0 ? CUSTOMER_ID : String.format(Locale.ROOT, "%026x", 0x8ea6abe0L + i * 7919L);
    String email = ascii(first).toLowerCase(Locale.ROOT) + "." + ascii(last).toLowerCase(Locale.ROOT)
        + i + "@example.com";
    int month = 1 + i % 12;
    int day = 1 + i % 28;
    StringBuilder b = new StringBuilder(1100)
        .append("{\"customer_id\":\"").append(id).append('"')
        .append(",\"personal_information\":{")
        .append("\"gender\":").append(1 + i % 2)
        .append(",\"first_name\":\"").append(first).append('"')
        .append(",\"last_name\":\"").append(last).append('"')
        .append(",\"birthdate\":\"").append(1950 + i % 50).append('-').append(two(month))
        .append('-').append(two(day)).append('"')
        .append(",\"email\":\"").append(email).append('"')
        .append(",\"phone\":\"420").append(600000000 + (i * 104729L) % 99999999).append('"')
        .append(",\"language_id\":\"").append(i % 5 == 0 ? "en" : "cs").append('"')
        .append(",\"store_id\":\"8bed991c68a").append(i % 10).append('"')
        .append(",\"address\":{")
        .append("\"address1\":\"").append(STREET[i % STREET.length]).append('"')
        .append(",\"address2\":\"").append(1 + i % 120).append('"')
        .append(",\"address3\":\"\",\"address4\":\"\",\"address5\":\"\",\"address6\":\"\",\"address7\":\"\"")
        .append(",\"zip\":\"").append(11000 + (i * 37) % 70000).append('"')
        .append(",\"city\":\"").append(CITY[i % CITY.length]).append('"')
        .append(",\"country_code\":\"cz\"}")
        .append(",\"agreement\":{")
        .append("\"agreement_gtc\":1")
        .append(",\"agreement_profiling\":").append(i % 3 == 0 ? 0 : 1)
        .append(",\"agreement_marketing_communication\":").append(i % 4 == 0 ? 0 : 1)
        .append(",\"custom_agreements\":[")
        .append("{\"agreement_id\":\"89ce2a1b9b01f5c939fb1e20cd\",\"agreement_value\":").append(1 + i % 2)
        .append("},{\"agreement_id\":\"77ab19e0c3d4f5a6b7c8d9e0f1\",\"agreement_value\":2}]}}")
        .append(",\"doi_email\":").append(i % 2 == 0 ? "1" : "null")
        .append(",\"doi_phone\":null")
        .append(",\"last_change\":\"20").append(19 + i % 6).append('-').append(two(month)).append('-')
        .append(two(day)).append(' ').append(two(i % 24)).append(':').append(two(i % 60)).append(':')
        .append(two((i * 7) % 60)).append('"')
        .append(",\"state\":1}");
    return b.toString();
  }

  /** An ITCare action ({@code GET /actions/{id}}) in the given status. */
  static String action(long id, String status) {
    return "{\"id\":" + id + ",\"status\":\"" + status + "\",\"message\":\"Instance creation "
        + status.toLowerCase(Locale.ROOT) + "\",\"process\":\"CREATE_INSTANCE\",\"family\":\"INSTANCE\","
        + "\"resourceName\":\"vm-bench-01\",\"resourceType\":\"INSTANCE\","
        + "\"submittedAt\":\"2026-11-22T10:00:00.000+0100\",\"submittedBy\":\"bench\","
        + "\"lastUpdatedAt\":\"2026-11-22T10:00:05.000+0100\",\"completedAt\":"
        + (status.equals("SUCCESS") ? "\"2026-11-22T10:00:10.000+0100\"" : "null") + "}";
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  private static String ascii(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }
}
