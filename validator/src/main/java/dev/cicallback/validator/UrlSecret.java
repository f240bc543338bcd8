package dev.cicallback.validator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A secret carried in the callback URL's query string ({@code ?ci-secret=...}), since CI signs none of its callbacks:
 * a request is taken as CI's only when its query holds exactly one {@link #parameter()} whose value is one of the
 * configured secrets. Several secrets are accepted at once, so that a secret is rotated without losing a callback (add
 * the new one, change the URL CI posts to, remove the old one).
 *
 * <p>Values are compared in constant time: each candidate and each secret are hashed with SHA-256 and the digests
 * compared with {@link MessageDigest#isEqual}, every secret every time, so neither the time taken nor an early exit
 * tells how much of a guess was right, or its length. No method, message or {@link #toString()} ever holds a secret;
 * {@link #redact} takes it out of a URL or query before it is logged. Transport-neutral (the JDK server, a servlet
 * filter, a reactive filter all hand it the raw query) and thread-safe.
 */
public final class UrlSecret {

  /** The query parameter that carries the secret unless another is named. */
  public static final String DEFAULT_PARAMETER = "ci-secret";
  /** The fewest characters a secret may have. */
  public static final int MIN_LENGTH = 16;
  /** What {@link #redact} puts in place of a secret. */
  public static final String REDACTED = "REDACTED";

  private final String parameter;
  private final List<byte[]> digests;

  private UrlSecret(String parameter, List<byte[]> digests) {
    this.parameter = parameter;
    this.digests = digests;
  }

  /** The secrets, carried in {@link #DEFAULT_PARAMETER}. */
  public static UrlSecret of(List<String> secrets) {
    return of(DEFAULT_PARAMETER, secrets);
  }

  /**
   * The secrets (at least one, each of at least {@link #MIN_LENGTH} characters without spaces), carried in
   * {@code parameter}; a bad secret is refused by its position, never by its value.
   */
  public static UrlSecret of(String parameter, List<String> secrets) {
    Objects.requireNonNull(secrets, "secrets");
    if (parameter == null || parameter.isBlank() || !parameter.matches("[A-Za-z0-9._~-]+")) {
      throw new IllegalArgumentException("the URL secret's parameter must be a name of letters, digits and . _ ~ -");
    }
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("no URL secret given");
    }
    List<byte[]> digests = new ArrayList<>();
    for (int i = 0; i < secrets.size(); i++) {
      String secret = secrets.get(i);
      String which = "URL secret " + (i + 1) + " of " + secrets.size();
      if (secret == null || secret.length() < MIN_LENGTH) {
        throw new IllegalArgumentException(
            which + " has fewer than " + MIN_LENGTH + " characters (" + (secret == null ? 0 : secret.length()) + ")");
      }
      if (secret.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
        throw new IllegalArgumentException(which + " holds a space or a control character");
      }
      digests.add(digest(secret));
    }
    return new UrlSecret(parameter, List.copyOf(digests));
  }

  /** The query parameter that carries the secret. */
  public String parameter() {
    return parameter;
  }

  /** How many secrets are accepted. */
  public int size() {
    return digests.size();
  }

  /**
   * Whether the raw (still percent-encoded) query string, as it came in the request line, carries one of the secrets:
   * exactly one {@link #parameter()}, its value one of them. Null or empty: no.
   */
  public boolean matchesQuery(String rawQuery) {
    String value = null;
    int found = 0;
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&", -1)) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        if (parameter.equals(name)) {
          found++;
          value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        }
      }
    }
    // Hashed and compared even when nothing was found, so a request without the secret takes as long as one with.
    boolean equal = matches(found == 1 && value != null ? value : "");
    return found == 1 && value != null && equal;
  }

  /** Whether {@code candidate} (decoded) is one of the secrets; every secret is compared, in constant time. */
  public boolean matches(String candidate) {
    byte[] given = digest(candidate == null ? "" : candidate);
    boolean any = false;
    for (byte[] digest : digests) {
      any |= MessageDigest.isEqual(digest, given);
    }
    return any;
  }

  /**
   * {@code uriOrQuery} with the value of every {@link #parameter()}, and every value that is one of the secrets
   * whatever its parameter (a URL set up with a misspelt name), replaced by {@link #REDACTED}: a URL or query fit to
   * log. Null stays null.
   */
  public String redact(String uriOrQuery) {
    return redact(uriOrQuery, parameter, this);
  }

  /** {@code uriOrQuery} with the value of every {@code parameter} replaced by {@link #REDACTED}. */
  public static String redact(String parameter, String uriOrQuery) {
    return redact(uriOrQuery, parameter, null);
  }

  private static String redact(String uriOrQuery, String parameter, UrlSecret secrets) {
    if (uriOrQuery == null) {
      return null;
    }
    int q = uriOrQuery.indexOf('?');
    String head = q < 0 ? "" : uriOrQuery.substring(0, q + 1);
    String query = q < 0 ? uriOrQuery : uriOrQuery.substring(q + 1);
    int hash = query.indexOf('#');
    String fragment = hash < 0 ? "" : query.substring(hash);
    query = hash < 0 ? query : query.substring(0, hash);
    if (q < 0 && !query.contains("=")) {
      return uriOrQuery; // no query at all
    }
    StringBuilder out = new StringBuilder(head);
    String[] pairs = query.split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      String pair = pairs[i];
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      out.append(i == 0 ? "" : "&");
      boolean secret = parameter.equals(decode(name))
          || (secrets != null && eq >= 0 && secrets.matches(decode(pair.substring(eq + 1))));
      out.append(secret ? name + "=" + REDACTED : pair);
    }
    return out.append(fragment).toString();
  }

  @Override
  public String toString() {
    int n = digests.size();
    return "UrlSecret[parameter=" + parameter + ", " + n + (n == 1 ? " secret]" : " secrets]");
  }

  /** Percent-decodes one name or value; a malformed escape is kept as it is (it then matches no secret). */
  private static String decode(String raw) {
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); ) {
      int c = raw.codePointAt(i);
      if (c == '+') {
        out.write(' ');
        i++;
      } else if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
        out.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
        i += 3;
      } else {
        out.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
