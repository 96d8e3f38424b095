import groovy.json.JsonOutput
import groovy.json.JsonSlurper

// Fails (never skips) without the emulator; pushes team/orders:v1 to its ECR and keeps the digest it got.
assert motoEndpoint?.trim() : 'This IT needs the moto emulator: run scripts/test (it passes -Dmoto.endpoint)'

def ecr(String action, Map body) {
    def call = new URL(motoEndpoint + '/').openConnection()
    call.requestMethod = 'POST'
    call.doOutput = true
    call.setRequestProperty('Content-Type', 'application/x-amz-json-1.1')
    call.setRequestProperty('X-Amz-Target', 'AmazonEC2ContainerRegistry_V20150921.' + action)
    call.setRequestProperty('Authorization', 'AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/ecr/aws4_request, SignedHeaders=host, Signature=x')
    call.outputStream.withWriter { it << JsonOutput.toJson(body) }
    assert call.responseCode == 200 : action + ': ' + call.errorStream?.text
    return new JsonSlurper().parse(call.inputStream)
}

ecr('CreateRepository', [repositoryName: 'team/orders'])
String manifest = JsonOutput.toJson([schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        config: [mediaType: 'application/vnd.docker.container.image.v1+json', size: 7023,
                 digest: 'sha256:' + ('c' * 64)], layers: []])
def pushed = ecr('PutImage', [repositoryName: 'team/orders', imageManifest: manifest, imageTag: 'v1'])
String digest = pushed.image.imageId.imageDigest
assert digest.startsWith('sha256:')
new File(basedir, 'pushed-digest.txt').text = digest.substring('sha256:'.length())
return true
