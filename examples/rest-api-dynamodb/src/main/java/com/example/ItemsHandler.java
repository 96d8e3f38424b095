package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** CRUD for items over the HTTP API: POST /items, GET /items/{id}, PUT /items/{id}, DELETE /items/{id}. */
public class ItemsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ItemStore store;

    public ItemsHandler() {
        this(new DynamoItemStore(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
                System.getenv("TABLE_NAME")));
    }

    ItemsHandler(ItemStore store) {
        this.store = store;
    }

    /** Storage, so the HTTP mapping can be tested without DynamoDB. */
    interface ItemStore {
        void put(String id, String body);

        String get(String id);

        void delete(String id);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String method = event.getRequestContext().getHttp().getMethod();
        String id = event.getPathParameters() == null ? null : event.getPathParameters().get("id");
        return switch (method) {
            case "POST" -> {
                String newId = UUID.randomUUID().toString();
                store.put(newId, event.getBody());
                yield response(201, "{\"id\":\"" + newId + "\"}");
            }
            case "GET" -> {
                String body = store.get(id);
                yield body == null ? response(404, "{\"error\":\"not found\"}") : response(200, body);
            }
            case "PUT" -> {
                store.put(id, event.getBody());
                yield response(200, event.getBody());
            }
            case "DELETE" -> {
                store.delete(id);
                yield response(204, "");
            }
            default -> response(405, "{\"error\":\"method not allowed\"}");
        };
    }

    private static APIGatewayV2HTTPResponse response(int status, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(body).build();
    }

    static final class DynamoItemStore implements ItemStore {
        private final DynamoDbClient dynamo;
        private final String table;

        DynamoItemStore(DynamoDbClient dynamo, String table) {
            this.dynamo = dynamo;
            this.table = table;
        }

        @Override
        public void put(String id, String body) {
            dynamo.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS(id),
                    "body", AttributeValue.fromS(body == null ? "" : body))));
        }

        @Override
        public String get(String id) {
            var item = dynamo.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(id)))).item();
            return item == null || item.isEmpty() ? null : item.get("body").s();
        }

        @Override
        public void delete(String id) {
            dynamo.deleteItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(id))));
        }
    }
}
