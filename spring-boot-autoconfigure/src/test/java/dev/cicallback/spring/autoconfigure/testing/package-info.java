/**
 * Real servers for the tests of the shared de-duplication stores, started on free loopback ports in temporary folders
 * and stopped when the test run ends: PostgreSQL, MariaDB and redis-server from Debian's packages
 * ({@code bin/install-test-tools} installs them when missing). Packaged as the test-jar, for the example service's
 * tests.
 */
package dev.cicallback.spring.autoconfigure.testing;
