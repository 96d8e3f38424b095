package io.github.serverlessmaven.invoke.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventConverterTest {

    private final EventConverter converter = new EventConverter();

    public static class Order {
        private String id;
        private int quantity;
        private List<Line> lines;
        private boolean express;

        public void setId(String id) {
            this.id = id;
        }

        public void setQuantity(int quantity) {
            this.quantity = quantity;
        }

        public void setLines(List<Line> lines) {
            this.lines = lines;
        }

        public void setExpress(boolean express) {
            this.express = express;
        }
    }

    public record Line(String sku, BigDecimal price) {}

    public enum Color { RED, GREEN }

    public static class Holder {
        public Map<String, List<Integer>> scores;
        public Color color;
        public Set<String> tags;
    }

    static class Abstracted {
        private Abstracted(String only) {}
    }

    private static Object json(String text) {
        return MiniJson.parse(text);
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = EventConverterTest.class.getResourceAsStream(
                "/io/github/serverlessmaven/invoke/events/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Object convertSample(String name, Type type) throws IOException {
        return converter.convert(json(sample(name)), type);
    }

    @Test
    void untypedTargetsGetMapsListsAndDoubles() {
        Object value = converter.convert(json("{\"a\":[1,2.5,\"x\",true,null],\"b\":{}}"), Object.class);
        assertThat(value).isEqualTo(Map.of("a", java.util.Arrays.asList(1, 2.5, "x", true, null), "b", Map.of()));
    }

    @Test
    void scalarsCoerceLikeTheRuntime() {
        assertThat(converter.convert(json("42"), Integer.class)).isEqualTo(42);
        assertThat(converter.convert(json("\"42\""), int.class)).isEqualTo(42);
        assertThat(converter.convert(json("42"), String.class)).isEqualTo("42");
        assertThat(converter.convert(json("1.25"), double.class)).isEqualTo(1.25);
        assertThat(converter.convert(json("\"true\""), Boolean.class)).isEqualTo(true);
        assertThat(converter.convert(json("null"), long.class)).isEqualTo(0L);
        assertThat(converter.convert(json("\"GREEN\""), Color.class)).isEqualTo(Color.GREEN);
    }

    @Test
    void pojosAreFilledThroughSettersAndRecordsThroughTheirConstructor() {
        Order order = (Order) converter.convert(json("{\"id\":\"o-1\",\"Quantity\":3,\"express\":true,"
                + "\"unknown\":1,\"lines\":[{\"sku\":\"A\",\"price\":9.99}]}"), Order.class);
        assertThat(order.id).isEqualTo("o-1");
        assertThat(order.quantity).isEqualTo(3);
        assertThat(order.express).isTrue();
        assertThat(order.lines).containsExactly(new Line("A", new BigDecimal("9.99")));
    }

    @Test
    void genericFieldsUseTheirDeclaredTypes() {
        Holder holder = (Holder) converter.convert(json("{\"scores\":{\"ada\":[1,\"2\"]},\"color\":\"red\","
                + "\"tags\":[\"x\",\"x\",\"y\"]}"), Holder.class);
        assertThat(holder.scores).isEqualTo(Map.of("ada", List.of(1, 2)));
        assertThat(holder.color).isEqualTo(Color.RED);
        assertThat(holder.tags).containsExactly("x", "y");
    }

    @Test
    void mismatchesNameThePathAndTheTypes() {
        assertThatThrownBy(() -> converter.convert(json("{\"id\":\"o\",\"quantity\":\"many\"}"), Order.class))
                .hasMessage("at $.quantity: cannot turn the JSON string \"many\" into int");
        assertThatThrownBy(() -> converter.convert(json("{\"a\":1}"), String.class))
                .hasMessage("at $: cannot turn a JSON object into java.lang.String");
        assertThatThrownBy(() -> converter.convert(json("\"BLUE\""), Color.class))
                .hasMessageContaining("'BLUE' is not one of [RED, GREEN]");
        assertThatThrownBy(() -> converter.convert(json("3000000000"), Integer.class))
                .hasMessage("at $: 3000000000 does not fit in Integer");
        assertThatThrownBy(() -> converter.convert(json("{}"), Abstracted.class))
                .hasMessageContaining("has no constructor without arguments");
    }

    @Test
    void sqsSample() throws IOException {
        SQSEvent event = (SQSEvent) convertSample("sqs", SQSEvent.class);
        SQSEvent.SQSMessage message = event.getRecords().get(0);
        assertThat(message.getBody()).isEqualTo("{\"hello\":\"world\"}");
        assertThat(message.getEventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:my-queue");
        assertThat(message.getAttributes()).containsEntry("ApproximateReceiveCount", "1");
    }

    @Test
    void httpSamples() throws IOException {
        APIGatewayProxyRequestEvent rest = (APIGatewayProxyRequestEvent) convertSample("http",
                APIGatewayProxyRequestEvent.class);
        assertThat(rest.getHttpMethod()).isEqualTo("POST");
        assertThat(rest.getQueryStringParameters()).containsEntry("name", "Ada");
        assertThat(rest.getMultiValueHeaders().get("Accept")).containsExactly("application/json");
        assertThat(rest.getRequestContext().getIdentity().getSourceIp()).isEqualTo("203.0.113.10");
        assertThat(rest.getIsBase64Encoded()).isFalse();

        APIGatewayV2HTTPEvent http = (APIGatewayV2HTTPEvent) convertSample("httpApi", APIGatewayV2HTTPEvent.class);
        assertThat(http.getRouteKey()).isEqualTo("POST /hello");
        assertThat(http.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(http.getCookies()).containsExactly("session=abc123");
    }

    @Test
    void scheduleAndEventBridgeSamples() throws IOException {
        ScheduledEvent schedule = (ScheduledEvent) convertSample("schedule", ScheduledEvent.class);
        assertThat(schedule.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(schedule.getTime().getMillis()).isEqualTo(1706702400000L);
        ScheduledEvent custom = (ScheduledEvent) convertSample("eventBridge", ScheduledEvent.class);
        assertThat(custom.getDetail()).containsEntry("orderId", "o-1001").containsEntry("amount", 42.5);
    }

    @Test
    void snsSample() throws IOException {
        SNSEvent event = (SNSEvent) convertSample("sns", SNSEvent.class);
        SNSEvent.SNS sns = event.getRecords().get(0).getSNS();
        assertThat(sns.getTopicArn()).isEqualTo("arn:aws:sns:us-east-1:123456789012:my-topic");
        assertThat(sns.getTimestamp().getMillis()).isEqualTo(1706702400000L);
        assertThat(sns.getMessageAttributes().get("kind").getValue()).isEqualTo("greeting");
    }

    @Test
    void s3SampleUsesTheImmutableModelsConstructors() throws IOException {
        S3Event event = (S3Event) convertSample("s3", S3Event.class);
        var record = event.getRecords().get(0);
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(record.getS3().getBucket().getName()).isEqualTo("my-bucket");
        assertThat(record.getS3().getObject().getKey()).isEqualTo("uploads/hello.txt");
        assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(1305107L);
        assertThat(record.getS3().getObject().geteTag()).isEqualTo("b21b84d653bb07b05b1e6b33684dc11b");
        assertThat(record.getResponseElements().getxAmzRequestId()).isEqualTo("D82B88E5F771F645");
        assertThat(record.getEventTime().getMillis()).isEqualTo(1706702400000L);
    }

    @Test
    void dynamodbAndKinesisSamples() throws IOException {
        DynamodbEvent dynamo = (DynamodbEvent) convertSample("dynamodb", DynamodbEvent.class);
        var record = dynamo.getRecords().get(0);
        assertThat(record.getEventName()).isEqualTo("INSERT");
        assertThat(record.getDynamodb().getNewImage().get("Message").getS()).isEqualTo("New item!");
        assertThat(record.getDynamodb().getKeys().get("Id").getN()).isEqualTo("101");
        assertThat(record.getDynamodb().getStreamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES.toString());
        assertThat(record.getDynamodb().getApproximateCreationDateTime()).isEqualTo(new Date(1706702400000L));

        KinesisEvent kinesis = (KinesisEvent) convertSample("kinesis", KinesisEvent.class);
        var data = kinesis.getRecords().get(0).getKinesis().getData();
        assertThat(StandardCharsets.UTF_8.decode(data).toString()).isEqualTo("{\"hello\":\"world\"}");
        assertThat(kinesis.getRecords().get(0).getKinesis().getApproximateArrivalTimestamp())
                .isEqualTo(new Date(1706702400123L));
    }
}
