package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.Diagnostics;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.model.EventSpec;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.template.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the compilers in v3's order: core (bucket), log groups, role, functions, events, finalize.
 */
public final class TemplateCompiler {

    /** CloudFormation's per-stack limit. */
    public static final int MAX_RESOURCES = 500;

    /**
     * @param nested nested-stack templates by their logical ID in the root stack; empty unless the service
     *     exceeds one stack's limits
     */
    public record Result(Template createStack, Template updateStack, Map<String, Map<String, Object>> nested) {}

    public Result compile(Service service, Map<String, Artifact> artifacts, String artifactDirectoryName,
            Diagnostics diagnostics) {
        return compile(service, artifacts, Map.of(), artifactDirectoryName, diagnostics);
    }

    /** @param layerArtifacts the zip of each top-level layer, by layer key */
    public Result compile(Service service, Map<String, Artifact> artifacts, Map<String, Artifact> layerArtifacts,
            String artifactDirectoryName, Diagnostics diagnostics) {
        CoreTemplateCompiler core = new CoreTemplateCompiler();
        Template createStack = core.compile(service);
        Template update = core.compile(service);
        CompileContext context = new CompileContext(service, update, diagnostics, artifacts, layerArtifacts,
                artifactDirectoryName);

        new LogGroupCompiler().compile(context);
        IamRoleCompiler role = new IamRoleCompiler();
        role.compile(context);
        FunctionRoleCompiler functionRoles = new FunctionRoleCompiler();
        functionRoles.compile(context);
        new LayerCompiler().compile(context);
        new FunctionCompiler().compile(context);
        compileEvents(context);
        role.finish(context);
        functionRoles.finish(context);
        new ResourcesMerger().merge(service, update);
        new ReferenceChecker().check(service, update);

        Map<String, Map<String, Object>> nested = Map.of();
        if (StackSplitter.needsSplit(update.root())) {
            StackSplitter.Split split = new StackSplitter().split(service, update.root(), artifactDirectoryName);
            update.replaceWith(split.root());
            nested = split.nested();
            diagnostics.warn(Position.of(service.configFile()), "",
                    "the service exceeds one CloudFormation stack's limits; its functions were split into "
                            + nested.size() + " nested stacks", null);
        }
        int count = update.resources().size();
        if (count > MAX_RESOURCES) {
            throw new ConfigException(Position.of(service.configFile()), "",
                    "the stack would have " + count + " resources even after moving functions into nested stacks "
                            + "(the root stack keeps what functions share: APIs and their paths, topics and buckets "
                            + "created by events, and resources:); CloudFormation allows " + MAX_RESOURCES
                            + " per stack",
                    "split the service into several services, or move some of the resources under 'resources:' "
                            + "into another stack");
        }
        return new Result(createStack, update, nested);
    }

    /** v3 events without a compiler here: named as such, not "corrected" to the nearest supported name. */
    private static final Set<String> V3_EVENTS_NOT_SUPPORTED = Set.of("cloudFront");

    private void compileEvents(CompileContext context) {
        Map<String, List<FunctionEvent>> byType = new LinkedHashMap<>();
        for (String type : EventCompilers.TYPES) {
            byType.put(type, new ArrayList<>());
        }
        for (FunctionDef function : context.service().functions().values()) {
            Map<String, Integer> counters = new HashMap<>();
            for (EventSpec event : function.events()) {
                List<FunctionEvent> bucket = byType.get(event.type());
                if (bucket == null && V3_EVENTS_NOT_SUPPORTED.contains(event.type())) {
                    throw new ConfigException(event.position(), event.path(), "the '" + event.type()
                            + "' event of the Serverless Framework is not supported by this plugin yet",
                            "declare the event source mapping or trigger under resources.Resources (events this "
                                    + "plugin compiles: " + EventCompilers.TYPES + ")");
                }
                if (bucket == null) {
                    String suggestion = ConfigReader.closest(event.type(), EventCompilers.TYPES);
                    throw new ConfigException(event.position(), event.path(), "unsupported function event '"
                            + event.type() + "'", suggestion != null ? "write '" + suggestion + "'"
                            : "use one of " + EventCompilers.TYPES);
                }
                Integer before = counters.get(event.type());
                int n = before == null ? 1 : before + 1;
                counters.put(event.type(), n);
                bucket.add(new FunctionEvent(function, event, n));
            }
        }
        for (Map.Entry<String, List<FunctionEvent>> type : byType.entrySet()) {
            if (!type.getValue().isEmpty()) {
                EventCompilers.create(type.getKey()).compile(context, type.getValue());
            }
        }
    }
}
