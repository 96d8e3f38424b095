package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.Test;

class DailyReportTest {

    @Test
    void reportKeyIsTheEventDate() {
        ScheduledEvent event = new ScheduledEvent().withTime(new DateTime(2026, 3, 4, 6, 0, DateTimeZone.UTC));
        assertEquals("reports/2026-03-04.txt", DailyReport.keyFor(event));
    }

    @Test
    void auditLineNamesSourceAndType() {
        ScheduledEvent event = new ScheduledEvent().withSource("com.example.orders").withDetailType("OrderPlaced")
                .withDetail(Map.of("id", "o-1"));
        assertEquals("audit com.example.orders OrderPlaced {id=o-1}", new OrderAudit().handleRequest(event, null));
    }
}
