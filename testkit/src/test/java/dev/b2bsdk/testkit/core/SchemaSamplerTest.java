package dev.b2bsdk.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthesiser honours enums, formats, patterns, bounds and item counts, and depends on its seed
 * only.
 */
class SchemaSamplerTest {

  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: t, version: '1'}
      paths: {}
      components:
        schemas:
          Thing:
            allOf:
              - $ref: '#/components/schemas/Base'
              - type: object
                properties:
                  colour: {type: string, enum: [red, green, blue]}
                  small: {type: integer, format: int32, minimum: 3, maximum: 5}
                  day: {type: string, format: date}
                  at: {type: string, format: date-time}
                  local: {type: string, format: local-date-time}
                  mail: {type: string, format: email}
                  key: {type: string, format: uuid}
                  code: {type: string, minLength: 40, maxLength: 40}
                  tags: {type: array, minItems: 3, items: {type: string}}
                  secret: {type: string, writeOnly: true}
                  named: {type: string, example: Karel}
                  ean: {type: string, pattern: '^[0-9]{13}$'}
                  ref: {type: string, pattern: '^(RFC|CHG)_\\d{3,5}(-[A-Z]+)?$'}
          Base:
            type: object
            properties:
              id: {type: integer, format: int64, readOnly: true}
          Sample:
            type: object
            properties:
              stamp: {type: string, example: '2024-03-01 10:00:00'}
      """;

  @TempDir
  Path dir;

  @Test
  void honoursEnumsFormatsPatternsBoundsAndTheSeed() throws Exception {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, SPEC, StandardCharsets.UTF_8);
    OpenApiSpec spec = OpenApiSpec.load(file.toUri().toURL());
    SchemaSampler sampler = new SchemaSampler(spec);
    wiremock.com.fasterxml.jackson.databind.JsonNode thing = spec.resolve(
        wiremock.com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
            .put("$ref", "#/components/schemas/Thing"));
    for (int seed = 0; seed < 50; seed++) {
      JsonObject o = sampler.sample(thing, new Random(seed), false).getAsJsonObject();
      assertThat(o.get("colour").getAsString()).isIn("red", "green", "blue");
      assertThat(o.get("small").getAsInt()).isBetween(3, 5);
      LocalDate.parse(o.get("day").getAsString());
      OffsetDateTime.parse(o.get("at").getAsString());
      // the spec's own zone-less date-times use a space: so do synthesised ones
      LocalDateTime.parse(o.get("local").getAsString(),
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
      assertThat(o.get("mail").getAsString()).matches("[a-z.]+@example\\.com");
      UUID.fromString(o.get("key").getAsString());
      assertThat(o.get("code").getAsString()).hasSize(40);
      assertThat(o.get("ean").getAsString()).matches("[0-9]{13}");
      assertThat(o.get("ref").getAsString()).matches("(RFC|CHG)_\\d{3,5}(-[A-Z]+)?");
      assertThat(o.getAsJsonArray("tags")).hasSizeGreaterThanOrEqualTo(3);
      assertThat(o.has("secret")).isFalse(); // write-only: never in an answer
      assertThat(o.has("id")).isTrue(); // allOf branches merged
    }
    JsonElement a = sampler.sample(thing, new Random(42), false);
    assertThat(sampler.sample(thing, new Random(42), false)).isEqualTo(a);
    assertThat(sampler.sample(thing, new Random(43), false)).isNotEqualTo(a);
    // examples win when asked for; a request leaves read-only properties out
    assertThat(sampler.sample(thing, new Random(1), true).getAsJsonObject().get("named")
        .getAsString()).isEqualTo("Karel");
    assertThat(sampler.sampleRequest(thing, new Random(1)).getAsJsonObject().has("id")).isFalse();
    assertThat(sampler.required(thing)).isEmpty();
    assertThat(sampler.properties(thing)).containsKeys("id", "colour", "tags");
  }
}
