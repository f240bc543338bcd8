// The build failed because of the invalid payload: the log names the file, the place and the problem, and the JSON
// report file is written all the same.
def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] \S*callbacks[\/\\]invalid-volume-above-10\.xml:43:17: error: Volume: "11" is not allowed; expected an integer from -10 to 10\./
assert log.contains('[INFO] 1 valid, 1 invalid')
assert log.contains('ci-callback: invalid callback payloads (the problems are listed above)')
assert log.contains('BUILD FAILURE')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/ci-callback-report.json'))
assert report.validCount == 1
assert report.invalidCount == 1
