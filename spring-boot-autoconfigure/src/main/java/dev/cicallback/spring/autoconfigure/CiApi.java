package dev.cicallback.spring.autoconfigure;

import java.util.Optional;

/**
 * CI's API as {@link CallbackConfirmer} needs it: the answer to one signed {@code GET} on the bucket's CI endpoint.
 * {@link CosSignedCiApi} is the one the starter makes; a service may give its own (a test's stand-in, a proxy).
 */
public interface CiApi {

  /**
   * The body of CI's answer to {@code GET path} when it is 200; empty when it is 404 (no such job or run).
   *
   * @param path the path and nothing else, percent-encoded: {@code /jobs/<JobId>}
   * @throws ConfirmationUnavailableException when CI's API cannot be reached, limits the rate (429), fails (5xx) or
   *     refuses the credentials (401, 403); the message says which, never a credential
   */
  Optional<byte[]> get(String path);
}
