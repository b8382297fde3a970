package dev.b2bsdk.it.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.gson.Gson;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import retrofit2.http.Body;
import retrofit2.http.Field;
import retrofit2.http.Header;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * Builds the arguments of a generated Retrofit method from a {@link ContractCase}: each
 * {@code @Path}, {@code @Query} and {@code @Header} argument from the spec parameter of that name
 * (see {@link SpecExamples#of(Parameter)}), {@code @Body} from the request example read with the
 * API's own Gson into the declared type, {@code @Field} from the form example's field. Retrofit's
 * annotations (not the argument order) tie a Java argument to its spec parameter, so a renamed or
 * dropped parameter shows up as a failure here.
 */
final class ArgumentSynthesizer {
  private final Gson gson;

  ArgumentSynthesizer(Gson gson) {
    this.gson = gson;
  }

  Object[] arguments(Method method, ContractCase c) {
    Annotation[][] annotations = method.getParameterAnnotations();
    Type[] types = method.getGenericParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = argument(method, c, annotations[i], types[i]);
    }
    return args;
  }

  private Object argument(Method method, ContractCase c, Annotation[] annotations, Type type) {
    for (Annotation a : annotations) {
      if (a instanceof Path) {
        return parameter(c, "path", ((Path) a).value(), type);
      }
      if (a instanceof Query) {
        return parameter(c, "query", ((Query) a).value(), type);
      }
      if (a instanceof Header) {
        return parameter(c, "header", ((Header) a).value(), type);
      }
      if (a instanceof Body) {
        if (c.requestBody() == null) {
          throw new IllegalStateException(c.operation() + ": the generated method takes a body"
              + " but the spec has no request body example");
        }
        return convert(c.requestBody(), type);
      }
      if (a instanceof Field) {
        JsonNode form = c.requestBody();
        JsonNode v = form == null ? null : form.get(((Field) a).value());
        return v == null || v.isNull() ? null : convert(v, type);
      }
    }
    throw new IllegalStateException(method + ": argument kind not synthesised generically;"
        + " register an override for " + c.operation().operationId());
  }

  private Object parameter(ContractCase c, String in, String name, Type type) {
    Parameter p = c.operation().parameter(in, name);
    if (p == null) {
      throw new IllegalStateException(c.operation() + ": the generated client sends " + in
          + " parameter '" + name + "' which the spec does not declare");
    }
    JsonNode v = SpecExamples.of(p);
    return v == null || v.isNull() ? null : convert(v, type);
  }

  private Object convert(JsonNode value, Type type) {
    JsonNode v = value;
    if (isCollection(type) && !v.isArray()) {
      v = JsonNodeFactory.instance.arrayNode().add(v);
    }
    return gson.fromJson(v.toString(), type);
  }

  private static boolean isCollection(Type type) {
    Type raw = type instanceof ParameterizedType ? ((ParameterizedType) type).getRawType() : type;
    return raw instanceof Class<?> && Collection.class.isAssignableFrom((Class<?>) raw);
  }
}
