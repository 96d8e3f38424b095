package io.github.serverlessmaven.invoke.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerMethodTest {

    private static final ClassLoader LOADER = HandlerMethodTest.class.getClassLoader();

    public static class Typed implements RequestHandler<Map<String, Integer>, String> {
        @Override
        public String handleRequest(Map<String, Integer> event, Context context) {
            return "";
        }
    }

    public static class Streaming implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) {}
    }

    public static class Overloaded {
        public String go() {
            return "";
        }

        public String go(String event) {
            return event;
        }

        public String go(String event, Context context) {
            return event;
        }

        public String go(String a, String b, String c) {
            return a;
        }

        String hidden(String event) {
            return event;
        }
    }

    public static class NoDefaultConstructor {
        public NoDefaultConstructor(String x) {}

        public String handleRequest(String event) {
            return event;
        }
    }

    public abstract static class Abstract {
        public abstract String handleRequest(String event);
    }

    private static String name(Class<?> type) {
        return type.getName();
    }

    @Test
    void requestHandlersResolveToTheirTypedMethodNotTheBridge() throws Exception {
        HandlerMethod.Target target = HandlerMethod.find(name(Typed.class), LOADER);
        assertThat(target.method().getGenericParameterTypes()[0].getTypeName())
                .isEqualTo("java.util.Map<java.lang.String, java.lang.Integer>");
        assertThat(target.writesToStream()).isFalse();
        assertThat(HandlerMethod.find(name(Streaming.class) + "::handleRequest", LOADER).writesToStream()).isTrue();
    }

    @Test
    void overloadsPreferTheRichestSupportedShape() throws Exception {
        HandlerMethod.Target target = HandlerMethod.find(name(Overloaded.class) + "::go", LOADER);
        assertThat(target.method().getParameterCount()).isEqualTo(2);
    }

    @Test
    void problemsAreReportedByKindWithCandidates() {
        assertThatThrownBy(() -> HandlerMethod.find(name(Overloaded.class) + "::hidden", LOADER))
                .isInstanceOfSatisfying(HandlerMethod.LookupException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HandlerMethod.LookupException.Kind.METHOD_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("method hidden of " + name(Overloaded.class)
                            + " is not public");
                    assertThat(e.candidates()).containsExactly("go");
                });
        assertThatThrownBy(() -> HandlerMethod.find(name(NoDefaultConstructor.class), LOADER))
                .hasMessage("class " + name(NoDefaultConstructor.class) + " has no public constructor without "
                        + "arguments, which Lambda needs to create it");
        assertThatThrownBy(() -> HandlerMethod.find(name(Abstract.class), LOADER))
                .hasMessage("class " + name(Abstract.class) + " is abstract; the handler must be a concrete class");
        assertThatThrownBy(() -> HandlerMethod.find("no.such.Type", LOADER))
                .isInstanceOfSatisfying(HandlerMethod.LookupException.class, e ->
                        assertThat(e.kind()).isEqualTo(HandlerMethod.LookupException.Kind.CLASS_NOT_FOUND));
    }

    @Test
    void handlerStringsSplitAtTheDoubleColon() {
        assertThat(HandlerMethod.className("a.B::m")).isEqualTo("a.B");
        assertThat(HandlerMethod.methodName("a.B::m")).isEqualTo("m");
        assertThat(HandlerMethod.methodName("a.B")).isEqualTo("handleRequest");
    }
}
