package dev.b2bsdk.specs.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vendor drift report on a small made-up vendor file ({@code src/test/resources/vendor-diff}):
 * it reports each kind of drift, lets the allow-list excuse exactly the lines it names, and
 * checks vendor date examples against our formats.
 */
class VendorDiffTest {

  private static final Path DIR = Path.of("src/test/resources/vendor-diff");
  private static final Path VENDOR = DIR.resolve("vendor.yaml");
  private static final Path OURS = DIR.resolve("ours.yaml");
  private static final Path ALLOW = DIR.resolve("ours.allow");

  @TempDir
  Path tmp;

  @Test
  void deliberateDeviationsPassOnlyThroughTheAllowList() throws IOException {
    VendorDiff.Report withAllowList = VendorDiff.compare(OURS, VENDOR, VendorDiff.readAllowList(ALLOW));
    assertThat(withAllowList.notAllowed()).isEmpty();
    assertThat(withAllowList.passed()).isTrue();
    assertThat(withAllowList.allowed()).containsExactlyInAnyOrder(
        "format GET /things response 200.data.things[].price : vendor float ; ours (none)",
        "format GET /things response 200.data.things[].valid_from : vendor (none) ; ours local-date-time",
        "format GET /things response 200.data.things[].last_change : vendor (none) ; ours local-date-time",
        "format PUT /things/{thing_id} request.thing.price : vendor float ; ours (none)",
        "format PUT /things/{thing_id} request.thing.valid_from : vendor (none) ; ours local-date-time",
        "format PUT /things/{thing_id} request.thing.last_change : vendor (none) ; ours local-date-time",
        "param-name GET /things query thing_ids : vendor thing_ids ; ours thing_ids[]");
    assertThat(withAllowList.allowedPerLine()).containsValues(4, 2, 1);
    assertThat(withAllowList.unusedAllowLines()).isEmpty();

    // the same files without the allow-list: the same seven lines, now failures
    VendorDiff.Report without = VendorDiff.compare(OURS, VENDOR, List.of());
    assertThat(without.passed()).isFalse();
    assertThat(without.notAllowed()).containsExactlyInAnyOrderElementsOf(withAllowList.allowed());
  }

  @Test
  void everyKindOfDriftIsReported() throws IOException {
    String ours = Files.readString(OURS)
        .replace("operationId: putThing", "operationId: replaceThing")           // renamed operation
        .replace("x-interfaces: [enterprise]\n", "x-interfaces: [enterprise, customer]\n") // interface
        .replace("          schema: {type: string, enum: [red, green, blue]}",
                 "          schema: {type: string, enum: [red, green]}")           // narrower enum (param)
        .replace("        thing_id: {type: string, readOnly: true}\n", "        thing_id: {type: string}\n")
        .replace("        extra:\n          description: Any JSON value.\n", "")   // a field dropped
        .replace("        - name: colour\n          in: query\n          schema: {type: string, enum: [red, green]}\n", "");
    Path drifted = tmp.resolve("drifted.yaml");
    Files.writeString(drifted, ours);

    VendorDiff.Report report = VendorDiff.compare(drifted, VENDOR, VendorDiff.readAllowList(ALLOW));

    assertThat(report.passed()).isFalse();
    assertThat(report.notAllowed()).containsExactlyInAnyOrder(
        "operationId PUT /things/{thing_id} : vendor putThing ; ours replaceThing",
        "interfaces GET /things : vendor [enterprise] ; ours [enterprise, customer]",
        "param GET /things query colour : vendor present ; ours (missing)",
        "readOnly GET /things response 200.data.things[].thing_id : vendor true ; ours false",
        "readOnly PUT /things/{thing_id} request.thing.thing_id : vendor true ; ours false",
        "field GET /things response 200.data.things[].extra : vendor present ; ours (missing)",
        "field PUT /things/{thing_id} request.thing.extra : vendor present ; ours (missing)");
  }

