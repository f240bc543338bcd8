// The build passed; the log has the text report and the JUnit report file has one passing testcase per payload.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] 2 valid, 0 invalid')
assert log.contains('ci-callback: junit report written to')

def report = new File(basedir, 'target/ci-callback-report.xml')
assert report.isFile()
def suites = new groovy.xml.XmlSlurper().parse(report)
assert suites.name() == 'testsuites'
def suite = suites.testsuite
assert suite.@tests.text() == '2'
assert suite.@failures.text() == '0'
def names = suite.testcase.collect { it.@name.text() }
assert names.any { it.endsWith('valid-seed-workflow.xml') }
assert names.any { it.endsWith('valid-animation-inline-parameters.json') }
