String log = new File(basedir, 'build.log').text
assert !new File(basedir, 'serverless.yml').exists()
assert log.contains('Packaged pom-model-moto for stage dev')
assert log.contains('Service deployed to stack pom-model-moto-dev')
assert log.contains('stack: pom-model-moto-dev')                    // info
assert log.contains('Stack pom-model-moto-dev removed')             // remove
assert !log.contains('serverless.yml not found') && !log.contains('no serverless.yml')

// What was deployed came from the POM: the function has the POM's memory size.
def template = new groovy.json.JsonSlurper().parse(
        new File(basedir, 'target/serverless/cloudformation-template-update-stack.json'))
assert template.Resources.HelloLambdaFunction.Properties.MemorySize == 512
return true
