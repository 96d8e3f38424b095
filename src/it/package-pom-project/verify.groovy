import groovy.json.JsonSlurper
import java.security.MessageDigest

File artifact = new File(basedir, 'dist/function.jar')
String digest = MessageDigest.getInstance('SHA-256').digest(artifact.bytes).encodeBase64().toString()
def template = new JsonSlurper().parse(new File(basedir, 'target/serverless/cloudformation-template-update-stack.json'))
assert template.Resources.HelloLambdaFunction.Properties.Code.S3Key.endsWith('/function.jar')
def version = template.Resources.find { it.key.startsWith('HelloLambdaVersion') }.value
assert version.Properties.CodeSha256 == digest
assert new File(basedir, 'target/serverless/cloudformation-template-create-stack.json').isFile()
return true
