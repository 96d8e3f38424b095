package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import java.util.Map;

/** One {@code AWS::Logs::LogGroup} per function, unless {@code disableLogs}. */
public final class LogGroupCompiler {

    public void compile(CompileContext context) {
        for (FunctionDef function : context.service().functions().values()) {
            if (function.disableLogs()) {
                continue;
            }
            Map<String, Object> properties = Cfn.map("LogGroupName", Naming.logGroupName(function.name()));
            if (function.logRetentionInDays() != null) {
                properties.put("RetentionInDays", function.logRetentionInDays());
            }
            Object protection = function.raw().has("logDataProtectionPolicy")
                    ? function.raw().get("logDataProtectionPolicy").toPlain()
                    : context.service().provider().raw().has("logDataProtectionPolicy")
                            ? context.service().provider().raw().get("logDataProtectionPolicy").toPlain() : null;
            if (protection != null) {
                properties.put("DataProtectionPolicy", protection);
            }
            context.template().addResource(Naming.logGroupLogicalId(function.key()),
                    Cfn.resource("AWS::Logs::LogGroup", properties));
        }
    }
}
