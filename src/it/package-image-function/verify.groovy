import groovy.json.JsonSlurper

String digest = '2' * 64
def template = new JsonSlurper().parse(new File(basedir, 'target/serverless/cloudformation-template-update-stack.json'))
def function = template.Resources.OrdersLambdaFunction.Properties
assert function.Code == [ImageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/orders@sha256:' + digest]
assert function.PackageType == 'Image'
assert function.ImageConfig == [Command: ['com.example.Orders::handleRequest']]
assert !function.containsKey('Handler') && !function.containsKey('Runtime')
def version = template.Resources.find { it.key.startsWith('OrdersLambdaVersion') }.value
assert version.Properties.CodeSha256 == digest
// Nothing to upload: no artifact beside the templates.
assert new File(basedir, 'target/serverless').list().findAll { it.endsWith('.jar') || it.endsWith('.zip') }.isEmpty()
assert new File(basedir, 'build.log').text.contains('Packaged image-function for stage dev (us-east-1)')
return true
