package dev.b2bsdk.specs.compat;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedHeader;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;
import org.openapitools.openapidiff.core.model.schema.ChangedOneOfSchema;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;

/**
 * Turns openapi-diff's change tree into one readable line per breaking change, e.g.
 * {@code DELETE /customers/{id} removed} or
 * {@code POST /customers request: new required property 'vatNumber'}.
 *
 * <p>Breaking means what openapi-diff calls incompatible with {@link SpecComparison#DIFF_OPTIONS}:
 * its default rules (which already treat any {@code format} change as a type change) plus a
 * renamed {@code operationId}, which renames the generated Java method.
 */
public final class BreakingChanges {
  private final Set<String> lines = new LinkedHashSet<>();
  // schemas can be recursive (a Category with sub-categories): never walk one twice on a path
  private final Set<ChangedSchema> onPath = Collections.newSetFromMap(new IdentityHashMap<>());

  private BreakingChanges() {}

  /** The breaking changes in {@code diff}, in spec order, without duplicates. */
  public static List<String> of(ChangedOpenApi diff) {
    BreakingChanges b = new BreakingChanges();
    for (Endpoint removed : diff.getMissingEndpoints()) {
      b.lines.add(removed.getMethod() + " " + removed.getPathUrl() + " removed");
    }
    for (ChangedOperation op : diff.getChangedOperations()) {
      b.operation(op);
    }
    if (diff.isIncompatible() && b.lines.isEmpty()) {
      b.lines.add("incompatible change openapi-diff could not attribute to an operation (see its report)");
    }
    return List.copyOf(b.lines);
  }

  private void operation(ChangedOperation op) {
    String where = op.getHttpMethod() + " " + op.getPathUrl();
    int before = lines.size();
    if (op.getOperationId() != null && op.getOperationId().isIncompatible()) {
      add(where, "operationId renamed '" + op.getOperationId().getLeft() + "' → '"
          + op.getOperationId().getRight() + "' (renames the generated Java method)");
    }
    parameters(where, op.getParameters());
    requestBody(where + " request", op.getRequestBody());
    responses(where, op.getApiResponses());
    if (op.getSecurityRequirements() != null && op.getSecurityRequirements().isIncompatible()) {
      add(where, "security requirements changed");
    }
    if (op.isIncompatible() && lines.size() == before) {
      add(where, "incompatible change (see the openapi-diff report)");
    }
  }

  private void parameters(String where, ChangedParameters params) {
    if (params == null) {
      return;
    }
    if (params.isIncompatible()) {
      for (Parameter p : params.getMissing()) {
        add(where, p.getIn() + " parameter '" + p.getName() + "' removed");
      }
      for (Parameter p : params.getIncreased()) {
        if (Boolean.TRUE.equals(p.getRequired())) {
          add(where, "new required " + p.getIn() + " parameter '" + p.getName() + "'");
        }
      }
    }
    for (ChangedParameter p : params.getChanged()) {
      String subject = where + " " + p.getIn() + " parameter '" + p.getName() + "'";
      if (p.isIncompatible()) {
        if (p.isChangeRequired() && Boolean.TRUE.equals(p.getNewParameter().getRequired())) {
          add(subject, "now required");
        }
        if (p.isChangeStyle()) {
          add(subject, "style changed");
        }
        if (p.isChangeExplode()) {
          add(subject, "explode changed");
        }
        if (p.isChangeAllowEmptyValue()) {
          add(subject, "no longer allows empty values");
        }
      }
      schema(subject, "", p.getSchema());
      content(subject, p.getContent());
    }
  }

  private void requestBody(String where, ChangedRequestBody body) {
    if (body == null) {
      return;
    }
    if (body.isChangeRequired() && body.getNewRequestBody() != null
        && Boolean.TRUE.equals(body.getNewRequestBody().getRequired())) {
      add(where, "body is now required");
    }
    content(where, body.getContent());
  }

  private void responses(String where, ChangedApiResponse responses) {
    if (responses == null) {
      return;
    }
    if (responses.isIncompatible()) {
      for (String code : responses.getMissing().keySet()) {
        add(where, "response " + code + " removed");
      }
    }
    for (Map.Entry<String, ChangedResponse> e : responses.getChanged().entrySet()) {
      String subject = where + " response " + e.getKey();
      content(subject, e.getValue().getContent());
      headers(subject, e.getValue().getHeaders());
    }
  }

  private void headers(String where, ChangedHeaders headers) {
    if (headers == null) {
      return;
    }
    if (headers.isIncompatible()) {
      for (String name : headers.getMissing().keySet()) {
        add(where, "header '" + name + "' removed");
      }
    }
    for (Map.Entry<String, ChangedHeader> e : headers.getChanged().entrySet()) {
      String subject = where + " header '" + e.getKey() + "'";
      if (e.getValue().isCoreChanged().isIncompatible()) {
        add(subject, "required/style/explode changed");
      }
      schema(subject, "", e.getValue().getSchema());
      content(subject, e.getValue().getContent());
    }
  }

  private void content(String where, ChangedContent content) {
    if (content == null) {
      return;
    }
    if (content.isCoreChanged().isIncompatible()) {
      for (String mediaType : content.getMissing().keySet()) {
        add(where, "media type " + mediaType + " removed");
      }
    }
    for (ChangedMediaType media : content.getChanged().values()) {
      schema(where, "", media.getSchema());
    }
  }

