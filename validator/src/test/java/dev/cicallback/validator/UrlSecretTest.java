package dev.cicallback.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UrlSecretTest {

  private static final String OLD = "old-secret-0123456789abcdef";
  private static final String NEW = "new+secret/0123456789=ABCDEF";
  private static final UrlSecret SECRETS = UrlSecret.of(List.of(OLD, NEW));

  @Test
  void eitherSecretOfARotationIsAccepted() {
    assertTrue(SECRETS.matchesQuery("ci-secret=" + OLD));
    assertTrue(SECRETS.matchesQuery("a=1&ci-secret=new%2Bsecret%2F0123456789%3DABCDEF&b=2"));
    assertTrue(SECRETS.matches(NEW));
  }

  @Test
  void aMissingWrongRepeatedOrPrefixedSecretIsRefused() {
    assertFalse(SECRETS.matchesQuery(null));
    assertFalse(SECRETS.matchesQuery(""));
    assertFalse(SECRETS.matchesQuery("a=1"));
    assertFalse(SECRETS.matchesQuery("ci-secret"));
    assertFalse(SECRETS.matchesQuery("ci-secret="));
    assertFalse(SECRETS.matchesQuery("ci-secret=" + OLD.substring(0, OLD.length() - 1)));
    assertFalse(SECRETS.matchesQuery("ci-secret=" + OLD + "x"));
    // '+' in a query is a space: the secret with '+' must be sent percent-encoded
    assertFalse(SECRETS.matchesQuery("ci-secret=" + NEW));
    assertFalse(SECRETS.matchesQuery("ci-secret=" + OLD + "&ci-secret=" + OLD));
    assertFalse(SECRETS.matchesQuery("ci-secret=wrong&ci-secret=" + OLD));
    assertFalse(SECRETS.matchesQuery("other=" + OLD));
    assertFalse(SECRETS.matchesQuery("ci-secret=%zz" + OLD));
  }

  @Test
  void anotherParameterCarriesIt() {
    UrlSecret token = UrlSecret.of("token", List.of(OLD));
    assertTrue(token.matchesQuery("token=" + OLD));
    assertFalse(token.matchesQuery("ci-secret=" + OLD));
    assertEquals("token", token.parameter());
  }

  @Test
  void badSecretsAreRefusedByPositionNeverByValue() {
    String tooShort = "short-secret";
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> UrlSecret.of(List.of(OLD, tooShort)));
    assertEquals("URL secret 2 of 2 has fewer than 16 characters (12)", e.getMessage());
    String spaced = "with a space in the middle";
    e = assertThrows(IllegalArgumentException.class, () -> UrlSecret.of(List.of(spaced)));
    assertFalse(e.getMessage().contains(spaced));
    assertThrows(IllegalArgumentException.class, () -> UrlSecret.of(List.of()));
    assertThrows(IllegalArgumentException.class, () -> UrlSecret.of("a b", List.of(OLD)));
    assertThrows(IllegalArgumentException.class, () -> UrlSecret.of(Arrays.asList(OLD, null)));
  }

  @Test
  void neitherToStringNorRedactedUrlsHoldTheSecret() {
    assertEquals("UrlSecret[parameter=ci-secret, 2 secrets]", SECRETS.toString());
    assertEquals(
        "https://example.com/cb?a=1&ci-secret=REDACTED&b=2#x",
        SECRETS.redact("https://example.com/cb?a=1&ci-secret=" + OLD + "&b=2#x"));
    assertEquals("ci-secret=REDACTED", SECRETS.redact("ci-secret=" + OLD));
    assertEquals("ci%2Dsecret=REDACTED", SECRETS.redact("ci%2Dsecret=" + OLD));
    assertEquals("https://example.com/cb", SECRETS.redact("https://example.com/cb"));
    assertEquals("secret=REDACTED&a=1", SECRETS.redact("secret=" + OLD + "&a=1"));
    assertEquals("ci-secret=REDACTED", UrlSecret.redact("ci-secret", "ci-secret=" + OLD));
    assertEquals("secret=" + OLD, UrlSecret.redact("ci-secret", "secret=" + OLD));
    assertEquals(null, SECRETS.redact(null));
  }
}
