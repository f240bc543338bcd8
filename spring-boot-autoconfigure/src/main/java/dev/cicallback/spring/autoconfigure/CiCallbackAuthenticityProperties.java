package dev.cicallback.spring.autoconfigure;

import dev.cicallback.validator.UrlSecret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code ci-callback.*} properties that decide whether a callback is CI's, since CI signs none: a secret the
 * callback URL must carry ({@code ci-callback.url-secret}) and the confirmation of each callback through CI's own API
 * ({@code ci-callback.confirm.*}). Both are off unless set. Kept apart from {@link CiCallbackProperties} (same prefix),
 * so that neither holds the other's concerns; see docs/authenticity.md.
 */
@ConfigurationProperties(prefix = "ci-callback")
public class CiCallbackAuthenticityProperties {

  /**
   * Secrets of which the callback URL's query must carry one (in {@code url-secret-parameter}); a request without one
   * is answered 404 before its body is read. Two at once while rotating. Empty: no secret required.
   */
  private List<String> urlSecret = new ArrayList<>();

  /** The query parameter that carries the URL secret. */
  private String urlSecretParameter = UrlSecret.DEFAULT_PARAMETER;

  /** Confirming each callback through CI's API before the method is called. */
  private final Confirm confirm = new Confirm();

  /** The URL secret these properties describe, or null when none is set; a bad secret fails by its position. */
  public UrlSecret toUrlSecret() {
    return urlSecret.isEmpty() ? null : UrlSecret.of(urlSecretParameter, urlSecret);
  }

  public List<String> getUrlSecret() {
    return urlSecret;
  }

  public void setUrlSecret(List<String> urlSecret) {
    this.urlSecret = urlSecret == null ? new ArrayList<>() : urlSecret;
  }

  public String getUrlSecretParameter() {
    return urlSecretParameter;
  }

  public void setUrlSecretParameter(String urlSecretParameter) {
    this.urlSecretParameter = urlSecretParameter;
  }

  public Confirm getConfirm() {
    return confirm;
  }

  @Override
  public String toString() {
    return "CiCallbackAuthenticityProperties[url-secret: " + urlSecret.size() + ", confirm: " + confirm + "]";
  }

  /** {@code ci-callback.confirm.*}: CI's API, and the credentials to ask it with. */
  public static class Confirm {

    /**
     * Whether each callback is confirmed through CI's API (DescribeMediaJob, the workflow run, the moderation job)
     * before the method is called: refused with 403 when CI's record differs, 503 when the API cannot be asked.
     */
    private boolean enabled;

    /**
     * CI's API for the bucket, {@code https://<BucketName-APPID>.ci.<Region>.myqcloud.com}; every callback this
     * service receives is confirmed there.
     */
    private URI endpoint;

    /** The SecretId of the credentials (a CAM sub-user's, allowed only the read actions; see docs/authenticity.md). */
    private String secretId;

    /** The SecretKey of the credentials. */
    private String secretKey;

    /** The session token of temporary credentials (STS); empty for a sub-user's permanent keys. */
    private String sessionToken;

    /** How long to wait for CI's API before answering 503. */
    private Duration timeout = Duration.ofSeconds(5);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public URI getEndpoint() {
      return endpoint;
    }

    public void setEndpoint(URI endpoint) {
      this.endpoint = endpoint;
    }

    public String getSecretId() {
      return secretId;
    }

    public void setSecretId(String secretId) {
      this.secretId = secretId;
    }

    public String getSecretKey() {
      return secretKey;
    }

    public void setSecretKey(String secretKey) {
      this.secretKey = secretKey;
    }

    public String getSessionToken() {
      return sessionToken;
    }

    public void setSessionToken(String sessionToken) {
      this.sessionToken = sessionToken;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }

    @Override
    public String toString() {
      return "Confirm[enabled=" + enabled + ", endpoint=" + endpoint + "]"; // never the credentials
    }
  }
}
