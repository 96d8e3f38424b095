import groovy.json.JsonSlurper
import java.security.MessageDigest

def sha = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeBase64().toString() }
String log = new File(basedir, 'build.log').text

def template = new JsonSlurper().parse(new File(basedir, 'service/target/serverless/cloudformation-template-update-stack.json'))
def version = { String prefix -> template.Resources.find { it.key.startsWith(prefix) }.value.Properties }
assert template.Resources.OrdersLambdaFunction.Properties.Code.S3Key.endsWith('/orders-function-1.0.jar')
assert template.Resources.BillingLambdaFunction.Properties.Code.S3Key.endsWith('/billing-function-1.0-aws.jar')
// The installed copies are the files built in step 1.
assert version('OrdersLambdaVersion').CodeSha256 == sha(new File(basedir, 'orders-function/target/orders-function-1.0.jar'))
assert version('BillingLambdaVersion').CodeSha256 == sha(new File(basedir, 'billing-function/target/billing-function-1.0-aws.jar'))

assert log.contains("for orders: functions.orders.package.module is 'it.serverlessmaven.reactorrepo:orders-function': "
        + "the dependency it.serverlessmaven.reactorrepo:orders-function:jar:1.0 (provided scope)")
assert log.contains("for billing: functions.billing.package.module is 'it.serverlessmaven.reactorrepo:billing-function:aws': "
        + "the dependency it.serverlessmaven.reactorrepo:billing-function:jar:aws:1.0 (provided scope)")
assert log =~ /Artifact \S*local-repo\S*orders-function-1\.0\.jar for orders/
return true
