package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderWorkerTest {

    @Test
    void reportsOnlyTheFailedMessages() {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("m1", "order-1:2"), message("m2", "garbage"), message("m3", "order-3:-1")));
        var response = new OrderWorker().handleRequest(event, null);
        assertEquals(List.of("m2", "m3"),
                response.getBatchItemFailures().stream().map(f -> f.getItemIdentifier()).toList());
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody(body);
        return m;
    }
}
