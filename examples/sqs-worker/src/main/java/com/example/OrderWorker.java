package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes a batch of order messages and reports only the failed ones, so SQS retries just those
 * (functionResponseType: ReportBatchItemFailures) and, after maxReceiveCount, moves them to the dead-letter queue.
 */
public class OrderWorker implements RequestHandler<SQSEvent, SQSBatchResponse> {

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                process(message.getBody());
            } catch (IllegalArgumentException e) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** An order is "id:quantity" with a positive quantity. */
    static int process(String body) {
        String[] parts = body == null ? new String[0] : body.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected id:quantity but got " + body);
        }
        int quantity;
        try {
            quantity = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("quantity is not a number: " + parts[1]);
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        return quantity;
    }
}
