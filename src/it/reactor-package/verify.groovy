import groovy.json.JsonSlurper
import java.security.MessageDigest
import java.util.zip.ZipFile

def sha = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeBase64().toString() }
def entries = { File f -> new ZipFile(f).withCloseable { z -> z.entries().collect { it.name } } }
String log = new File(basedir, 'build.log').text

File orders = new File(basedir, 'orders-function/target/orders-function-1.0.jar')
File ordersOriginal = new File(basedir, 'orders-function/target/original-orders-function-1.0.jar')
File billing = new File(basedir, 'billing-function/target/billing-function-1.0-aws.jar')
File billingThin = new File(basedir, 'billing-function/target/billing-function-1.0.jar')
[orders, ordersOriginal, billing, billingThin].each { assert it.isFile() : "missing $it" }

// Each deployable carries the shared library and its own handler (shaded in).
[orders: orders, billing: billing].each { name, jar ->
    List<String> names = entries(jar)
    assert names.contains('com/example/shared/Greeting.class') : "$jar lacks the shared library: $names"
    assert names.contains("com/example/${name}/Handler.class".toString()) : "$jar lacks its handler"
}
assert !entries(billingThin).contains('com/example/shared/Greeting.class')

def template = new JsonSlurper().parse(new File(basedir, 'service/target/serverless/cloudformation-template-update-stack.json'))
def version = { String prefix -> template.Resources.find { it.key.startsWith(prefix) }.value.Properties }
def ordersFn = template.Resources.OrdersLambdaFunction.Properties
def billingFn = template.Resources.BillingLambdaFunction.Properties
assert ordersFn.Code.S3Key.endsWith('/orders-function-1.0.jar') : ordersFn.Code.S3Key
assert billingFn.Code.S3Key.endsWith('/billing-function-1.0-aws.jar') : billingFn.Code.S3Key
assert version('OrdersLambdaVersion').CodeSha256 == sha(orders)
assert version('OrdersLambdaVersion').CodeSha256 != sha(ordersOriginal)
assert version('BillingLambdaVersion').CodeSha256 == sha(billing)

// -Dserverless.stage=qa wins over <stage>prod</stage> in the POM, which would win over provider.stage.
assert ordersFn.FunctionName == 'shop-qa-orders' : ordersFn.FunctionName

assert log.contains("Artifact ../orders-function/target/orders-function-1.0.jar for orders: "
        + "functions.orders.package.module is 'it.serverlessmaven.reactor:orders-function': the file the reactor "
        + "module orders-function packaged in this build")
assert log.contains("Artifact ../billing-function/target/billing-function-1.0-aws.jar for billing: "
        + "functions.billing.package.module is 'it.serverlessmaven.reactor:billing-function:aws': the file the "
        + "reactor module billing-function attached with classifier 'aws' in this build")
assert log.contains("Skipping serverless:package: packaging is 'pom' and there is no serverless.yml in ${basedir.canonicalPath}")
assert !new File(basedir, 'target/serverless').exists()
return true
