package io.github.serverlessmaven.variables;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.ListNode;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.config.Problem;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.variables.VariableSyntax.Call;
import io.github.serverlessmaven.variables.VariableSyntax.Expr;
import io.github.serverlessmaven.variables.VariableSyntax.Literal;
import io.github.serverlessmaven.variables.VariableSyntax.Nested;
import io.github.serverlessmaven.variables.VariableSyntax.Part;
import io.github.serverlessmaven.variables.VariableSyntax.Source;
import io.github.serverlessmaven.variables.VariableSyntax.Text;
import io.github.serverlessmaven.variables.VariableSyntax.Variable;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves Serverless Framework v3 {@code ${...}} variables in a configuration tree.
 *
 * <p>Resolution is demand-driven: walking the tree resolves each value; a {@code ${self:x}} resolves {@code x}
 * first (so values that point at other variables resolve in dependency order), and asking for a value that is
 * still being resolved is a cycle. A value that came from a variable may itself hold variables (a file, an
 * environment value); those resolve too, at most {@value #MAX_NEST_DEPTH} levels deep, as in v3.
 *
 * <p>Errors are collected and thrown together as one {@link ConfigException}. One exception to that: a value
 * under {@code custom} or {@code params} that needs a deploy-time source (ssm, cf, s3, aws) that is not
 * available is left unresolved, with a note, when nothing outside those uses it: packaging reads neither
 * directly ({@code custom} is free-form; {@code params} are read through {@code ${param:...}}, often for
 * another stage). Anything that uses such a value fails and names both places.
 */
public final class VariableResolver {

    /** Values produced by variables that hold variables, and so on: v3 stops at 10. */
    static final int MAX_NEST_DEPTH = 10;
    /** Chains of values waiting for each other ({@code a -> b -> c ...}); keeps the Java stack bounded. */
    static final int MAX_CHAIN = 100;
    static final int MAX_VARIABLES = 100_000;
    /** Values in the resolved tree, counting copies: {@code ${self:x}} can copy big subtrees many times. */
    static final long MAX_VALUES = 500_000;
    /** Values walked while resolving, copies included: bounds the time hostile input can take. */
    static final long MAX_VISITS = 1_000_000;
    /** Errors listed in one build failure; the rest are counted. */
    static final int MAX_REPORTED = 50;

    /** Top-level blocks that only matter through variables that use them (see the class comment). */
    static final Set<String> LAZY_BLOCKS = Set.of("custom", "params");

    static final Set<String> DEPLOY_TIME_SOURCES = Set.of("ssm", "cf", "s3", "aws");
    static final List<String> BUILT_IN_SOURCES = List.of("self", "opt", "sls", "env", "file", "param", "maven",
            "strToBool");

    private final Map<String, String> options;
    private final Map<String, String> env;
    private final SecretEnvironment secretEnv;
    private final Map<String, String> mavenProperties;
    private final Map<String, VariableSource> extraSources;
    private final FileContents files;
    private final String instanceId = Long.toString(System.currentTimeMillis());

    private Node root;
    private final Map<String, Entry> shallow = new HashMap<>();
    private final Map<String, ResolutionFailure> shallowFailures = new HashMap<>();
    private final Map<String, Entry> deep = new HashMap<>();
    private final Set<String> shallowInProgress = new HashSet<>();
    private final Set<String> deepInProgress = new HashSet<>();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Map<String, Expr> parsed = new HashMap<>();
    private final Map<Node, Long> sizes = new IdentityHashMap<>();
    private final Map<Node, Boolean> plain = new IdentityHashMap<>();
    private int variablesResolved;
    private long valuesVisited;
    private ResolutionFailure workFailure;
    private final Set<String> secretPaths = new TreeSet<>();
    private final List<String> notes = new ArrayList<>();

    public VariableResolver(VariableContext context) {
        this.options = orEmpty(context.options());
        this.env = orEmpty(context.env());
        this.secretEnv = context.secretEnv() == null ? SecretEnvironment.byNameOnly() : context.secretEnv();
        this.mavenProperties = orEmpty(context.mavenProperties());
        this.extraSources = orEmpty(context.extraSources());
        this.files = new FileContents(context.baseDir());
    }

    private static <V> Map<String, V> orEmpty(Map<String, V> map) {
        return map == null ? Map.of() : map;
    }

    /**
     * The configuration with every variable resolved.
     *
     * @throws ConfigException listing every variable that cannot be resolved
     */
    public Node resolve(Node config) {
        this.root = config;
        for (Map<?, ?> memo : List.of(shallow, shallowFailures, deep, parsed, sizes, plain)) {
            memo.clear();
        }
        secretPaths.clear();
        notes.clear();
        variablesResolved = 0;
        valuesVisited = 0;
        workFailure = null;
        Entry resolved;
        try {
            resolved = deep(PropertyPath.ROOT);
        } catch (StackOverflowError e) {
            // The limits above keep ordinary and hostile files far from this; a small thread stack may not be.
            throw new ConfigException(config.position(), "", "variables reference each other too deeply to resolve",
                    "reference values more directly (fewer chains of ${self:...} through deeply nested values)");
        }
        report(resolved.failures());
        return resolved.node();
    }

    /**
     * Configuration paths (as in messages, e.g. {@code provider.environment.TOKEN}) whose value came, wholly
     * or partly, from a secret source; a path covers everything below it. Callers mask these values.
     */
    public Set<String> secretPaths() {
        return Collections.unmodifiableSet(secretPaths);
    }

    /** Debug-level notes, such as values under {@code custom} left for deploy time. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    // ---- walking the tree ----

    /**
     * A value at a path, resolved at its top only (a map may still hold variables below).
     *
     * @param depth how many variable substitutions produced it (0: written in serverless.yml)
     * @param resolved the whole subtree is resolved already (copied by {@code ${self:...}}), so strings in it
     *     are not parsed again: an escaped {@code \${x}} must stay literal
     * @param failures failures in the subtree (deep entries only), each with the path that needed the value
     */
    private record Entry(Node node, int depth, boolean secret, boolean resolved, List<Failed> failures) {
        static final Entry MISSING = new Entry(null, 0, false, true, List.of());
    }

    private record Failed(ResolutionFailure failure, PropertyPath neededAt) {}

    private record Frame(PropertyPath path, Position position) {}

    private Entry shallow(PropertyPath path) {
        Entry known = shallow.get(path.id());
        if (known != null) {
            return known;
        }
        ResolutionFailure failed = shallowFailures.get(path.id());
        if (failed != null) {
            throw failed;
        }
        Entry base;
        if (path.isRoot()) {
            base = new Entry(root, 0, false, false, List.of());
        } else {
            Entry parent = shallow(path.parent());
            Node child = child(parent.node(), path.key());
            if (child == null) {
                shallow.put(path.id(), Entry.MISSING);
                return Entry.MISSING;
            }
            base = new Entry(child, parent.depth(), parent.secret(), parent.resolved(), List.of());
        }
        Expr expr = base.resolved() ? null : variablesIn(base.node(), path, null);
        if (expr == null) {
            shallow.put(path.id(), base);
            return base;
        }
        if (!shallowInProgress.add(path.id())) {
            throw cycle(path);
        }
        frames.push(new Frame(path, base.node().position()));
        try {
            Context at = new Context(path, base.node().position(), base.depth() + 1);
            checkLimits(at);
            Value value = substitute(expr, at);
            Entry entry = new Entry(value.node(), at.depth(), base.secret() || value.secret(), value.resolved(),
                    List.of());
            if (value.secret()) {
                secretPaths.add(path.display());
            }
            shallow.put(path.id(), entry);
            return entry;
        } catch (ResolutionFailure f) {
            shallowFailures.put(path.id(), f);
            throw f;
        } finally {
            frames.pop();
            shallowInProgress.remove(path.id());
        }
    }

    /** A value at a path with everything below it resolved; failures below are collected, not thrown. */
    private Entry deep(PropertyPath path) {
        Entry known = deep.get(path.id());
        if (known != null) {
            return known;
        }
        if (!deepInProgress.add(path.id())) {
            throw cycle(path);
        }
        try {
            Entry entry = deepUncached(path);
            deep.put(path.id(), entry);
            return entry;
        } finally {
            deepInProgress.remove(path.id());
        }
    }

    private Entry deepUncached(PropertyPath path) {
        if (++valuesVisited > MAX_VISITS) {
            // Copies are resolved one by one (each may differ), so many copies of a big file cost time even
            // when the result would stay under MAX_VALUES.
            ResolutionFailure f = overBudget(unresolved(path).position(), path, "the configuration needs more than "
                    + MAX_VISITS + " values visited to resolve its variables");
            return new Entry(unresolved(path), 0, false, true, List.of(new Failed(f, path)));
        }
        Entry top;
        try {
            top = shallow(path);
        } catch (ResolutionFailure f) {
            return new Entry(unresolved(path), 0, false, true, List.of(new Failed(f, path)));
        }
        if (top.node() == null || top.resolved()) {
            return top;
        }
        if (isPlain(top.node())) {
            // No '$' anywhere below: walking it value by value would give the same entry, one path at a time. The
            // values it would visit still count, so the limits stop a configuration where they always did.
            long below = sizeOf(top.node()) - 1;
            if (below < MAX_VALUES && valuesVisited + below <= MAX_VISITS) {
                valuesVisited += below;
                return new Entry(top.node(), top.depth(), top.secret(), true, List.of());
            }
        }
        List<Failed> failures = new ArrayList<>(0);
        boolean secret = top.secret();
        Node node = top.node();
        if (node instanceof MapNode map) {
            Map<String, Node> entries = new LinkedHashMap<>();
            boolean changed = false;
            for (String key : map.entries().keySet()) {
                Entry child = deep(path.child(key, false));
                entries.put(key, child.node());
                changed |= child.node() != map.get(key);
                secret |= child.secret();
                failures.addAll(child.failures());
            }
            node = changed ? new MapNode(entries, map.keyPositions(), map.position()) : map;
        } else if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>(list.items().size());
            boolean changed = false;
            for (int i = 0; i < list.items().size(); i++) {
                Entry child = deep(path.child(Integer.toString(i), true));
                items.add(child.node());
                changed |= child.node() != list.items().get(i);
                secret |= child.secret();
                failures.addAll(child.failures());
            }
            node = changed ? new ListNode(items, list.position()) : list;
        }
        if (sizeOf(node) > MAX_VALUES) {
            ResolutionFailure f = new ResolutionFailure(new Problem(node.position(), path.display(),
                    "the configuration grows to more than " + MAX_VALUES + " values through variables",
                    "copy smaller parts of the configuration with ${self:...}"), false);
            failures.add(new Failed(f, path));
            return new Entry(unresolved(path), 0, false, true, failures);
        }
        return new Entry(node, top.depth(), secret, true, failures.isEmpty() ? List.of() : failures);
    }

    /** The value as written, kept in the result where it could not be resolved. */
    private Node unresolved(PropertyPath path) {
        if (path.isRoot()) {
            return root;
        }
        try {
            Node child = child(shallow(path.parent()).node(), path.key());
            return child != null ? child : new ScalarNode(null, Position.UNKNOWN);
        } catch (ResolutionFailure f) {
            return new ScalarNode(null, Position.UNKNOWN);
        }
    }

    private static Node child(Node parent, String key) {
        if (parent instanceof MapNode map) {
            return map.get(key);
        }
        if (parent instanceof ListNode list) {
            int index = index(key);
            return index >= 0 && index < list.items().size() ? list.items().get(index) : null;
        }
        return null;
    }

    private static int index(String key) {
        if (key.isEmpty() || key.length() > 9) {
            return -1;
        }
        for (int i = 0; i < key.length(); i++) {
            if (!Character.isDigit(key.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(key);
    }

    /** Counts values, copies included, without walking shared subtrees twice. */
    /** True when no string at or below {@code node} holds a '$', so no variable can be resolved there. */
    private boolean isPlain(Node node) {
        if (node instanceof ScalarNode s) {
            return !(s.value() instanceof String text) || text.indexOf('$') < 0;
        }
        Boolean known = plain.get(node);
        if (known != null) {
            return known;
        }
        boolean result = true;
        if (node instanceof MapNode map) {
            for (Node child : map.entries().values()) {
                if (child != null && !isPlain(child)) {
                    result = false;
                    break;
                }
            }
        } else if (node instanceof ListNode list) {
            for (Node child : list.items()) {
                if (child != null && !isPlain(child)) {
                    result = false;
                    break;
                }
            }
        }
        plain.put(node, result);
        return result;
    }

    private long sizeOf(Node node) {
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        long size = 1;
        if (node instanceof MapNode map) {
            for (Node child : map.entries().values()) {
                size += sizeOf(child);
            }
        } else if (node instanceof ListNode list) {
            for (Node child : list.items()) {
                size += sizeOf(child);
            }
        }
        size = Math.min(size, MAX_VALUES + 1);
        sizes.put(node, size);
        return size;
    }

    /**
     * The parsed string when {@code node} is a string with variables, else null.
     *
     * @param source the variable that produced the value, whose text messages then leave out (it may be secret);
     *     null for values written in the configuration
     */
    private Expr variablesIn(Node node, PropertyPath path, Variable source) {
        if (!(node instanceof ScalarNode s) || !(s.value() instanceof String text) || text.indexOf('$') < 0) {
            return null;
        }
        Expr expr = parsed.get(text);
        if (expr == null) {
            try {
                expr = VariableParser.parse(text);
            } catch (VariableParser.SyntaxError e) {
                String message = source == null ? "invalid variable syntax: " + e.getMessage()
                        : "the value of " + source.raw() + " holds invalid variable syntax: " + e.withoutText();
                throw new ResolutionFailure(new Problem(node.position(), path.display(), message,
                        "write variables as ${source:address} and escape a literal \"${\" as \"\\${\""), false);
            }
            parsed.put(text, expr);
        }
        if (!expr.hasVariables() && expr.parts().size() == 1 && expr.parts().get(0) instanceof Text t
                && t.text().equals(text)) {
            return null;
        }
        return expr;
    }

    // ---- substituting variables in one value ----

    /** Where a variable is being resolved: the path and position that host it, and the nesting depth. */
    private record Context(PropertyPath host, Position position, int depth) {
        Context deeper() {
            return new Context(host, position, depth + 1);
        }
    }

    /** A resolved value; {@code resolved} as in {@link Entry}. */
    private record Value(Node node, boolean secret, boolean resolved) {}

    /** A source's answer: a value, or null with the reason why there is none. */
    private record Lookup(Node node, boolean secret, boolean resolved, String missing, boolean deferred,
            ResolutionFailure cause) {
        static Lookup of(Node node, boolean secret, boolean resolved) {
            return new Lookup(node, secret, resolved, null, false, null);
        }

        static Lookup missing(String reason) {
            return new Lookup(null, false, false, reason, false, null);
        }

        boolean found() {
            return node != null && !(node instanceof ScalarNode s && s.isNull());
        }
    }

    private void checkLimits(Context at) {
        if (at.depth() > MAX_NEST_DEPTH) {
            throw failure(at, "variables nest more than " + MAX_NEST_DEPTH + " levels deep (values produced by "
                    + "variables hold variables, and so on)", "check for a file or value that includes itself");
        }
        if (frames.size() > MAX_CHAIN) {
            throw failure(at, "more than " + MAX_CHAIN + " values wait for each other through variables",
                    "reference values more directly");
        }
    }

    private Value substitute(Expr expr, Context at) {
        Variable whole = expr.wholeVariable();
        if (whole != null) {
            Lookup found = required(whole, at);
            return new Value(found.node(), found.secret(), found.resolved());
        }
        StringBuilder text = new StringBuilder();
        boolean secret = false;
        for (Part part : expr.parts()) {
            if (part instanceof Text t) {
                text.append(t.text());
                continue;
            }
            Variable v = (Variable) part;
            Lookup found = required(v, at);
            secret |= found.secret();
            String piece = found.node() instanceof ScalarNode s ? asText(s.value()) : null;
            if (piece == null) {
                throw failure(at, "the variable " + v.raw() + " resolves to " + found.node().kind()
                        + ", which cannot be part of a longer string (only strings, numbers and booleans can)",
                        "make the variable the whole value, or point it at a single value");
            }
            text.append(piece);
        }
        return new Value(new ScalarNode(text.toString(), at.position()), secret, true);
    }

    /** How a scalar reads inside a string, as JavaScript's String() writes it; null for null. */
    static String asText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d && !d.isInfinite() && !d.isNaN() && d == Math.rint(d)
                && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    private Lookup required(Variable variable, Context at) {
        Lookup found = firstFound(variable, at);
        if (found.found() || found.missing() == null) {
            return found;
        }
        Source last = variable.sources().get(variable.sources().size() - 1);
        if (found.cause() != null) {
            throw found.cause();
        }
        if (found.deferred()) {
            throw new ResolutionFailure(new Problem(at.position(), at.host().display(), "cannot resolve "
                    + variable.raw() + ": " + found.missing() + " (needs AWS)",
                    "use `serverless:deploy`, or give a fallback such as " + variable.withFallback("local")), true);
        }
        throw failure(at, "cannot resolve " + variable.raw() + ": " + found.missing(), fixFor(last, variable));
    }

    private static String fixFor(Source last, Variable variable) {
        String fallback = variable.withFallback("default");
        if (!(last instanceof Call call)) {
            return "add a fallback: " + fallback;
        }
        return switch (call.type()) {
            case "env" -> "set it or add a fallback: " + fallback;
            case "opt" -> "pass it as a Maven property (-Dserverless.opt.NAME=value; stage and region: "
                    + "-Dserverless.stage, -Dserverless.region) or add a fallback: " + fallback;
            case "file" -> "create the file (paths are relative to the project directory), correct the path, "
                    + "or add a fallback: " + fallback;
            case "self" -> "define that value, correct the path, or add a fallback: " + fallback;
            case "param" -> "define it under params.<stage> or params.default, or add a fallback: " + fallback;
            case "maven" -> "define the property in the POM or with -D, or add a fallback: " + fallback;
            default -> "add a fallback: " + fallback;
        };
    }

    /**
     * Tries the sources in order. A null {@link Lookup#missing()} with no node means a literal {@code null}
     * fallback, which v3 accepts as the value.
     */
    private Lookup firstFound(Variable variable, Context at) {
        if (++variablesResolved > MAX_VARIABLES) {
            throw overBudget(at.position(), at.host(), "more than " + MAX_VARIABLES + " variables to resolve");
        }
        Lookup last = Lookup.missing("no value");
        for (Source source : variable.sources()) {
            Lookup found;
            if (source instanceof Literal literal) {
                found = fromSource(toNode(literal.value(), at.position()), false, false, at, null);
                if (!found.found()) {
                    return found;
                }
            } else if (source instanceof Nested nested) {
                found = firstFound(nested.variable(), at);
            } else {
                found = lookup((Call) source, variable, at);
            }
            if (found.found()) {
                return found;
            }
            last = found;
        }
        return new Lookup(null, false, false, last.missing() == null ? "no value" : last.missing(), last.deferred(),
                last.cause());
    }

    /**
     * A source's value; strings that hold variables (from a file, the environment...) resolve further, as in
     * v3. Secret values never do: a password may well contain "${".
     *
     * @param variable the variable that produced a value from outside the configuration, or null
     */
    private Lookup fromSource(Node node, boolean secret, boolean resolved, Context at, Variable variable) {
        if (node == null) {
            return Lookup.of(null, false, true);
        }
        if (!resolved && !secret) {
            Expr expr = variablesIn(node, at.host(), variable);
            if (expr != null) {
                Context deeper = at.deeper();
                checkLimits(deeper);
                Value value = substitute(expr, deeper);
                return Lookup.of(value.node(), secret || value.secret(), value.resolved());
            }
        }
        return Lookup.of(node, secret, resolved);
    }

    private Lookup lookup(Call call, Variable variable, Context at) {
        String type = call.type();
        if (type.equals("aws") && call.address() != null && !call.address().hasVariables()
                && !call.address().text().equals("accountId")) {
            return awsWithoutAws(call.address().text(), at);
        }
        if (!BUILT_IN_SOURCES.contains(type) && !extraSources.containsKey(type)) {
            if (DEPLOY_TIME_SOURCES.contains(type)) {
                return new Lookup(null, false, false, "the '" + type + "' source is resolved only at deploy time",
                        true, null);
            }
            throw unknownSource(type, variable, at);
        }
        List<Object> params = params(call, at);
        String address = address(call, at);
        return switch (type) {
            case "self" -> self(address);
            case "opt" -> opt(address, variable, at);
            case "sls" -> sls(address, at);
            case "env" -> env(address, variable, at);
            case "file" -> file(params, address, variable, at);
            case "param" -> param(address, at);
            case "maven" -> maven(address, at);
            case "strToBool" -> strToBool(params, at);
            default -> extra(type, params, address, variable, at);
        };
    }

    private ResolutionFailure unknownSource(String type, Variable variable, Context at) {
        List<String> known = new ArrayList<>(BUILT_IN_SOURCES);
        known.addAll(DEPLOY_TIME_SOURCES.stream().sorted().toList());
        known.addAll(new TreeSet<>(extraSources.keySet()));
        String closest = ConfigReader.closest(type, known);
        return failure(at, "unknown variable source '" + type + "' in " + variable.raw(), closest != null
                ? "write '" + closest + "' (known sources: " + String.join(", ", known) + ")"
                : "use one of " + String.join(", ", known));
    }

    private List<Object> params(Call call, Context at) {
        if (call.params() == null) {
            return List.of();
        }
        List<Object> out = new ArrayList<>(call.params().size());
        for (Expr param : call.params()) {
            if (param == null) {
                out.add(null);
            } else if (param.quoted()) {
                out.add(param.text());
            } else if (!param.hasVariables()) {
                out.add(VariableParser.literal(param.text(), true));
            } else {
                out.add(scalar(substitute(param, at), "a parameter", at));
            }
        }
        return out;
    }

    private String address(Call call, Context at) {
        Expr address = call.address();
        if (address == null) {
            return null;
        }
        if (!address.hasVariables()) {
            return address.text();
        }
        Object value = scalar(substitute(address, at), "an address", at);
        return value == null ? null : asText(value);
    }

    private Object scalar(Value value, String what, Context at) {
        if (value.node() instanceof ScalarNode s) {
            return s.value();
        }
        throw failure(at, what + " of a variable resolves to " + value.node().kind() + ", expected a string",
                "point the inner variable at a single value");
    }

    // ---- sources ----

    private Lookup self(String address) {
        PropertyPath target = PropertyPath.ROOT;
        if (address != null && !address.isEmpty()) {
            for (String key : address.split("\\.", -1)) {
                Entry parent = shallow(target);
                if (parent.node() == null || key.isEmpty()) {
                    return Lookup.missing("there is no value at '" + address + "' in the configuration");
                }
                target = target.child(key, parent.node() instanceof ListNode);
            }
        }
        Entry entry = deep(target);
        if (!entry.failures().isEmpty()) {
            ResolutionFailure cause = entry.failures().get(0).failure();
            if (!cause.deferred()) {
                throw cause;
            }
            // Like ${ssm:/x, 'local'}: a fallback after ${self:...} applies where the AWS value is not available.
            return new Lookup(null, false, false, cause.problem().message(), true, cause);
        }
        if (entry.node() == null || entry.node() instanceof ScalarNode s && s.isNull()) {
            return Lookup.missing("there is no value at '" + address + "' in the configuration");
        }
        return Lookup.of(entry.node(), entry.secret(), true);
    }

    private Lookup opt(String address, Variable variable, Context at) {
        if (address == null || address.isEmpty()) {
            Map<String, Node> all = new LinkedHashMap<>();
            new TreeSet<>(options.keySet()).forEach(k -> all.put(k, new ScalarNode(options.get(k), at.position())));
            return Lookup.of(new MapNode(all, Map.of(), at.position()), false, true);
        }
        String value = options.get(address);
        return value == null ? Lookup.missing("option '" + address + "' is not set")
                : fromSource(new ScalarNode(value, at.position()), false, false, at, variable);
    }

    private Lookup sls(String address, Context at) {
        if ("instanceId".equals(address)) {
            return Lookup.of(new ScalarNode(instanceId, at.position()), false, true);
        }
        if ("stage".equals(address)) {
            return Lookup.of(new ScalarNode(stage(), at.position()), false, true);
        }
        throw failure(at, "unsupported address '" + address + "' for the 'sls' source",
                "use ${sls:stage} or ${sls:instanceId}");
    }

    /** {@code ${aws:region}} needs no AWS call: v3 takes the region option, else provider.region, else us-east-1. */
    private Lookup awsWithoutAws(String address, Context at) {
        if (!address.equals("region")) {
            throw failure(at, "unsupported address '" + address + "' for the 'aws' source",
                    "use ${aws:region} or ${aws:accountId}");
        }
        String region = options.get("region");
        if (region == null || region.isEmpty()) {
            Lookup configured = self("provider.region");
            if (configured.cause() != null) {
                throw configured.cause();
            }
            region = configured.found() && configured.node() instanceof ScalarNode s ? asText(s.value()) : null;
        }
        return Lookup.of(new ScalarNode(region == null || region.isEmpty() ? "us-east-1" : region, at.position()),
                false, true);
    }

    /** v3's stage: the stage option, else provider.stage, else dev. */
    private String stage() {
        String stage = options.get("stage");
        if (stage != null && !stage.isEmpty()) {
            return stage;
        }
        Lookup configured = self("provider.stage");
        if (configured.cause() != null) {
            throw configured.cause();
        }
        if (configured.found() && configured.node() instanceof ScalarNode s) {
            String text = asText(s.value());
            if (text != null && !text.isEmpty()) {
                return text;
            }
        }
        return "dev";
    }

    private Lookup env(String address, Variable variable, Context at) {
        if (address == null || address.isEmpty()) {
            throw failure(at, "the 'env' source needs a variable name", "write ${env:NAME}");
        }
        String value = env.get(address);
        return value == null ? Lookup.missing("environment variable " + address + " is not set")
                : fromSource(new ScalarNode(value, at.position()), secretEnv.isSecret(address), false, at, variable);
    }

    private Lookup maven(String address, Context at) {
        if (address == null || address.isEmpty()) {
            throw failure(at, "the 'maven' source needs a property name", "write ${maven:project.version}");
        }
        String value = mavenProperties.get(address);
        return value == null ? Lookup.missing("Maven property '" + address + "' is not defined")
                : Lookup.of(new ScalarNode(value, at.position()), false, true);
    }

    private Lookup param(String address, Context at) {
        if (address == null || address.isEmpty()) {
            throw failure(at, "the 'param' source needs a parameter name", "write ${param:NAME}");
        }
        String stage = stage();
        for (String scope : List.of(stage, "default")) {
            Entry scopeEntry = shallow(PropertyPath.ROOT.child("params", false).child(scope, false));
            if (scopeEntry.node() instanceof MapNode) {
                Lookup found = self("params." + scope + "." + address);
                if (found.cause() != null) {
                    throw found.cause();
                }
                if (found.found()) {
                    return found;
                }
            }
        }
        return Lookup.missing("parameter '" + address + "' is not defined under params." + stage
                + " or params.default");
    }

    private Lookup strToBool(List<Object> params, Context at) {
        Object input = params.isEmpty() ? null : params.get(0);
        String text = input == null ? "" : asText(input).trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "1" -> Lookup.of(new ScalarNode(Boolean.TRUE, at.position()), false, true);
            case "false", "0" -> Lookup.of(new ScalarNode(Boolean.FALSE, at.position()), false, true);
            default -> throw failure(at, "strToBool expects \"true\", \"false\", \"1\" or \"0\", found "
                    + (input == null ? "nothing" : "'" + input + "'"), "write ${strToBool(true)} or "
                    + "${strToBool(${env:FLAG})} with FLAG set to one of those");
        };
    }

    private Lookup file(List<Object> params, String address, Variable variable, Context at) {
        Object first = params.isEmpty() ? null : params.get(0);
        if (first == null || asText(first).isBlank()) {
            throw failure(at, "the 'file' source needs a path", "write ${file(./config.yml)}");
        }
        Path path = files.resolve(asText(first));
        String display = files.display(path);
        Node content;
        try {
            content = files.load(path).orElse(null);
        } catch (FileContents.Unreadable e) {
            throw failure(at, "cannot use " + display + ": " + e.getMessage(), e.fix());
        }
        if (content == null) {
            return Lookup.missing("file " + display + " does not exist");
        }
        if (address == null || address.isEmpty()) {
            return fromSource(content, false, false, at, variable);
        }
        Node current = content;
        for (String key : address.split("\\.", -1)) {
            if (variablesIn(current, at.host(), null) != null) {
                current = fromSource(current, false, false, at, null).node();
            }
            current = child(current, key);
            if (current == null) {
                return Lookup.missing("there is no value at '" + address + "' in " + display);
            }
        }
        return fromSource(current, false, false, at, variable);
    }

    private Lookup extra(String type, List<Object> params, String address, Variable variable, Context at) {
        VariableSource source = extraSources.get(type);
        List<String> textParams = params.stream().map(VariableResolver::asText).toList();
        Object value;
        boolean secret;
        try {
            value = source.resolve(textParams, address);
            secret = value != null && source.secret(textParams, address);
        } catch (ConfigException e) {
            throw failure(at, "cannot resolve " + variable.raw() + ": " + e.getMessage(), null);
        } catch (Exception e) {
            throw failure(at, "cannot resolve " + variable.raw() + ": the '" + type + "' source failed ("
                    + e.getMessage() + ")", "check the address and your AWS access, or add a fallback: "
                    + variable.withFallback("default"));
        }
        if (value == null) {
            return Lookup.missing("the '" + type + "' source found no value at '" + address + "'");
        }
        return fromSource(toNode(value, at.position()), secret, false, at, variable);
    }

    /** Plain Java values from a source or literal as nodes, all at the variable's position. */
    private Node toNode(Object value, Position position) {
        if (value instanceof Node node) {
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Node> entries = new LinkedHashMap<>();
            map.forEach((k, v) -> entries.put(String.valueOf(k), toNode(v, position)));
            return new MapNode(entries, Map.of(), position);
        }
        if (value instanceof List<?> list) {
            List<Node> items = new ArrayList<>(list.size());
            list.forEach(v -> items.add(toNode(v, position)));
            return new ListNode(items, position);
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double) {
            return new ScalarNode(value, position);
        }
        if (value instanceof Number number) {
            return new ScalarNode(number.doubleValue(), position);
        }
        return new ScalarNode(String.valueOf(value), position);
    }

    // ---- errors ----

    /** Past a work limit: one failure, reported once, that every later step returns at once. */
    private ResolutionFailure overBudget(Position position, PropertyPath path, String message) {
        if (workFailure == null) {
            workFailure = new ResolutionFailure(new Problem(position, path.display(), message,
                    "copy big files or blocks fewer times, or simplify the configuration"), false);
        }
        return workFailure;
    }

    private static ResolutionFailure failure(Context at, String message, String fix) {
        return new ResolutionFailure(new Problem(at.position(), at.host().display(), message, fix), false);
    }

    /** {@code cycleAt} is being resolved and is asked for again: name the chain of values that led here. */
    private ResolutionFailure cycle(PropertyPath cycleAt) {
        List<Frame> chain = new ArrayList<>(frames);
        Collections.reverse(chain);
        int start = chain.size() - 1;
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).path().isWithin(cycleAt)) {
                start = i;
                break;
            }
        }
        if (chain.isEmpty()) {
            return new ResolutionFailure(new Problem(Position.UNKNOWN, cycleAt.display(), "circular reference at '"
                    + cycleAt.display() + "'", "make the value not depend on itself"), false);
        }
        StringBuilder names = new StringBuilder();
        for (int i = start; i < chain.size(); i++) {
            names.append(chain.get(i).path().display()).append(" -> ");
        }
        names.append(cycleAt.isRoot() ? "(the whole configuration)" : cycleAt.display());
        Frame first = chain.get(start);
        String fix = cycleAt.isRoot() ? "name a value instead of the whole configuration, which contains this "
                + "one: ${self:custom.name} rather than ${self:}"
                : "break the cycle: one of these values must not depend on the others";
        return new ResolutionFailure(new Problem(first.position(), first.path().display(), "circular reference: "
                + names, fix), false);
    }

    private void report(List<Failed> failures) {
        Map<ResolutionFailure, List<PropertyPath>> neededAt = new LinkedHashMap<>();
        for (Failed failed : failures) {
            neededAt.computeIfAbsent(failed.failure(), k -> new ArrayList<>()).add(failed.neededAt());
        }
        Set<Problem> problems = new LinkedHashSet<>();
        for (Map.Entry<ResolutionFailure, List<PropertyPath>> e : neededAt.entrySet()) {
            ResolutionFailure failure = e.getKey();
            Problem problem = failure.problem();
            List<PropertyPath> needing = new ArrayList<>();
            for (Iterator<PropertyPath> it = e.getValue().iterator(); it.hasNext(); ) {
                PropertyPath path = it.next();
                if (!(failure.deferred() && LAZY_BLOCKS.contains(path.firstKey()))) {
                    needing.add(path);
                }
            }
            if (needing.isEmpty()) {
                notes.add(problem.position() + ": '" + problem.path() + "' is left unresolved for packaging: "
                        + problem.message() + " (nothing outside 'custom' and 'params' uses it)");
                continue;
            }
            boolean ownPathNeedsIt = needing.stream().anyMatch(p -> p.display().equals(problem.path()));
            if (ownPathNeedsIt) {
                problems.add(problem);
            } else {
                problems.add(new Problem(problem.position(), problem.path(), problem.message() + " (needed at '"
                        + needing.get(0).display() + "')", problem.fix()));
            }
        }
        if (problems.size() > MAX_REPORTED) {
            List<Problem> shown = new ArrayList<>(problems).subList(0, MAX_REPORTED);
            shown.add(new Problem(Position.UNKNOWN, "", (problems.size() - MAX_REPORTED)
                    + " more variables cannot be resolved", "fix the ones above first"));
            throw new ConfigException(shown);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(List.copyOf(problems));
        }
    }
}
