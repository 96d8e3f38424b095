package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.model.DeploymentBucketSpec;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import io.github.serverlessmaven.template.Template;
import java.util.List;
import java.util.Map;

/**
 * The deployment bucket stack ({@code cloudformation-template-create-stack.json}) and the same resources at
 * the head of the full template: an encrypted bucket with a TLS-only policy, as v3's core template.
 */
public final class CoreTemplateCompiler {

    public static final String DESCRIPTION = "The AWS CloudFormation template for this Serverless application";

    public Template compile(Service service) {
        Template template = new Template(DESCRIPTION);
        DeploymentBucketSpec bucket = service.provider().deploymentBucket();
        if (bucket.name() != null) {
            template.addOutput(Naming.deploymentBucketOutputKey(), Cfn.map("Value", bucket.name()));
            return template;
        }
        Map<String, Object> properties = Cfn.map("BucketEncryption", Cfn.map("ServerSideEncryptionConfiguration",
                Cfn.list(Cfn.map("ServerSideEncryptionByDefault", Cfn.map("SSEAlgorithm", "AES256")))));
        if (bucket.blockPublicAccess()) {
            properties.put("PublicAccessBlockConfiguration", Cfn.map("BlockPublicAcls", true, "BlockPublicPolicy",
                    true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
        }
        if (bucket.versioning()) {
            properties.put("VersioningConfiguration", Cfn.map("Status", "Enabled"));
        }
        if (!bucket.tags().isEmpty()) {
            properties.put("Tags", TagLists.of(bucket.tags()));
        }
        String bucketId = Naming.deploymentBucketLogicalId();
        template.addResource(bucketId, Cfn.resource("AWS::S3::Bucket", properties));
        if (!bucket.skipPolicySetup()) {
            Object objects = Cfn.arnJoin(":s3:::", Cfn.ref(bucketId), "/*");
            Object whole = Cfn.arnJoin(":s3:::", Cfn.ref(bucketId));
            Map<String, Object> statement = Cfn.map("Action", "s3:*", "Effect", "Deny", "Principal", "*",
                    "Resource", List.of(objects, whole),
                    "Condition", Cfn.map("Bool", Cfn.map("aws:SecureTransport", false)));
            template.addResource(Naming.deploymentBucketPolicyLogicalId(), Cfn.resource("AWS::S3::BucketPolicy",
                    Cfn.map("Bucket", Cfn.ref(bucketId), "PolicyDocument", Cfn.map("Statement", Cfn.list(statement)))));
        }
        template.addOutput(Naming.deploymentBucketOutputKey(), Cfn.map("Value", Cfn.ref(bucketId)));
        return template;
    }
}
