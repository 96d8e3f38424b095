import groovy.json.JsonSlurper
import java.security.MessageDigest
import java.util.zip.ZipFile

File shaded = new File(basedir, 'target/package-shade-original-1.0.jar')
File original = new File(basedir, 'target/original-package-shade-original-1.0.jar')
assert original.isFile() : 'the shade plugin should leave the unshaded jar behind'
List<String> names = new ZipFile(shaded).withCloseable { z -> z.entries().collect { it.name } }
assert names.contains('com/amazonaws/services/lambda/runtime/Context.class') : 'dependency classes are shaded in'

def sha = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeBase64().toString() }
def template = new JsonSlurper().parse(new File(basedir, 'target/serverless/cloudformation-template-update-stack.json'))
assert template.Resources.HelloLambdaFunction.Properties.Code.S3Key.endsWith('/package-shade-original-1.0.jar')
def version = template.Resources.find { it.key.startsWith('HelloLambdaVersion') }.value
assert version.Properties.CodeSha256 == sha(shaded)
assert version.Properties.CodeSha256 != sha(original)

String log = new File(basedir, 'build.log').text
assert log.contains('Artifact target/package-shade-original-1.0.jar for hello: package.artifact is set')
return true
