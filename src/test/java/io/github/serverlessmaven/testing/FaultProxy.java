package io.github.serverlessmaven.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forwarding HTTP proxy in front of moto that injects wire-level faults, used as the SDK's endpoint override.
 * moto has no fault injection of its own (see the moto notes, section 7), so this is how the tests show what the
 * plugin does when AWS throttles, fails or drops connections.
 *
 * <p>Faults are injected <em>before</em> forwarding, so a failed request never reached moto: that is what a
 * throttle, a 503 from a front end or a reset during the request looks like to AWS. A seeded {@link Random} makes
 * each run reproducible. Every request is counted by API ({@code cloudformation:CreateChangeSet},
 * {@code s3:PUT object}, ...), as are the faults.
 */
public final class FaultProxy implements AutoCloseable {

    /** The kinds of fault; {@link #LATENCY} delays the request and then forwards it. */
    public enum Fault { RESET, HTTP_500, HTTP_503, THROTTLING, SLOW_DOWN, LATENCY }

    static final String CFN_THROTTLING = "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
            + "<Message>Rate exceeded</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>";
    static final String S3_SLOW_DOWN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
            + "<Message>Please reduce your request rate.</Message><RequestId>fault-proxy</RequestId></Error>";
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "proxy-connection", "te", "trailer");
    private static final Pattern SERVICE = Pattern.compile("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<Fault, AtomicInteger> faults = new ConcurrentHashMap<>();
    private volatile double faultRate;
    private volatile List<Fault> kinds = List.of(Fault.values());
    private volatile Duration maxLatency = Duration.ofMillis(150);
    private final Map<String, Runnable> onceBefore = new ConcurrentHashMap<>();
    private final Map<String, Intercept> intercepts = new ConcurrentHashMap<>();
    private volatile long bytesPerSecond;
    private final AtomicLong bodyBytesReceived = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * What the proxy does with one API's requests instead of forwarding them untouched: answer them itself, or
     * change moto's answer. Used to give moto behaviour it lacks (e.g. an asynchronous change set execution).
     */
    public interface Intercept {

        /** The answer to send without forwarding, or null to forward the request to moto. */
        default Answer answer(String requestBody) {
            return null;
        }

        /** moto's answer body as the client is to see it. */
        default String rewrite(String responseBody) {
            return responseBody;
        }
    }

    /** An answer made by the proxy. */
    public record Answer(int status, String contentType, String body) {}

    private FaultProxy(URI target, long seed) throws IOException {
        this.target = target;
        this.random = new Random(seed);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** A proxy to {@code target} (e.g. moto's endpoint) on a free local port, with faults off. */
    public static FaultProxy start(String target, long seed) {
        try {
            return new FaultProxy(URI.create(target.endsWith("/") ? target.substring(0, target.length() - 1)
                    : target), seed);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the fault proxy: " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The share of requests (0 to 1) that get a fault; 0 forwards everything untouched. */
    public FaultProxy faultRate(double rate) {
        this.faultRate = rate;
        return this;
    }

    /**
     * Runs {@code action} once, before the first request of {@code api} (e.g. {@code cloudformation:GetTemplate})
     * is forwarded: what another build does at exactly that moment.
     */
    public FaultProxy onceBefore(String api, Runnable action) {
        onceBefore.put(api, action);
        return this;
    }

    /** Hands requests of {@code api} (e.g. {@code cloudformation:ExecuteChangeSet}) to {@code intercept}. */
    public FaultProxy intercept(String api, Intercept intercept) {
        intercepts.put(api, intercept);
        return this;
    }

    public FaultProxy stopIntercepting(String api) {
        intercepts.remove(api);
        return this;
    }

    /**
     * Reads request bodies at about this many bytes per second (0: as fast as they come), like a slow uplink: a
     * client killed meanwhile leaves a body cut short, which is never forwarded, as S3 never stores half an object.
     */
    public FaultProxy bandwidth(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        return this;
    }

    /** Request body bytes received so far, over all requests (complete or not). */
    public long bodyBytesReceived() {
        return bodyBytesReceived.get();
    }

    /** Requests being received, forwarded or answered right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Only these kinds of fault from now on (all kinds by default). */
    public FaultProxy only(Fault... only) {
        this.kinds = List.of(only);
        return this;
    }

    public FaultProxy maxLatency(Duration latency) {
        this.maxLatency = latency;
        return this;
    }

    /** Requests seen (faulted or not) by API, e.g. {@code cloudformation:ExecuteChangeSet -> 3}. */
    public Map<String, Integer> requestCounts() {
        Map<String, Integer> out = new TreeMap<>();
        requests.forEach((api, n) -> out.put(api, n.get()));
        return out;
    }

    public Map<Fault, Integer> faultCounts() {
        Map<Fault, Integer> out = new TreeMap<>();
        faults.forEach((fault, n) -> out.put(fault, n.get()));
        return out;
    }

    public int totalFaults() {
        return faults.entrySet().stream().filter(e -> e.getKey() != Fault.LATENCY)
                .mapToInt(e -> e.getValue().get()).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try (exchange) {
            byte[] body = readBody(exchange);
            String service = service(exchange);
            String api = service + ":" + api(service, exchange, body);
            requests.computeIfAbsent(api, k -> new AtomicInteger()).incrementAndGet();
            Runnable before = onceBefore.remove(api);
            if (before != null) {
                before.run();
            }
            Intercept intercept = intercepts.get(api);
            Answer answer = intercept == null ? null : intercept.answer(new String(body, StandardCharsets.UTF_8));
            if (answer != null) {
                respond(exchange, answer.status(), answer.contentType(), answer.body());
                return;
            }
            Fault fault = pickFault(service);
            if (fault != null) {
                faults.computeIfAbsent(fault, k -> new AtomicInteger()).incrementAndGet();
                if (inject(fault, exchange)) {
                    return;
                }
            }
            forward(exchange, body, intercept);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The whole request body; throws when the client goes away before sending all of it. */
    private byte[] readBody(HttpExchange exchange) throws IOException, InterruptedException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] chunk = new byte[16 * 1024];
        try (InputStream in = exchange.getRequestBody()) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                out.write(chunk, 0, n);
                bodyBytesReceived.addAndGet(n);
                long rate = bytesPerSecond;
                if (rate > 0) {
                    Thread.sleep(n * 1000L / rate);
                }
            }
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && Long.parseLong(length.trim()) != out.size()) {
            throw new IOException("the client sent " + out.size() + " of " + length + " bytes");
        }
        return out.toByteArray();
    }

    private Fault pickFault(String service) {
        synchronized (random) {
            if (faultRate <= 0 || random.nextDouble() >= faultRate) {
                return null;
            }
            Fault fault = kinds.get(random.nextInt(kinds.size()));
            // Each service's own throttling answer: a CloudFormation-style error is meaningless to S3 and back.
            if (fault == Fault.THROTTLING && service.equals("s3")) {
                return Fault.SLOW_DOWN;
            }
            if (fault == Fault.SLOW_DOWN && !service.equals("s3")) {
                return Fault.THROTTLING;
            }
            return fault;
        }
    }

    /** Sends the fault; true if the exchange is answered (anything but latency). */
    private boolean inject(Fault fault, HttpExchange exchange) throws IOException, InterruptedException {
        switch (fault) {
            case RESET -> {
                // Closing without response headers drops the connection: the client sees end of stream.
                exchange.close();
                return true;
            }
            case HTTP_500 -> respond(exchange, 500, "text/plain", "Internal Server Error");
            case HTTP_503 -> respond(exchange, 503, "text/plain", "Service Unavailable");
            case THROTTLING -> respond(exchange, 400, "text/xml", CFN_THROTTLING);
            case SLOW_DOWN -> respond(exchange, 503, "application/xml", S3_SLOW_DOWN);
            case LATENCY -> {
                long millis;
                synchronized (random) {
                    millis = 1 + random.nextInt((int) Math.max(1, maxLatency.toMillis()));
                }
                Thread.sleep(millis);
                return false;
            }
        }
        return true;
    }

    private static void respond(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, exchange.getRequestMethod().equals("HEAD") ? -1 : bytes.length);
        if (!exchange.getRequestMethod().equals("HEAD")) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void forward(HttpExchange exchange, byte[] body, Intercept intercept)
            throws IOException, InterruptedException {
        URI in = exchange.getRequestURI();
        String pathAndQuery = in.getRawPath() + (in.getRawQuery() != null ? "?" + in.getRawQuery() : "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        boolean head = exchange.getRequestMethod().equals("HEAD");
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            // HEAD answers keep Content-Length (the object's size); otherwise the proxy sets it for its own body.
            if (!NOT_FORWARDED.contains(lower) && !lower.equals(":status") || head && lower.equals("content-length")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        byte[] bytes = response.body();
        if (intercept != null && !head && bytes.length > 0) {
            bytes = intercept.rewrite(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        int status = response.statusCode();
        boolean noBody = head || status == 204 || status == 304 || bytes.length == 0;
        exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String service(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher m = SERVICE.matcher(auth == null ? "" : auth);
        return m.find() ? m.group(1) : "unsigned";
    }

    /** The operation: a query action, a JSON target, or the method and path shape for REST APIs. */
    private static String api(String service, HttpExchange exchange, byte[] body) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null) {
            return target.substring(target.indexOf('.') + 1);
        }
        String form = new String(body, StandardCharsets.UTF_8);
        Matcher action = Pattern.compile("(?:^|&)Action=([^&]+)").matcher(form);
        if (!service.equals("s3") && action.find()) {
            return URLDecoder.decode(action.group(1), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        long depth = path.chars().filter(c -> c == '/').count();
        if (service.equals("s3")) {
            return exchange.getRequestMethod() + (depth >= 2 && path.indexOf('/', 1) < path.length() - 1 ? " object"
                    : " bucket");
        }
        return exchange.getRequestMethod() + " " + path.replaceAll("/[^/]*[0-9][^/]*$", "/{id}");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
