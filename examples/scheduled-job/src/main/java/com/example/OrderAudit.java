package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

/** Receives OrderPlaced events from the custom bus and returns a one-line audit record. */
public class OrderAudit implements RequestHandler<ScheduledEvent, String> {

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        return "audit " + event.getSource() + " " + event.getDetailType() + " " + event.getDetail();
    }
}
