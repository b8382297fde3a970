package dev.b2bsdk.it.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The checks a contract case makes besides the validator's: the journal, and the body read. */
final class ContractChecks {

  private ContractChecks() {
  }

  /**
   * Every request reached a contract stub, carried the credentials its operation's security
   * scheme asks for (the validator does not check OAuth2), and the case's operation was called.
   */
  static void assertJournal(ContractCase c, List<ServeEvent> events,
      Function<ServeEvent, SpecOperation> operationOf) {
    boolean called = false;
    for (ServeEvent e : events) {
      SpecOperation op = operationOf.apply(e);
      String request = e.getRequest().getMethod() + " " + e.getRequest().getUrl();
      if (op == null) {
        throw new AssertionError(c.label() + ": unexpected request " + request
            + " (no contract stub matched it)");
      }
      called |= op.operationId().equals(c.operation().operationId());
      if (!op.security().isEmpty()) {
        String auth = e.getRequest().getHeader("Authorization");
        String expected = authPrefix(op.security().get(0));
        assertThat(auth).as("%s: Authorization header of %s (%s)", c.label(), request,
            op.operationId()).isNotNull().startsWith(expected);
      }
    }
    assertThat(called).as("%s: the client sent no request for %s", c.label(), c.operation())
        .isTrue();
  }

  private static String authPrefix(SecurityScheme scheme) {
    switch (scheme.getType()) {
      case HTTP:
        return "basic".equalsIgnoreCase(scheme.getScheme()) ? "Basic " : "Bearer ";
      case OAUTH2:
      case OPENIDCONNECT:
        return "Bearer ";
      default:
        return "";
    }
  }

  /** Each non-null, non-empty value of the example is still there after Gson read and wrote it back. */
  static void assertNoFieldLost(String label, String at, JsonNode example, JsonNode actual) {
    if (example.isObject()) {
      assertThat(actual != null && actual.isObject()).as("%s: %s is an object", label, at).isTrue();
      for (Iterator<Map.Entry<String, JsonNode>> it = example.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        // "" reads as null for the lenient date formats (the APIs send "" for "no date")
        JsonNode v = field.getValue();
        if (!v.isNull() && !(v.isTextual() && v.textValue().isEmpty())) {
          JsonNode value = actual.get(field.getKey());
          assertThat(value != null && !value.isNull())
              .as("%s: %s.%s was lost when the client read the response", label, at, field.getKey())
              .isTrue();
          assertNoFieldLost(label, at + "." + field.getKey(), field.getValue(), value);
        }
      }
    } else if (example.isArray()) {
      assertThat(actual != null && actual.isArray() && actual.size() == example.size())
          .as("%s: %s keeps its %d elements", label, at, example.size()).isTrue();
      for (int i = 0; i < example.size(); i++) {
        assertNoFieldLost(label, at + "[" + i + "]", example.get(i), actual.get(i));
      }
    }
  }

  /** The raw type of the body a generated method's {@code Call<T>} returns. */
  static Class<?> bodyType(Method m) {
    Type t = ((ParameterizedType) m.getGenericReturnType()).getActualTypeArguments()[0];
    return (Class<?>) (t instanceof ParameterizedType ? ((ParameterizedType) t).getRawType() : t);
  }
}