  @Test
  void enumTypeRequiredAndMissingOperationsAreReported() throws IOException {
    String ours = Files.readString(OURS)
        .replace("        colour: {type: string, enum: [red, green, blue]}",
                 "        colour: {type: string, enum: [red, green]}")
        .replace("        total_items: {type: integer}", "        total_items: {type: string}")
        .replace("      required: [name]\n", "");
    Path o = Files.writeString(tmp.resolve("ours.yaml"), ours);
    // the vendor file has one more operation
    Path v = Files.writeString(tmp.resolve("vendor.yaml"), Files.readString(VENDOR).replace("components:\n  parameters:",
        "  /gadgets:\n    get:\n      operationId: getGadgets\n      responses:\n        '204': {description: Done}\n"
            + "components:\n  parameters:"));

    VendorDiff.Report report = VendorDiff.compare(o, v, VendorDiff.readAllowList(ALLOW));

    assertThat(report.notAllowed()).containsExactlyInAnyOrder(
        "operation GET /gadgets : vendor exists ; ours (missing)",
        "enum GET /things response 200.data.things[].colour : vendor [blue, green, red] ; ours [green, red]",
        "enum PUT /things/{thing_id} request.thing.colour : vendor [blue, green, red] ; ours [green, red]",
        "type GET /things response 200.data.total_items : vendor integer ; ours string",
        "required GET /things response 200.data.things[].name : vendor true ; ours false",
        "required PUT /things/{thing_id} request.thing.name : vendor true ; ours false");
  }

  @Test
  void aVendorDateExampleThatDoesNotParseInOurFormatFailsEvenWhenTheFormatIsAllowed() throws IOException {
    Path v = Files.writeString(tmp.resolve("vendor.yaml"), Files.readString(VENDOR)
        .replace("valid_from: {type: string, example: '2021-04-14 00:00:00'}",
                 "valid_from: {type: string, example: '14.04.2021'}"));

    VendorDiff.Report report = VendorDiff.compare(OURS, v, VendorDiff.readAllowList(ALLOW));

    assertThat(report.notAllowed()).containsExactlyInAnyOrder(
        "example GET /things response 200.data.things[].valid_from : vendor '14.04.2021' ; ours does not parse it as local-date-time",
        "example PUT /things/{thing_id} request.thing.valid_from : vendor '14.04.2021' ; ours does not parse it as local-date-time");
  }

  @Test
  void commandLineExitsOneOnDriftAndZeroWhenAllowedAndWritesTheReport() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Path report = tmp.resolve("out/report.txt");
    int ok = VendorDiff.run(new String[] {"--api", "fixture", "--ours", OURS.toString(), "--vendor", VENDOR.toString(),
        "--allow", ALLOW.toString(), "--report", report.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        System.err);
    assertThat(ok).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("differences: 7 (7 allowed", "result: OK");
    assertThat(report).exists();

    Path empty = Files.writeString(tmp.resolve("empty.allow"), "# nothing is deliberate\n");
    out.reset();
    int drift = VendorDiff.run(new String[] {"--api", "fixture", "--ours", OURS.toString(), "--vendor", VENDOR.toString(),
        "--allow", empty.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertThat(drift).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("NOT ALLOWED", "result: FAILED, 7 difference(s)");

    Path bad = Files.writeString(tmp.resolve("bad.allow"), "format * without a reason\n");
    assertThat(VendorDiff.run(new String[] {"--api", "fixture", "--ours", OURS.toString(), "--vendor", VENDOR.toString(),
        "--allow", bad.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isEqualTo(2);
  }

  @Test
  void theCommittedAllowListsParseAndGiveAReasonOnEveryLine() throws IOException {
    try (var files = Files.list(Path.of("vendor-diff"))) {
      List<Path> lists = files.filter(p -> p.toString().endsWith(".allow")).toList();
      assertThat(lists).isNotEmpty();
      for (Path list : lists) {
        assertThat(VendorDiff.readAllowList(list)).as(list.toString()).isNotEmpty()
            .allSatisfy(line -> assertThat(line.reason()).hasSizeGreaterThan(10));
      }
    }
  }
}
