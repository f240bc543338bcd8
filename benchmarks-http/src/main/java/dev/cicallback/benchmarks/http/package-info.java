/** The HTTP endpoint benchmark's service: the starter's endpoint beside a bare one (benchmarks/endpoint.sh). */
package dev.cicallback.benchmarks.http;
