String log = new File(basedir, 'build.log').text
assert log.contains('Service deployed to stack everyday-moto-dev')
assert log.contains('Function hello deployed (CodeSha256 ')                   // deploy-function
assert log.contains('now drifts from CloudFormation')
assert log.contains('No log events in /aws/lambda/everyday-moto-dev-hello since ')  // logs, before any invoke
assert log.contains('Event accepted by function hello')                      // invoke, asynchronous
assert log.contains('Function hello failed (Handled): error running docker')  // invoke, function error
assert log =~ /hello\s+0\s+0\s+0\s+-\s+-/                                    // metrics: nothing recorded
assert log.contains('Deployments of everyday-moto-dev')                      // rollback listing
assert log =~ /\d{13}  \d{4}-\d{2}-\d{2}T/
assert log.contains('Stack everyday-moto-dev removed')                       // remove
return true
