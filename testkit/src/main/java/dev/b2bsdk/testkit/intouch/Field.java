package dev.b2bsdk.testkit.intouch;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import dev.b2bsdk.testkit.core.MockFailure;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A writable field of an InTouch record: its JSON type and the few constraints the spec states. */
record Field(String name, Type type, int maxLength, Integer min, Integer max, List<String> values) {

  /** JSON types of the InTouch fields. */
  enum Type { STRING, INTEGER, NUMBER, BOOLEAN, DATE, TIME }

  static Field string(String name) {
    return new Field(name, Type.STRING, 0, null, null, List.of());
  }

  static Field string(String name, int maxLength) {
    return new Field(name, Type.STRING, maxLength, null, null, List.of());
  }

  static Field oneOf(String name, String... values) {
    return new Field(name, Type.STRING, 0, null, null, List.of(values));
  }

  static Field integer(String name) {
    return new Field(name, Type.INTEGER, 0, null, null, List.of());
  }

  static Field integer(String name, int min, int max) {
    return new Field(name, Type.INTEGER, 0, min, max, List.of());
  }

  static Field number(String name) {
    return new Field(name, Type.NUMBER, 0, null, null, List.of());
  }

  static Field bool(String name) {
    return new Field(name, Type.BOOLEAN, 0, null, null, List.of());
  }

  static Field date(String name) {
    return new Field(name, Type.DATE, 0, null, null, List.of());
  }

  static Field time(String name) {
    return new Field(name, Type.TIME, 0, null, null, List.of());
  }

  /** 400 (with this field named) when {@code value} is not acceptable. */
  void check(JsonElement value) {
    if (!value.isJsonPrimitive()) {
      throw invalid("Invalid value of " + name);
    }
    JsonPrimitive p = value.getAsJsonPrimitive();
    switch (type) {
      case STRING -> {
        if (!p.isString()) {
          throw invalid("Field " + name + " must be a string");
        }
        if (maxLength > 0 && p.getAsString().length() > maxLength) {
          throw invalid("Field " + name + " is longer than " + maxLength + " characters");
        }
        if (!values.isEmpty() && !values.contains(p.getAsString())) {
          throw invalid("Unknown value of " + name + ": " + p.getAsString());
        }
      }
      case INTEGER -> {
        if (!p.isNumber() || p.getAsDouble() != Math.rint(p.getAsDouble())) {
          throw invalid("Field " + name + " must be an integer");
        }
        long v = p.getAsLong();
        if ((min != null && v < min) || (max != null && v > max)) {
          throw invalid("Field " + name + " must be between " + min + " and " + max);
        }
      }
      case NUMBER -> {
        if (!p.isNumber()) {
          throw invalid("Field " + name + " must be a number");
        }
      }
      case BOOLEAN -> {
        if (!p.isBoolean()) {
          throw invalid("Field " + name + " must be true or false");
        }
      }
      case DATE -> parse(p, () -> LocalDate.parse(p.getAsString()), "YYYY-MM-DD");
      case TIME -> parse(p, () -> LocalTime.parse(p.getAsString()), "HH:MM:SS");
      default -> throw new IllegalStateException(type.name());
    }
  }

  private void parse(JsonPrimitive p, Runnable parser, String shape) {
    try {
      if (!p.isString()) {
        throw invalid("Field " + name + " must be " + shape);
      }
      parser.run();
    } catch (DateTimeParseException e) {
      throw invalid("Field " + name + " must be " + shape);
    }
  }

  private MockFailure invalid(String message) {
    return MockFailure.invalidField(name, "invalid", message);
  }
}
