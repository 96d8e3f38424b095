package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelloHandlerTest {

    @Test
    void greetsByName() {
        var response = new HelloHandler().handleRequest(
                new APIGatewayProxyRequestEvent().withQueryStringParameters(Map.of("name", "Ada")), null);
        assertEquals(200, response.getStatusCode());
        assertEquals("{\"message\":\"Hello, Ada!\"}", response.getBody());
    }

    @Test
    void greetsTheWorldWithoutName() {
        var response = new HelloHandler().handleRequest(new APIGatewayProxyRequestEvent(), null);
        assertEquals("{\"message\":\"Hello, world!\"}", response.getBody());
    }
}
