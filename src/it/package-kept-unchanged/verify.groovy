import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
def compiled = (log =~ /Packaged kept-unchanged for stage \w+ \(us-east-1\): \d+ resources/).count
def kept = (log =~ /Packaged kept-unchanged for stage dev \(us-east-1\): configuration and artifacts unchanged since the last package, templates kept/).count
assert compiled == 2: "expected the first and the third run to compile, found ${compiled} compilations"
assert kept == 1: "expected the second run to keep the templates, found ${kept}"

def state = new JsonSlurper().parse(new File(basedir, 'target/serverless/serverless-state.json'))
assert state.stage == 'prod'
def template = new File(basedir, 'target/serverless/cloudformation-template-update-stack.json').text
assert template.contains('kept-unchanged-prod-upper')
return true
