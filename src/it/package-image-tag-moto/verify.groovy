import groovy.json.JsonSlurper

String digest = new File(basedir, 'pushed-digest.txt').text.trim()
String log = new File(basedir, 'build.log').text
assert log.contains('Image of function orders: team/orders:v1 is sha256:' + digest)
def template = new JsonSlurper().parse(new File(basedir, 'target/serverless/cloudformation-template-update-stack.json'))
def function = template.Resources.OrdersLambdaFunction.Properties
assert function.Code == [ImageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/orders@sha256:' + digest]
def version = template.Resources.find { it.key.startsWith('OrdersLambdaVersion') }.value
assert version.Properties.CodeSha256 == digest
return true
