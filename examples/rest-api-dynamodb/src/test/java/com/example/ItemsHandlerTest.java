package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemsHandlerTest {

    private final Map<String, String> items = new HashMap<>();
    private final ItemsHandler handler = new ItemsHandler(new ItemsHandler.ItemStore() {
        public void put(String id, String body) { items.put(id, body); }
        public String get(String id) { return items.get(id); }
        public void delete(String id) { items.remove(id); }
    });

    @Test
    void createReadUpdateDelete() {
        var created = handler.handleRequest(event("POST", null, "{\"name\":\"pen\"}"), null);
        assertEquals(201, created.getStatusCode());
        String id = items.keySet().iterator().next();
        assertEquals("{\"name\":\"pen\"}", handler.handleRequest(event("GET", id, null), null).getBody());
        handler.handleRequest(event("PUT", id, "{\"name\":\"ink\"}"), null);
        assertEquals("{\"name\":\"ink\"}", items.get(id));
        assertEquals(204, handler.handleRequest(event("DELETE", id, null), null).getStatusCode());
        assertEquals(404, handler.handleRequest(event("GET", id, null), null).getStatusCode());
    }

    private static APIGatewayV2HTTPEvent event(String method, String id, String body) {
        return APIGatewayV2HTTPEvent.builder()
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build()).build())
                .withPathParameters(id == null ? null : Map.of("id", id))
                .withBody(body).build();
    }
}
