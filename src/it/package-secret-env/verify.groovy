import groovy.json.JsonSlurper

def secrets = ['tok-Env-Secret-4411', 'gw-Env-Secret-8821']
String log = new File(basedir, 'build.log').text
secrets.each { assert !log.contains(it): "the build log (-X) shows a secret" }
assert log.contains('BUILD SUCCESS')

new File(basedir, 'target').eachFileRecurse { file ->
    if (file.isFile()) {
        String content = new String(file.bytes, 'ISO-8859-1')
        secrets.each { assert !content.contains(it): "${file} holds a secret" }
    }
}
def template = new JsonSlurper().parse(new File(basedir, 'target/serverless/cloudformation-template-update-stack.json'))
def variables = template.Resources.HelloLambdaFunction.Properties.Environment.Variables
assert variables.GREETING == 'plain-hello-1234'
assert variables.API_TOKEN.startsWith('{{serverless-maven:secret:')
assert variables.GATEWAY_URL.startsWith('{{serverless-maven:secret:')
return true
