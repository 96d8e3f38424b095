import groovy.json.JsonSlurper
import java.security.MessageDigest

File jar = new File(basedir, 'target/package-explicit-artifact-1.0.jar')
assert jar.isFile()
String digest = MessageDigest.getInstance('SHA-256').digest(jar.bytes).encodeBase64().toString()

def template = new JsonSlurper().parse(new File(basedir, 'target/serverless/cloudformation-template-update-stack.json'))
assert template.Resources.UpperLambdaFunction.Properties.Code.S3Key.endsWith('/package-explicit-artifact-1.0.jar')
def version = template.Resources.find { it.key.startsWith('UpperLambdaVersion') }.value
assert version.Properties.CodeSha256 == digest
assert !new File(basedir, 'target/serverless/explicit-artifact.zip').exists() : 'no zip is built when an artifact is given'

String log = new File(basedir, 'build.log').text
assert log.contains('Artifact target/package-explicit-artifact-1.0.jar for upper: package.artifact is set at serverless.yml:5:13')
return true
