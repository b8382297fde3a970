package dev.b2bsdk.specs.compat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * What changed between two versions of a spec, counted the way a maintainer reads a release
 * note: operations ({@code METHOD /path}) and named schemas ({@code components/schemas}) added,
 * removed or changed. A schema counts as changed when its definition differs in any way,
 * descriptions included; an operation when openapi-diff reports any difference in it.
 */
public final class ChangeSummary {
  private final List<String> operationsAdded;
  private final List<String> operationsRemoved;
  private final List<String> operationsChanged;
  private final List<String> schemasAdded;
  private final List<String> schemasRemoved;
  private final List<String> schemasChanged;

  private ChangeSummary(List<String> operationsAdded, List<String> operationsRemoved,
      List<String> operationsChanged, List<String> schemasAdded, List<String> schemasRemoved,
      List<String> schemasChanged) {
    this.operationsAdded = List.copyOf(operationsAdded);
    this.operationsRemoved = List.copyOf(operationsRemoved);
    this.operationsChanged = List.copyOf(operationsChanged);
    this.schemasAdded = List.copyOf(schemasAdded);
    this.schemasRemoved = List.copyOf(schemasRemoved);
    this.schemasChanged = List.copyOf(schemasChanged);
  }

  /** Summarises {@code diff}; the components are read from the two parsed specs it holds. */
  public static ChangeSummary of(ChangedOpenApi diff) {
    List<String> changedOps = diff.getChangedOperations().stream()
        .filter(op -> op.isDifferent())
        .map(op -> op.getHttpMethod() + " " + op.getPathUrl())
        .collect(Collectors.toList());
    Map<String, Schema> before = schemas(diff.getOldSpecOpenApi());
    Map<String, Schema> after = schemas(diff.getNewSpecOpenApi());
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (String name : after.keySet()) {
      if (!before.containsKey(name)) {
        added.add(name);
      } else if (!Objects.equals(before.get(name), after.get(name))) {
        changed.add(name);
      }
    }
    for (String name : before.keySet()) {
      if (!after.containsKey(name)) {
        removed.add(name);
      }
    }
    return new ChangeSummary(endpoints(diff.getNewEndpoints()), endpoints(diff.getMissingEndpoints()),
        changedOps, added, removed, changed);
  }

  private static List<String> endpoints(List<Endpoint> endpoints) {
    return endpoints.stream().map(e -> e.getMethod() + " " + e.getPathUrl()).collect(Collectors.toList());
  }

  @SuppressWarnings("rawtypes")
  private static Map<String, Schema> schemas(OpenAPI spec) {
    if (spec.getComponents() == null || spec.getComponents().getSchemas() == null) {
      return Collections.emptyMap();
    }
    return new TreeMap<>(spec.getComponents().getSchemas());
  }

  public List<String> operationsAdded() {
    return operationsAdded;
  }

  public List<String> operationsRemoved() {
    return operationsRemoved;
  }

  public List<String> operationsChanged() {
    return operationsChanged;
  }

  public List<String> schemasAdded() {
    return schemasAdded;
  }

  public List<String> schemasRemoved() {
    return schemasRemoved;
  }

  public List<String> schemasChanged() {
    return schemasChanged;
  }

  /** True when no operation and no named schema differs. */
  public boolean isEmpty() {
    return operationsAdded.isEmpty() && operationsRemoved.isEmpty() && operationsChanged.isEmpty()
        && schemasAdded.isEmpty() && schemasRemoved.isEmpty() && schemasChanged.isEmpty();
  }

  /** One line, e.g. {@code operations +1 -0 ~2, schemas +0 -1 ~3}. */
  @Override
  public String toString() {
    return String.format("operations +%d -%d ~%d, schemas +%d -%d ~%d",
        operationsAdded.size(), operationsRemoved.size(), operationsChanged.size(),
        schemasAdded.size(), schemasRemoved.size(), schemasChanged.size());
  }
}
