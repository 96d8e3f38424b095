package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.IamSpec;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared execution role {@code IamRoleLambdaExecution}, as v3's merge-iam-templates writes it: log
 * permissions scoped to this service's log groups, then what events need, then the user's statements.
 */
public final class IamRoleCompiler {

    /** Whether the service needs the generated role at all. */
    public static boolean needsRole(Service service) {
        if (service.functions().isEmpty() || service.provider().iam().existingRole() != null) {
            return false;
        }
        for (FunctionDef f : service.functions().values()) {
            if (f.role() == null && !FunctionRoleCompiler.hasOwnRole(f)) {
                return true;
            }
        }
        return false;
    }

    /** Adds the role with log statements; event statements are appended later by {@link #finish}. */
    public void compile(CompileContext context) {
        Service service = context.service();
        if (!needsRole(service)) {
            return;
        }
        IamSpec iam = service.provider().iam();
        List<Object> logResources = new ArrayList<>();
        List<Object> putResources = new ArrayList<>();
        String prefix = service.name() + "-" + service.stage();
        boolean canonical = false;
        List<String> disabledCanonical = new ArrayList<>();
        for (FunctionDef f : service.functions().values()) {
            if (f.name().startsWith(prefix)) {
                if (f.disableLogs()) {
                    disabledCanonical.add(f.name());
                } else {
                    canonical = true;
                }
                continue;
            }
            if (!f.disableLogs()) {
                logResources.add(logArn(Naming.logGroupName(f.name()) + ":*"));
                putResources.add(logArn(Naming.logGroupName(f.name()) + ":*:*"));
            }
        }
        List<Object> statements = new ArrayList<>();
        statements.add(Cfn.map("Effect", "Allow", "Action", Cfn.list("logs:CreateLogStream", "logs:CreateLogGroup",
                "logs:TagResource"), "Resource", logResources));
        statements.add(Cfn.map("Effect", "Allow", "Action", Cfn.list("logs:PutLogEvents"), "Resource", putResources));
        if (canonical) {
            logResources.add(logArn(Naming.logGroupName(prefix) + "*:*"));
            putResources.add(logArn(Naming.logGroupName(prefix) + "*:*:*"));
            if (!disabledCanonical.isEmpty()) {
                List<Object> denied = new ArrayList<>();
                for (String name : disabledCanonical) {
                    denied.add(logArn(Naming.logGroupName(name) + ":*"));
                }
                statements.add(Cfn.map("Effect", "Deny", "Action", "logs:PutLogEvents", "Resource", denied));
            }
        }
        Map<String, Object> properties = Cfn.map(
                "AssumeRolePolicyDocument", Cfn.map("Version", "2012-10-17", "Statement", Cfn.list(Cfn.map(
                        "Effect", "Allow",
                        "Principal", Cfn.map("Service", Cfn.list("lambda.amazonaws.com")),
                        "Action", Cfn.list("sts:AssumeRole")))),
                "Policies", Cfn.list(Cfn.map(
                        "PolicyName", Cfn.join("-", service.name(), service.stage(), "lambda"),
                        "PolicyDocument", Cfn.map("Version", "2012-10-17", "Statement", statements))),
                "Path", iam.rolePath() != null ? iam.rolePath() : "/",
                "RoleName", iam.roleName() != null ? iam.roleName()
                        : Cfn.join("-", service.name(), service.stage(), Cfn.ref("AWS::Region"), "lambdaRole"));
        if (iam.roleTags() instanceof Map<?, ?> tags) {
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) tags;
            properties.put("Tags", TagLists.of(t));
        }
        if (iam.permissionsBoundary() != null) {
            properties.put("PermissionsBoundary", iam.permissionsBoundary());
        }
        context.template().addResource(Naming.roleLogicalId(), Cfn.resource("AWS::IAM::Role", properties));
    }

    /** Appends event statements, the user's statements and managed policies, once every compiler has run. */
    @SuppressWarnings("unchecked")
    public void finish(CompileContext context) {
        Map<String, Object> role = context.template().resource(Naming.roleLogicalId());
        if (role == null) {
            return;
        }
        Service service = context.service();
        Map<String, Object> properties = (Map<String, Object>) role.get("Properties");
        Map<String, Object> policy = (Map<String, Object>) ((List<Object>) properties.get("Policies")).get(0);
        List<Object> statements = (List<Object>) ((Map<String, Object>) policy.get("PolicyDocument")).get("Statement");
        // v3 merges the user's statements at setupProviderConfiguration, before any event compiler runs.
        statements.addAll(service.provider().iam().statements());
        for (Object statement : context.roleStatements()) {
            if (!statements.contains(statement)) {
                statements.add(statement);
            }
        }
        List<Object> managed = new ArrayList<>(service.provider().iam().managedPolicies());
        managed.addAll(context.roleManagedPolicies());
        boolean vpc = service.provider().vpc() != null;
        for (FunctionDef f : service.functions().values()) {
            vpc |= f.raw().has("vpc");
        }
        if (vpc) {
            managed.add(Cfn.arnJoin(":iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"));
        }
        if (!managed.isEmpty()) {
            properties.put("ManagedPolicyArns", managed);
        }
    }

    private static Object logArn(String logGroup) {
        return Cfn.sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:" + logGroup);
    }
}
