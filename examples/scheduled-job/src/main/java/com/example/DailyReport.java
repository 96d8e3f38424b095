package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.format.DateTimeFormatter;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Runs on a cron schedule and writes a small report to the reports bucket. */
public class DailyReport implements RequestHandler<ScheduledEvent, String> {

    private final S3Client s3;
    private final String bucket;

    public DailyReport() {
        this(S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build(), System.getenv("REPORTS_BUCKET"));
    }

    DailyReport(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        String key = keyFor(event);
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("text/plain"),
                RequestBody.fromString("report for " + event.getTime() + "\n"));
        return key;
    }

    static String keyFor(ScheduledEvent event) {
        return "reports/" + DateTimeFormatter.ISO_LOCAL_DATE.format(event.getTime().toGregorianCalendar()
                .toZonedDateTime()) + ".txt";
    }
}
