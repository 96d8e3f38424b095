import groovy.json.JsonSlurper
import java.security.MessageDigest
import java.util.zip.ZipFile

File zip = new File(basedir, 'target/serverless/java-handler.zip')
assert zip.isFile() : "the plugin-built zip is missing: $zip"

List<String> names = new ZipFile(zip).withCloseable { z -> z.entries().collect { it.name } }
assert names.contains('com/example/Hello.class') : "handler class not at the zip root: $names"
assert names.any { it ==~ /lib\/aws-lambda-java-core-[^\/]+\.jar/ } : "dependency jar not under lib/: $names"
assert names == names.toSorted() : "entries are not sorted: $names"

String digest = MessageDigest.getInstance('SHA-256').digest(zip.bytes).encodeBase64().toString()
['create', 'update'].each { kind ->
    assert new File(basedir, "target/serverless/cloudformation-template-${kind}-stack.json").isFile()
}
def template = new JsonSlurper().parse(new File(basedir, 'target/serverless/cloudformation-template-update-stack.json'))
def code = template.Resources.HelloLambdaFunction.Properties.Code
assert code.S3Key.endsWith('/java-handler.zip') : code.S3Key
def version = template.Resources.find { it.key.startsWith('HelloLambdaVersion') }.value
assert version.Properties.CodeSha256 == digest

String log = new File(basedir, 'build.log').text
assert log.contains('Artifact target/serverless/java-handler.zip for hello: built from target/classes and 1 runtime dependency jar(s)')
return true
