String log = new File(basedir, 'build.log').text
assert log.contains("serverless.yml:7:17: at 'functions.hello.memorySize': expected an integer from 128 to 10240 but found a string 'lots'")
assert !log.contains('at io.github') : 'a user mistake must not print a stack trace'
assert !log.contains('ConfigException') && !log.contains('NullPointerException') : 'no exception class names for a user mistake'
return true