  private void schema(String where, String prop, ChangedSchema cs) {
    if (cs == null || !onPath.add(cs)) {
      return;
    }
    try {
      String subject = prop.isEmpty() ? "" : "property '" + prop + "' ";
      boolean request = cs.getContext() != null && cs.getContext().isRequest();
      Schema<?> oldSchema = cs.getOldSchema();
      Schema<?> newSchema = cs.getNewSchema();
      if (cs.isChangedType() && sameType(oldSchema, newSchema)) {
        // openapi-diff reports a format change as a type change; say which one it is
        add(where, subject + "format changed from " + formatOf(oldSchema) + " to " + formatOf(newSchema));
      } else if (cs.isChangedType()) {
        add(where, subject + "type changed from " + typeOf(oldSchema) + " to " + typeOf(newSchema));
      }
      required(where, prop, cs, request);
      if (!request && oldSchema != null && oldSchema.getRequired() != null) {
        for (String missing : cs.getMissingProperties().keySet()) {
          if (oldSchema.getRequired().contains(missing)) {
            add(where, "required property '" + join(prop, missing) + "' removed");
          }
        }
      }
      enumeration(where, subject, cs.getEnumeration(), request);
      oneOf(where, prop, subject, cs.getOneOfSchema(), request);
      constraint(where, subject, "maxLength", cs.getMaxLength());
      constraint(where, subject, "minLength", cs.getMinLength());
      constraint(where, subject, "minimum/maximum", cs.getNumericRange());
      constraint(where, subject, "pattern", cs.getPattern());
      constraint(where, subject, "readOnly", cs.getReadOnly());
      constraint(where, subject, "writeOnly", cs.getWriteOnly());
      constraint(where, subject, "minProperties", cs.getMinProperties());
      constraint(where, subject, "maxProperties", cs.getMaxProperties());
      if (cs.isDiscriminatorPropertyChanged() && cs.isCoreChanged().isIncompatible()) {
        add(where, subject + "discriminator property changed");
      }
      for (Map.Entry<String, ChangedSchema> e : cs.getChangedProperties().entrySet()) {
        schema(where, join(prop, e.getKey()), e.getValue());
      }
      schema(where, prop + "[]", cs.getItems());
      schema(where, prop + "{}", cs.getAddProp());
    } finally {
      onPath.remove(cs);
    }
  }

  private void required(String where, String prop, ChangedSchema cs, boolean request) {
    ChangedRequired required = cs.getRequired();
    if (required == null || !required.isIncompatible()) {
      return;
    }
    if (request) {
      for (String name : required.getIncreased()) {
        boolean isNew = cs.getIncreasedProperties().containsKey(name);
        add(where, (isNew ? "new required property '" + join(prop, name) + "'"
            : "property '" + join(prop, name) + "' is now required"));
      }
    } else {
      for (String name : required.getMissing()) {
        if (!cs.getMissingProperties().containsKey(name)) {
          add(where, "property '" + join(prop, name) + "' is no longer required (may be absent)");
        }
      }
    }
  }

  private void enumeration(String where, String subject, ChangedEnum<?> e, boolean request) {
    if (e == null || !e.isIncompatible()) {
      return;
    }
    if (request) {
      add(where, subject + "enum values removed: " + e.getMissing());
    } else {
      add(where, subject + "new enum values " + e.getIncreased() + " (older clients do not know them)");
    }
  }

  private void oneOf(String where, String prop, String subject, ChangedOneOfSchema oneOf, boolean request) {
    if (oneOf == null) {
      return;
    }
    if (oneOf.isCoreChanged().isIncompatible()) {
      add(where, subject + (request ? "oneOf alternatives removed: " + oneOf.getMissing().keySet()
          : "new oneOf alternatives: " + oneOf.getIncreased().keySet()));
    }
    for (Map.Entry<String, ChangedSchema> e : oneOf.getChanged().entrySet()) {
      schema(where, prop.isEmpty() ? e.getKey() : prop + "<" + e.getKey() + ">", e.getValue());
    }
  }

  private void constraint(String where, String subject, String name, Changed changed) {
    if (changed != null && changed.isIncompatible()) {
      add(where, subject + name + " changed");
    }
  }

  private void add(String where, String what) {
    lines.add(where + ": " + what.strip());
  }

  private static String join(String prop, String name) {
    return prop.isEmpty() ? name : prop + "." + name;
  }

  private static boolean sameType(Schema<?> oldSchema, Schema<?> newSchema) {
    return oldSchema != null && newSchema != null && oldSchema.getType() != null
        && oldSchema.getType().equals(newSchema.getType());
  }

  private static String typeOf(Schema<?> schema) {
    if (schema == null) {
      return "nothing";
    }
    String type = schema.getType();
    if (type == null && schema.getTypes() != null && !schema.getTypes().isEmpty()) {
      type = String.join("|", new ArrayList<>(schema.getTypes()));
    }
    if (type == null) {
      type = schema.get$ref() != null ? schema.get$ref() : "any";
    }
    return schema.getFormat() == null ? type : type + " (" + schema.getFormat() + ")";
  }

  private static String formatOf(Schema<?> schema) {
    return schema == null || schema.getFormat() == null ? "none" : schema.getFormat();
  }
}
