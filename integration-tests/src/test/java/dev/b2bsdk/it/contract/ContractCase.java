package dev.b2bsdk.it.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One exchange to check for an operation: the request body example the client sends (if any) and
 * the success response the stub answers with — status, media type, example body and the headers
 * the spec declares. {@link #of(SpecOperation)} derives an operation's cases from its examples.
 *
 * @param operation the operation exercised
 * @param label the dynamic test's name: the operationId, plus the example names when an
 *     operation has several cases
 * @param requestMediaType the request body's media type, or null without a body
 * @param requestBody the request example, or null
 * @param status the stubbed 2xx status
 * @param responseMediaType the response media type, or null for an empty response
 * @param responseBody the response example, or null for an empty response
 * @param responseHeaders response headers the spec declares, with example values
 */
public record ContractCase(SpecOperation operation, String label, String requestMediaType,
    JsonNode requestBody, int status, String responseMediaType, JsonNode responseBody,
    Map<String, String> responseHeaders) {

  /**
   * The cases of an operation: every 2xx status and every named response example gets one, and
   * every named request example gets one (paired in order, the last one repeating), so that each
   * example in the spec goes through the client and the validator at least once.
   *
   * @throws IllegalStateException if a 2xx response with content or a request body has no example
   *     (the contract needs the spec's own payloads)
   */
  public static List<ContractCase> of(SpecOperation op) {
    List<Request> requests = requests(op);
    List<Response> responses = responses(op);
    int n = Math.max(requests.size(), responses.size());
    List<ContractCase> cases = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Request req = requests.get(Math.min(i, requests.size() - 1));
      Response resp = responses.get(Math.min(i, responses.size() - 1));
      List<String> names = new ArrayList<>();
      if (requests.size() > 1) {
        names.add("request " + req.name);
      }
      if (responses.size() > 1) {
        names.add(resp.name);
      }
      String label = names.isEmpty() ? op.operationId()
          : op.operationId() + " [" + String.join(", ", names) + "]";
      cases.add(new ContractCase(op, label, req.mediaType, req.body, resp.status, resp.mediaType,
          resp.body, resp.headers));
    }
    return cases;
  }

  private record Request(String name, String mediaType, JsonNode body) {
  }

  private record Response(String name, int status, String mediaType, JsonNode body,
      Map<String, String> headers) {
  }

  private static List<Request> requests(SpecOperation op) {
    List<Request> result = new ArrayList<>();
    if (op.requestBody() == null || op.requestBody().getContent() == null) {
      result.add(new Request("", null, null));
      return result;
    }
    Map.Entry<String, MediaType> media = first(op.requestBody().getContent());
    for (SpecExamples.Named ex : SpecExamples.of(media.getValue())) {
      result.add(new Request(ex.name(), media.getKey(), ex.value()));
    }
    if (result.isEmpty()) {
      throw new IllegalStateException(op + ": the request body (" + media.getKey()
          + ") has no example");
    }
    return result;
  }

  private static List<Response> responses(SpecOperation op) {
    List<Response> result = new ArrayList<>();
    op.successResponses().forEach((status, response) -> {
      int code = Integer.parseInt(status);
      Map<String, String> headers = headers(response);
      if (response.getContent() == null || response.getContent().isEmpty()) {
        result.add(new Response(status, code, null, null, headers));
        return;
      }
      Map.Entry<String, MediaType> media = first(response.getContent());
      List<SpecExamples.Named> examples = SpecExamples.of(media.getValue());
      if (examples.isEmpty()) {
        throw new IllegalStateException(op + ": response " + status + " (" + media.getKey()
            + ") has no example");
      }
      for (SpecExamples.Named ex : examples) {
        String name = ex.name().isEmpty() ? status : status + " " + ex.name();
        result.add(new Response(name, code, media.getKey(), ex.value(), headers));
      }
    });
    if (result.isEmpty()) {
      throw new IllegalStateException(op + ": no 2xx response");
    }
    return result;
  }

  private static Map<String, String> headers(ApiResponse response) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((name, header) -> {
        JsonNode v = SpecExamples.of(header);
        headers.put(name, v.isTextual() ? v.textValue() : v.toString());
      });
    }
    return Map.copyOf(headers);
  }

  private static Map.Entry<String, MediaType> first(Content content) {
    return content.entrySet().iterator().next();
  }

  /** This case under another test name. */
  public ContractCase withLabel(String newLabel) {
    return new ContractCase(operation, newLabel, requestMediaType, requestBody, status,
        responseMediaType, responseBody, responseHeaders);
  }

  @Override
  public String toString() {
    return label;
  }
}
