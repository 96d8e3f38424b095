package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.compile.events.ActiveMqEventCompiler;
import io.github.serverlessmaven.compile.events.AlbEventCompiler;
import io.github.serverlessmaven.compile.events.AlexaSkillEventCompiler;
import io.github.serverlessmaven.compile.events.AlexaSmartHomeEventCompiler;
import io.github.serverlessmaven.compile.events.CloudWatchLogEventCompiler;
import io.github.serverlessmaven.compile.events.CognitoUserPoolEventCompiler;
import io.github.serverlessmaven.compile.events.EventBridgeEventCompiler;
import io.github.serverlessmaven.compile.events.HttpApiEventCompiler;
import io.github.serverlessmaven.compile.events.HttpEventCompiler;
import io.github.serverlessmaven.compile.events.IotEventCompiler;
import io.github.serverlessmaven.compile.events.KafkaEventCompiler;
import io.github.serverlessmaven.compile.events.MskEventCompiler;
import io.github.serverlessmaven.compile.events.RabbitMqEventCompiler;
import io.github.serverlessmaven.compile.events.S3EventCompiler;
import io.github.serverlessmaven.compile.events.ScheduleEventCompiler;
import io.github.serverlessmaven.compile.events.SnsEventCompiler;
import io.github.serverlessmaven.compile.events.SqsEventCompiler;
import io.github.serverlessmaven.compile.events.StreamEventCompiler;
import io.github.serverlessmaven.compile.events.WebsocketEventCompiler;
import java.util.List;

/**
 * The registry of event compilers, in the order v3 runs them. Add a new event type to {@link #TYPES} and
 * {@link #create}. A compiler is made only for the types a service uses: each is a class (and its helpers) the
 * cold JVM of a Maven build would otherwise load and verify for nothing.
 */
public final class EventCompilers {

    /** Every supported event type, in the order v3 compiles them. */
    public static final List<String> TYPES = List.of("schedule", "s3", "http", "websocket", "sns", "stream", "kafka",
            "activemq", "rabbitmq", "msk", "alb", "alexaSkill", "alexaSmartHome", "iot", "cloudwatchLog",
            "cognitoUserPool", "eventBridge", "sqs", "httpApi");

    private EventCompilers() {}

    /** The compiler of {@code type}, one of {@link #TYPES}. */
    public static EventCompiler create(String type) {
        return switch (type) {
            case "schedule" -> new ScheduleEventCompiler();
            case "s3" -> new S3EventCompiler();
            case "http" -> new HttpEventCompiler();
            case "websocket" -> new WebsocketEventCompiler();
            case "sns" -> new SnsEventCompiler();
            case "stream" -> new StreamEventCompiler();
            case "kafka" -> new KafkaEventCompiler();
            case "activemq" -> new ActiveMqEventCompiler();
            case "rabbitmq" -> new RabbitMqEventCompiler();
            case "msk" -> new MskEventCompiler();
            case "alb" -> new AlbEventCompiler();
            case "alexaSkill" -> new AlexaSkillEventCompiler();
            case "alexaSmartHome" -> new AlexaSmartHomeEventCompiler();
            case "iot" -> new IotEventCompiler();
            case "cloudwatchLog" -> new CloudWatchLogEventCompiler();
            case "cognitoUserPool" -> new CognitoUserPoolEventCompiler();
            case "eventBridge" -> new EventBridgeEventCompiler();
            case "sqs" -> new SqsEventCompiler();
            case "httpApi" -> new HttpApiEventCompiler();
            default -> throw new IllegalArgumentException("no event compiler for '" + type + "'");
        };
    }
}
