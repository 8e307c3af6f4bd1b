package org.earlyhelp.browser;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a person in to the portal in Keycloak mode over HTTP, as Chromium does on Keycloak's own
 * page but without drawing it: the portal sends the person to Keycloak, the login form is sent with
 * the person's name and password, and Keycloak sends them back to the portal, which takes the
 * code. What is left is the portal's cookies of a signed-in session, for a browser test about a
 * page after signing in ({@code KeycloakLoginIT} signs in on Keycloak's page itself).
 */
final class KeycloakSignIn {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("^\\s*([^=;\\s]+)=([^;]*)(.*)$");

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Cookies by origin (scheme, host and port), as each server set them; paths do not matter here. */
    private final Map<String, Map<String, String>> cookies = new HashMap<>();

    private KeycloakSignIn() {}

    /** The portal's cookies once {@code username} has signed in through Keycloak. */
    static Map<String, String> portalCookies(String portalBase, String username) {
        KeycloakSignIn person = new KeycloakSignIn();
        try {
            return person.signIn(portalBase, username);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(username + " could not sign in through Keycloak: interrupted", e);
        } catch (Exception e) {
            throw new AssertionError(username + " could not sign in through Keycloak: " + e.getMessage(), e);
        }
    }

    private Map<String, String> signIn(String portalBase, String username) throws Exception {
        HttpResponse<String> loginPage = follow(get(URI.create(portalBase + "/oauth2/authorization/keycloak")));
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        Matcher action = form.find() ? ACTION.matcher(form.group()) : null;
        if (action == null || !action.find()) {
            throw new IllegalStateException(
                    "no login form at " + loginPage.uri() + " (" + loginPage.statusCode() + ")");
        }
        URI target = loginPage.uri().resolve(action.group(1).replace("&amp;", "&"));
        String fields =
                "username=" + encode(username) + "&password=" + encode(KeycloakTestServer.PASSWORD) + "&credentialId=";
        HttpResponse<String> back = follow(send(
                target,
                HttpRequest.newBuilder(target)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(fields))));
        if (back.statusCode() != 200 || !back.uri().toString().startsWith(portalBase)) {
            throw new IllegalStateException(
                    "Keycloak did not send the person back to the portal: " + back.statusCode() + " at " + back.uri());
        }
        return Map.copyOf(cookies.getOrDefault(origin(URI.create(portalBase)), Map.of()));
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return send(uri, HttpRequest.newBuilder(uri).GET());
    }

    /** Follows redirects as a browser does (a redirect after a form is a GET), up to ten. */
    private HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
        for (int redirects = 0; response.statusCode() / 100 == 3; redirects++) {
            if (redirects == 10) {
                throw new IllegalStateException("too many redirects, the last to " + response.uri());
            }
            String location = response.headers()
                    .firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException("a redirect without a Location"));
            response = get(response.uri().resolve(location));
        }
        return response;
    }

    private HttpResponse<String> send(URI uri, HttpRequest.Builder request) throws Exception {
        Map<String, String> jar = cookies.computeIfAbsent(origin(uri), o -> new HashMap<>());
        if (!jar.isEmpty()) {
            request.header(
                    "Cookie",
                    jar.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response =
                http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        keep(jar, response.headers().allValues("Set-Cookie"));
        return response;
    }

    private static void keep(Map<String, String> jar, List<String> setCookies) {
        for (String setCookie : setCookies) {
            Matcher cookie = COOKIE.matcher(setCookie);
            if (!cookie.matches()) {
                continue;
            }
            String attributes = cookie.group(3).toLowerCase(Locale.ROOT);
            if (cookie.group(2).isEmpty() || attributes.contains("max-age=0") || attributes.contains("1970")) {
                jar.remove(cookie.group(1));
            } else {
                jar.put(cookie.group(1), cookie.group(2));
            }
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
