package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.compile.CompileContext;
import io.github.serverlessmaven.compile.EventCompiler;
import io.github.serverlessmaven.compile.FunctionEvent;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import io.github.serverlessmaven.template.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code cognitoUserPool} events on pools this service creates: one {@code CognitoUserPool<Name>} per pool
 * with every trigger in its LambdaConfig, and a Lambda permission per trigger. Existing pools (configured by a
 * v3 custom resource) are not supported yet.
 */
public final class CognitoUserPoolEventCompiler implements EventCompiler {

    private static final Set<String> KEYS = Set.of("pool", "trigger", "existing", "forceDeploy", "kmsKeyId");
    private static final List<String> CUSTOM_SENDERS = List.of("CustomSMSSender", "CustomEmailSender");
    private static final List<String> TRIGGERS = List.of("PreSignUp", "PostConfirmation", "PreAuthentication",
            "PostAuthentication", "PreTokenGeneration", "CustomMessage", "DefineAuthChallenge", "CreateAuthChallenge",
            "VerifyAuthChallengeResponse", "UserMigration", "CustomSMSSender", "CustomEmailSender");
    private static final Pattern POOL_NAME = Pattern.compile("^[\\w\\s+=,.@-]{1,128}$");

    private record Trigger(FunctionDef function, String pool, String trigger, Object kmsKeyId, ConfigReader reader) {}

    @Override
    public String type() {
        return "cognitoUserPool";
    }

    @Override
    public void compile(CompileContext context, List<FunctionEvent> events) {
        Map<String, List<Trigger>> byPool = new LinkedHashMap<>();
        List<Trigger> all = new ArrayList<>();
        for (FunctionEvent event : events) {
            ConfigReader r = EventSupport.reader(event, "a map with 'pool' and 'trigger'", KEYS, context);
            if (r.bool("existing", false)) {
                throw r.error("existing", "cognitoUserPool events on existing user pools are not supported yet "
                        + "(v3 configures them through a Node.js custom resource)", "let this service create the "
                        + "pool (remove existing: true), or set the pool's LambdaConfig in resources");
            }
            String pool = r.string("pool", "add pool: MyUserPool");
            if (!POOL_NAME.matcher(pool).matches()) {
                throw r.error("pool", "invalid user pool name '" + pool + "': expected up to 128 letters, digits, "
                        + "spaces and + = , . @ - _", "use a name like MyUserPool");
            }
            String trigger = r.optEnum("trigger", TRIGGERS).orElseThrow(() -> r.error("trigger",
                    "missing required property 'trigger'", "add trigger: one of " + TRIGGERS));
            Trigger t = new Trigger(event.function(), pool, trigger,
                    EventSupport.stringOrIntrinsic(r, "kmsKeyId", "a KMS key ARN or intrinsic"), r);
            byPool.computeIfAbsent(pool, k -> new ArrayList<>()).add(t);
            all.add(t);
        }
        byPool.forEach((pool, triggers) -> addPool(context, pool, triggers));
        for (Trigger t : all) {
            context.template().addResource(
                    Naming.cognitoUserPoolPermissionLogicalId(t.function().key(), t.pool(), t.trigger()),
                    EventSupport.permission(EventSupport.target(context, t.function()),
                            EventSupport.alias(context, t.function()), "cognito-idp.amazonaws.com",
                            Cfn.getAtt(Naming.cognitoUserPoolLogicalId(t.pool()), "Arn")));
        }
    }

    private static void addPool(CompileContext context, String pool, List<Trigger> triggers) {
        Map<String, Object> lambdaConfig = new LinkedHashMap<>();
        Object kmsKey = null;
        List<Object> dependsOn = new ArrayList<>();
        for (Trigger t : triggers) {
            Object target = EventSupport.target(context, t.function());
            if (CUSTOM_SENDERS.contains(t.trigger())) {
                if (t.kmsKeyId() == null) {
                    throw t.reader().error("kmsKeyId", "a KMS key is required for the " + t.trigger() + " trigger "
                            + "(user pool '" + pool + "')", "add kmsKeyId: <a KMS key ARN>");
                }
                if (kmsKey != null && !Json.compact(kmsKey).equals(Json.compact(t.kmsKeyId()))) {
                    throw t.reader().error("kmsKeyId", "only one KMS key can be configured per user pool ('" + pool
                            + "')", "use the same kmsKeyId on every custom sender trigger of this pool");
                }
                kmsKey = t.kmsKeyId();
                lambdaConfig.put(t.trigger(), Cfn.map("LambdaArn", target, "LambdaVersion", "V1_0"));
                lambdaConfig.put("KMSKeyID", t.kmsKeyId());
            } else {
                lambdaConfig.put(t.trigger(), target);
            }
            String alias = EventSupport.alias(context, t.function());
            dependsOn.add(alias != null ? alias : Naming.functionLogicalId(t.function().key()));
        }
        context.template().addResource(Naming.cognitoUserPoolLogicalId(pool), Cfn.map(
                "Type", "AWS::Cognito::UserPool",
                "Properties", Cfn.map("UserPoolName", pool, "LambdaConfig", lambdaConfig),
                "DependsOn", dependsOn));
    }

}
