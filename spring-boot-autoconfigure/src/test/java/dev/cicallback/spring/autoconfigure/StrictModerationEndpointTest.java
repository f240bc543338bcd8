package dev.cicallback.spring.autoconfigure;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link ModerationEndpointTest} in strict mode: a node the contract does not know makes a body invalid. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = ModerationEndpointTest.App.class,
    properties = {"ci-callback.deduplication.enabled=true", "ci-callback.max-bytes=64KB", "ci-callback.mode=strict"})
class StrictModerationEndpointTest extends ModerationEndpointTest {}
