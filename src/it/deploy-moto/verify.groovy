import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('Service deployed to stack deploy-moto-dev')
// Goal 2 deploys target/serverless as goal 1 packaged it; goal 3 packages first (and keeps the templates).
def deploys = log.split(/--- serverless:[^ ]+:/).findAll { it.startsWith('deploy ') }
assert deploys.size() == 2
assert !deploys[0].contains('Packaged deploy-moto')
assert deploys[1].contains('Packaged deploy-moto for stage dev')
assert log.contains('No changes to deploy')                           // second deploy, nothing changed
assert log.contains('stack: deploy-moto-dev (UPDATE_COMPLETE)')      // info
assert log.contains('Stack deploy-moto-dev removed')                 // remove

def report = new JsonSlurper().parse(new File(basedir, 'target/serverless/deploy-report.json'))
assert report.result == 'unchanged'                                  // written by the last deploy
assert report.functions[0].arn == 'arn:aws:lambda:us-east-1:123456789012:function:deploy-moto-dev-hello'

// The emulator no longer knows the stack: remove really deleted it.
def describe = new URL(motoEndpoint + '/').openConnection()
describe.requestMethod = 'POST'
describe.doOutput = true
describe.setRequestProperty('Content-Type', 'application/x-www-form-urlencoded')
describe.setRequestProperty('Authorization', 'AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/cloudformation/aws4_request, SignedHeaders=host, Signature=x')
describe.outputStream.withWriter { it << 'Action=DescribeStacks&Version=2010-05-15&StackName=deploy-moto-dev' }
assert describe.responseCode == 400
assert describe.errorStream.text.contains('does not exist')
return true
