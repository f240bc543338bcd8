package dev.cicallback.spring.autoconfigure;

import com.qcloud.cos.auth.BasicCOSCredentials;
import com.qcloud.cos.auth.BasicSessionCredentials;
import com.qcloud.cos.auth.COSCredentials;
import com.qcloud.cos.auth.COSSessionCredentials;
import com.qcloud.cos.auth.COSSigner;
import com.qcloud.cos.http.HttpMethodName;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CI's API reached with the JDK's HTTP client, each request signed by Tencent's own COS signer ({@link COSSigner} of
 * {@code com.qcloud:cos_api}: the {@code Authorization} string over the method, path, {@code Host} and, for temporary
 * credentials, {@code x-cos-security-token}). The SDK's {@code COSClient.describeMediaJob} is not used because it
 * answers with the SDK's own model, and a callback must be compared with CI's record in the contract's model
 * ({@code CallbackReader.readJobResponse}), which needs the answer's bytes; the signature, the part that is easy to get
 * wrong, is the SDK's.
 *
 * <p>Credentials stay in the signer's hands: no message, log line or {@link #toString()} holds the SecretKey or the
 * token.
 */
public final class CosSignedCiApi implements CiApi {

  private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
  /** How long a signature is good for: the request is sent at once. */
  private static final Duration SIGNATURE_LIFETIME = Duration.ofMinutes(5);

  private final URI endpoint;
  private final COSCredentials credentials;
  private final Duration timeout;
  private final HttpClient http;
  private final COSSigner signer = new COSSigner();

  /**
   * Signs with {@code secretId} and {@code secretKey}, and {@code sessionToken} when it is not null or empty
   * (temporary credentials); sends to {@code endpoint} ({@code https://<BucketName-APPID>.ci.<Region>.myqcloud.com}).
   */
  public CosSignedCiApi(URI endpoint, String secretId, String secretKey, String sessionToken, Duration timeout) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    if (endpoint.getHost() == null || !("https".equals(endpoint.getScheme()) || "http".equals(endpoint.getScheme()))) {
      throw new IllegalArgumentException("ci-callback.confirm.endpoint must be an http or https URL such as"
          + " https://examplebucket-1250000000.ci.ap-guangzhou.myqcloud.com, not " + endpoint);
    }
    if (secretId == null || secretId.isBlank() || secretKey == null || secretKey.isBlank()) {
      throw new IllegalArgumentException(
          "ci-callback.confirm.secret-id and ci-callback.confirm.secret-key are required to confirm callbacks");
    }
    this.credentials = sessionToken == null || sessionToken.isBlank()
        ? new BasicCOSCredentials(secretId, secretKey)
        : new BasicSessionCredentials(secretId, secretKey, sessionToken);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
  }

  @Override
  public Optional<byte[]> get(String path) {
    URI uri = endpoint.resolve(path);
    String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    Map<String, String> signed = new LinkedHashMap<>();
    signed.put("Host", host);
    if (credentials instanceof COSSessionCredentials session) {
      signed.put("x-cos-security-token", session.getSessionToken());
    }
    String authorization = signer.buildAuthorizationStr(HttpMethodName.GET, uri.getRawPath(), signed, Map.of(),
        credentials, new Date(System.currentTimeMillis() + SIGNATURE_LIFETIME.toMillis()), true);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(timeout)
        .header("Authorization", authorization).header("Accept", "application/xml");
    signed.forEach((name, value) -> {
      if (!"Host".equals(name)) {
        request.header(name, value);
      }
    });
    HttpResponse<byte[]> answer;
    try {
      answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new ConfirmationUnavailableException("CI's API did not answer within " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      throw new ConfirmationUnavailableException("CI's API cannot be reached at " + endpoint + ": "
          + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfirmationUnavailableException("interrupted while asking CI's API");
    }
    int status = answer.statusCode();
    if (status == 200) {
      return Optional.of(answer.body());
    }
    if (status == 404) {
      return Optional.empty();
    }
    String code = errorCode(answer.body());
    if (status == 401 || status == 403) {
      throw new ConfirmationUnavailableException("CI's API refused the credentials (" + status + code + "): check"
          + " ci-callback.confirm.secret-id, secret-key and the CAM policy (see docs/authenticity.md)");
    }
    if (status == 429) {
      throw new ConfirmationUnavailableException("CI's API limits the rate (429" + code + ")");
    }
    throw new ConfirmationUnavailableException("CI's API answered " + status + code);
  }

  /** {@code " SignatureDoesNotMatch"} from an error body's {@code <Code>}, or nothing. */
  private static String errorCode(byte[] body) {
    Matcher code = ERROR_CODE.matcher(new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8));
    return code.find() ? " " + code.group(1).replaceAll("[^A-Za-z0-9._-]", "") : "";
  }

  @Override
  public String toString() {
    return "CosSignedCiApi[" + endpoint + "]";
  }
}
