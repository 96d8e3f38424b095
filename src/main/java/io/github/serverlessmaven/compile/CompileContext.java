package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.config.Diagnostics;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import io.github.serverlessmaven.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What every compiler shares while one template is built. */
public final class CompileContext {

    private final Service service;
    private final Template template;
    private final Diagnostics diagnostics;
    private final Map<String, Artifact> artifacts;
    private final Map<String, Artifact> layerArtifacts;
    private final String artifactDirectoryName;
    private final List<Object> roleStatements = new ArrayList<>();
    private final List<Object> roleManagedPolicies = new ArrayList<>();
    private final Map<String, List<Object>> functionRoleStatements = new java.util.LinkedHashMap<>();

    /**
     * @param artifacts the artifact each function deploys, by function key
     * @param artifactDirectoryName the S3 folder of this deployment, {@code serverless/<service>/<stage>/<ms>-<iso>}
     */
    public CompileContext(Service service, Template template, Diagnostics diagnostics,
            Map<String, Artifact> artifacts, String artifactDirectoryName) {
        this(service, template, diagnostics, artifacts, Map.of(), artifactDirectoryName);
    }

    /** @param layerArtifacts the zip each top-level layer deploys, by layer key */
    public CompileContext(Service service, Template template, Diagnostics diagnostics,
            Map<String, Artifact> artifacts, Map<String, Artifact> layerArtifacts, String artifactDirectoryName) {
        this.service = service;
        this.layerArtifacts = layerArtifacts;
        this.template = template;
        this.diagnostics = diagnostics;
        this.artifacts = artifacts;
        this.artifactDirectoryName = artifactDirectoryName;
    }

    public Service service() {
        return service;
    }

    public Template template() {
        return template;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public String stage() {
        return service.stage();
    }

    public String region() {
        return service.region();
    }

    public Artifact artifact(String functionKey) {
        return artifacts.get(functionKey);
    }

    public Map<String, Artifact> artifacts() {
        return artifacts;
    }

    /** The artifact of a top-level layer, or null. */
    public Artifact layerArtifact(String layerKey) {
        return layerArtifacts.get(layerKey);
    }

    public String artifactDirectoryName() {
        return artifactDirectoryName;
    }

    public FunctionDef function(String key) {
        return service.functions().get(key);
    }

    /**
     * Adds a statement to the shared execution role (after the log statements and the user's own, as v3 does,
     * wherever the role ends up being written). Ignored when the service uses an existing role.
     */
    public void addRoleStatement(Map<String, Object> statement) {
        roleStatements.add(statement);
    }

    public List<Object> roleStatements() {
        return roleStatements;
    }

    /**
     * Adds a statement that {@code function} needs: to its own role when it has one
     * ({@code iam.role.statements}), else to the shared role as {@link #addRoleStatement(Map)} does.
     */
    public void addRoleStatement(FunctionDef function, Map<String, Object> statement) {
        if (FunctionRoleCompiler.hasOwnRole(function)) {
            functionRoleStatements.computeIfAbsent(function.key(), k -> new ArrayList<>()).add(statement);
        } else {
            addRoleStatement(statement);
        }
    }

    /** The statements added for a function with its own role. */
    public List<Object> roleStatements(String functionKey) {
        return functionRoleStatements.getOrDefault(functionKey, List.of());
    }

    public void addRoleManagedPolicy(Object arn) {
        roleManagedPolicies.add(arn);
    }

    public List<Object> roleManagedPolicies() {
        return roleManagedPolicies;
    }

    /**
     * The ARN that events should invoke: the function, or its alias when provisioned concurrency or SnapStart
     * puts one in front of it (v3 retargets every event to the alias).
     */
    public Object functionInvokeArn(FunctionDef function) {
        String alias = aliasLogicalId(function);
        Object arn = Cfn.getAtt(Naming.functionLogicalId(function.key()), "Arn");
        if (alias == null) {
            return arn;
        }
        return Cfn.join(":", arn, aliasName(function));
    }

    /** The alias logical ID an event resource must depend on, or null when the function has no alias. */
    public String aliasLogicalId(FunctionDef function) {
        if (function.provisionedConcurrency() != null) {
            return Naming.provisionedConcurrencyAliasLogicalId(function.key());
        }
        if (function.snapStart()) {
            return Naming.snapStartAliasLogicalId(function.key());
        }
        return null;
    }

    /** The alias name events target ({@code provisioned} or {@code snapstart}); only meaningful with an alias. */
    public static String aliasName(FunctionDef function) {
        return function.provisionedConcurrency() != null ? "provisioned" : "snapstart";
    }
}
