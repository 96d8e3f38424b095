import groovy.json.JsonSlurper
import java.security.MessageDigest
import java.util.zip.ZipFile

def sha = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeBase64().toString() }
File aws = new File(basedir, 'target/package-classifier-aws-1.0-aws.jar')
File thin = new File(basedir, 'target/package-classifier-aws-1.0.jar')
assert aws.isFile() && thin.isFile()
assert new ZipFile(aws).withCloseable { z -> z.getEntry('com/amazonaws/services/lambda/runtime/Context.class') != null }

def template = new JsonSlurper().parse(new File(basedir, 'target/serverless/cloudformation-template-update-stack.json'))
assert template.Resources.HelloLambdaFunction.Properties.Code.S3Key.endsWith('/package-classifier-aws-1.0-aws.jar')
def version = template.Resources.find { it.key.startsWith('HelloLambdaVersion') }.value
assert version.Properties.CodeSha256 == sha(aws)
assert version.Properties.CodeSha256 != sha(thin)
assert !new File(basedir, 'target/serverless/classifier-aws.zip').exists() : 'no zip is built when an artifact is attached'

String log = new File(basedir, 'build.log').text
assert log.contains("Artifact target/package-classifier-aws-1.0-aws.jar for hello: the build attached it with "
        + "classifier 'aws' (the Maven property serverless.classifier)")
return true
