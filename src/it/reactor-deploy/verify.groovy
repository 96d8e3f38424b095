import groovy.json.JsonSlurper
import java.security.MessageDigest

def sha = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeBase64().toString() }
String log = new File(basedir, 'build.log').text
assert log.contains('Service deployed to stack shop-qa')

// Each deployed function runs the code of its own module: the emulator's CodeSha256 is that jar's digest.
def lambda = { String function ->
    def get = new URL(motoEndpoint + '/2015-03-31/functions/' + function).openConnection()
    get.setRequestProperty('Authorization', 'AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=x')
    assert get.responseCode == 200 : "$function is not deployed"
    new JsonSlurper().parse(get.inputStream).Configuration
}
File orders = new File(basedir, 'orders-function/target/orders-function-1.0.jar')
File billing = new File(basedir, 'billing-function/target/billing-function-1.0-aws.jar')
def ordersFn = lambda('shop-qa-orders')
def billingFn = lambda('shop-qa-billing')
assert ordersFn.CodeSha256 == sha(orders)
assert billingFn.CodeSha256 == sha(billing)
assert ordersFn.Handler == 'com.example.orders.Handler::handleRequest'
assert billingFn.Handler == 'com.example.billing.Handler::handleRequest'
return true
