package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.IamSpec;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Least privilege per function: a function with {@code iam.role.statements} gets its own role
 * {@code <Fn>IamRoleLambdaExecution} holding the log permissions for its own log group, its own statements and
 * what its settings need (through {@link CompileContext#addRoleStatement(FunctionDef, Map)}), and nothing of the
 * shared role. Event compilers route what an event needs here too (queues, streams, websocket connections, the
 * EventBridge Scheduler's trust and invoke permission). v3 needs the serverless-iam-roles-per-function plugin for
 * this; the shared role is unchanged for the functions that stay on it.
 */
public final class FunctionRoleCompiler {

    /** Whether the function has its own generated role (statements of its own, no {@code role}). */
    public static boolean hasOwnRole(FunctionDef f) {
        return statementsNode(f) != null;
    }

    public void compile(CompileContext context) {
        Service service = context.service();
        for (FunctionDef f : service.functions().values()) {
            ConfigReader role = statementsNode(f);
            if (role == null) {
                continue;
            }
            role.checkKnownKeys(Set.of("statements"), context.diagnostics());
            List<Object> statements = new ArrayList<>();
            statements.add(Cfn.map("Effect", "Allow", "Action", Cfn.list("logs:CreateLogStream",
                    "logs:CreateLogGroup", "logs:TagResource"), "Resource", Cfn.list(logArn(f, ":*"))));
            statements.add(Cfn.map("Effect", "Allow", "Action", Cfn.list("logs:PutLogEvents"),
                    "Resource", Cfn.list(logArn(f, ":*:*"))));
            List<Node> items = role.list("statements");
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof MapNode)) {
                    throw ConfigReader.typeError(items.get(i), role.childPath("statements") + "[" + i + "]",
                            "an IAM statement (a map with Effect, Action and Resource)");
                }
                statements.add(items.get(i).toPlain());
            }
            IamSpec iam = service.provider().iam();
            Map<String, Object> properties = Cfn.map(
                    "AssumeRolePolicyDocument", Cfn.map("Version", "2012-10-17", "Statement", Cfn.list(Cfn.map(
                            "Effect", "Allow",
                            "Principal", Cfn.map("Service", Cfn.list("lambda.amazonaws.com")),
                            "Action", Cfn.list("sts:AssumeRole")))),
                    "Policies", Cfn.list(Cfn.map(
                            "PolicyName", Cfn.join("-", service.name(), service.stage(), f.key(), "lambda"),
                            "PolicyDocument", Cfn.map("Version", "2012-10-17", "Statement", statements))),
                    "Path", iam.rolePath() != null ? iam.rolePath() : "/");
            if (iam.permissionsBoundary() != null) {
                properties.put("PermissionsBoundary", iam.permissionsBoundary());
            }
            context.template().addResource(Naming.functionRoleLogicalId(f.key()),
                    Cfn.resource("AWS::IAM::Role", properties));
        }
    }

    /** Appends what the function's settings asked for, once every compiler has run. */
    @SuppressWarnings("unchecked")
    public void finish(CompileContext context) {
        for (FunctionDef f : context.service().functions().values()) {
            Map<String, Object> role = context.template().resource(Naming.functionRoleLogicalId(f.key()));
            if (role == null) {
                continue;
            }
            Map<String, Object> properties = (Map<String, Object>) role.get("Properties");
            Map<String, Object> policy = (Map<String, Object>) ((List<Object>) properties.get("Policies")).get(0);
            List<Object> statements = (List<Object>) ((Map<String, Object>) policy.get("PolicyDocument"))
                    .get("Statement");
            for (Object statement : context.roleStatements(f.key())) {
                if (!statements.contains(statement)) {
                    statements.add(statement);
                }
            }
            if (f.raw().has("vpc") || context.service().provider().vpc() != null) {
                properties.put("ManagedPolicyArns", Cfn.list(
                        Cfn.arnJoin(":iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole")));
            }
        }
    }

    /** {@code functions.<f>.iam.role} when it has statements and the function names no role of its own. */
    private static ConfigReader statementsNode(FunctionDef f) {
        if (f.raw() == null || !f.raw().has("iam")) {
            return null;
        }
        ConfigReader function = new ConfigReader(f.raw(), f.path());
        ConfigReader iam = function.optMap("iam").orElseThrow();
        ConfigReader role = iam.optMap("role").orElse(null);
        if (role == null || !role.has("statements")) {
            return null;
        }
        if (f.role() != null) {
            throw function.error("role", "a function with role cannot also have iam.role.statements",
                    "remove one of them: role uses an existing role, iam.role.statements gives the function a role of "
                            + "its own");
        }
        return role;
    }

    private static Object logArn(FunctionDef f, String suffix) {
        return Cfn.sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:"
                + Naming.logGroupName(f.name()) + suffix);
    }
}
