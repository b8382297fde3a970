package dev.b2bsdk.it.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the spec's own example values as JSON trees: media-type examples (single or named),
 * and a value for a parameter or header (its example, else its schema's example, default or first
 * enum value, else — only when required — a minimal value of its type).
 */
final class SpecExamples {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SpecExamples() {
  }

  /** A named example; the name is empty for a single {@code example:}. */
  record Named(String name, JsonNode value) {
  }

  /** The media type's examples: each named one in order, else its single example, else none. */
  static List<Named> of(MediaType media) {
    List<Named> result = new ArrayList<>();
    if (media == null) {
      return result;
    }
    Map<String, Example> named = media.getExamples();
    if (named != null && !named.isEmpty()) {
      named.forEach((name, example) -> result.add(new Named(name, tree(example.getValue()))));
    } else if (media.getExample() != null) {
      result.add(new Named("", tree(media.getExample())));
    } else if (media.getSchema() != null && media.getSchema().getExample() != null) {
      result.add(new Named("", tree(media.getSchema().getExample())));
    }
    return result;
  }

  /** A value for the parameter, or null when it is optional and the spec offers none. */
  static JsonNode of(Parameter p) {
    JsonNode v = first(p.getExample(), p.getExamples());
    if (v == null) {
      v = fromSchema(p.getSchema(), Boolean.TRUE.equals(p.getRequired()));
    }
    return v;
  }

  /**
   * A value for the parameter even when it is optional: its example, else its schema's example,
   * default or first enum value, else a minimal value of its type (so that a typed method's
   * optional parameters are all sent and validated).
   */
  static JsonNode always(Parameter p) {
    JsonNode v = first(p.getExample(), p.getExamples());
    return v != null ? v : fromSchema(p.getSchema(), true);
  }

  /** A value for a response header, never null (a header the spec declares is always sent). */
  static JsonNode of(Header h) {
    JsonNode v = first(h.getExample(), h.getExamples());
    return v != null ? v : fromSchema(h.getSchema(), true);
  }

  private static JsonNode first(Object example, Map<String, Example> examples) {
    if (example != null) {
      return tree(example);
    }
    if (examples != null && !examples.isEmpty()) {
      return tree(examples.values().iterator().next().getValue());
    }
    return null;
  }

  private static JsonNode fromSchema(Schema<?> s, boolean required) {
    if (s == null) {
      return required ? NODES.textNode("x") : null;
    }
    if (s.getExample() != null) {
      return tree(s.getExample());
    }
    if (s.getDefault() != null) {
      return tree(s.getDefault());
    }
    if (s.getEnum() != null && !s.getEnum().isEmpty()) {
      return tree(s.getEnum().get(0));
    }
    return required ? minimal(s) : null;
  }

  /** The smallest value of the schema's type that is likely valid (used for required values only). */
  private static JsonNode minimal(Schema<?> s) {
    String type = s.getType() != null ? s.getType() : "string";
    String format = s.getFormat() == null ? "" : s.getFormat();
    switch (type) {
      case "integer":
        return NODES.numberNode(s.getMinimum() != null ? s.getMinimum().longValue() : 1L);
      case "number":
        return NODES.numberNode(s.getMinimum() != null ? s.getMinimum().doubleValue() : 1.0);
      case "boolean":
        return NODES.booleanNode(true);
      case "array":
        return NODES.arrayNode().add(minimal(s.getItems()));
      default:
        switch (format) {
          case "uuid":
            return NODES.textNode("00000000-0000-4000-8000-000000000001");
          case "date":
            return NODES.textNode("2024-01-31");
          case "date-time":
            return NODES.textNode("2024-01-31T10:00:00Z");
          default:
            return NODES.textNode("x");
        }
    }
  }

  static JsonNode tree(Object value) {
    return value instanceof JsonNode ? (JsonNode) value : Json.mapper().valueToTree(value);
  }
}
