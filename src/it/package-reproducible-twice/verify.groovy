import groovy.json.JsonSlurper
import java.security.MessageDigest
import java.time.Instant
import java.util.zip.ZipFile

def sha = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeBase64().toString() }
def codeSha = { String dir ->
    def template = new JsonSlurper().parse(new File(basedir, "${dir}/serverless/cloudformation-template-update-stack.json"))
    template.Resources.find { it.key.startsWith('HelloLambdaVersion') }.value.Properties.CodeSha256
}

File first = new File(basedir, 'target/serverless/reproducible.zip')
File second = new File(basedir, 'target-second/serverless/reproducible.zip')
assert first.isFile() && second.isFile()
// Two separate builds from clean (the second wrote target-second, which did not exist before it): the classes
// were compiled anew, yet the zips are byte-identical.
assert sha(first) == sha(second)
assert first.bytes == second.bytes
assert codeSha('target') == sha(first)
assert codeSha('target-second') == codeSha('target')

// Every entry carries project.build.outputTimestamp, not the time of the build.
long expected = Instant.parse('2026-11-23T00:00:00Z').toEpochMilli()
new ZipFile(first).withCloseable { z ->
    z.entries().each { e -> assert e.lastModifiedTime.toMillis() == expected : "${e.name}: ${e.lastModifiedTime}" }
}
return true
