String log = new File(basedir, 'build.log').text
assert log.contains('Artifact dist/app.zip for hello: package.artifact is set'): 'the first run should use dist/app.zip'
assert log =~ /Packaged dependencies-on-demand for stage dev \(us-east-1\): \d+ resources/:
        'the first run should package without resolving the dependencies'
assert new File(basedir, 'target/serverless/cloudformation-template-update-stack.json').isFile()
assert log.contains("pom.xml: at 'dependencies': the project's dependencies could not be resolved"):
        'the second run should fail with the plugin message'
assert log.contains('it.serverlessmaven.missing:not-there'): 'the message should name the dependency'
assert log.contains("perhaps you should run 'mvn dependency:tree'")
assert !(log =~ /NullPointerException|\tat io\.github\.serverlessmaven/): 'no stack trace'
return true
