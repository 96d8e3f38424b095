String log = new File(basedir, 'build.log').text
List<String> lines = log.readLines().findAll { it.contains('Skipping serverless:') || it.contains('Packaged skip-precedence') }
assert lines.size() == 3 : lines.join('\n')
assert lines[0].endsWith('Skipping serverless:package because -Dserverless.package.skip is true')
assert lines[1].contains('Packaged skip-precedence for stage dev (us-east-1): ')
assert lines[2].endsWith('Skipping serverless:package because serverless.skip (POM <skip> or property) is true')
assert new File(basedir, 'target/serverless/skip-precedence.zip').isFile()
return true
