package vn.tthc.monitor.kpi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.testing.ExampleFiles;
import vn.tthc.monitor.kpi.testing.RunningService;
import vn.tthc.monitor.testing.TestDirectories;

/**
 * Sign-in through a real OpenID Connect provider (mock-oauth2-server: discovery, authorization code, ID tokens signed
 * with its JWKS), the whole redirect flow as a browser follows it: a user the user file lists (without a password)
 * gets its role and unit; one the file does not list is refused whatever the provider says; the file's provider-only
 * user cannot sign in with any password.
 */
class OidcSignInIT {

    private static final String CLIENT_ID = "tthc-monitor";
    private static MockOAuth2Server provider;
    private static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start();
        final Path users = Files.writeString(TestDirectories.fresh("users").resolve("users.yaml"), """
            users:
              - {username: truong.vts@example.gov.vn, role: head, unit: UBND-P-VTS}
            """);
        service = new RunningService(Map.of(
            "tthc.units.file", ExampleFiles.example("basic.units.yaml").toString(),
            "tthc.security.required", true,
            "tthc.security.users-file", users.toString(),
            "tthc.security.oidc.enabled", true,
            "tthc.security.oidc.issuer", provider.issuerUrl("tinh").toString(),
            "tthc.security.oidc.client-id", CLIENT_ID,
            "tthc.security.oidc.client-secret", "client-secret",
            "tthc.security.oidc.label", "SSO tỉnh"));
    }

    @AfterAll
    static void stop() {
        service.close();
        provider.shutdown();
    }

    @Test
    void theLoginPageOffersTheProvider() throws Exception {
        final JsonNode options = ContractJson.mapper().readTree(service.get("/login/options", null).body());
        assertThat(options.path("provider").path("label").asText()).isEqualTo("SSO tỉnh");
        assertThat(options.path("provider").path("url").asText()).isEqualTo("/oauth/login/tinh");
    }

    @Test
    void aListedUserSignsInThroughTheProviderWithTheRoleAndUnitOfTheFile() throws Exception {
        final Browser browser = new Browser();
        final HttpResponse<String> last = browser.signInThroughProvider("truong.vts@example.gov.vn");
        assertThat(last.headers().firstValue("Location")).hasValue("/");
        final JsonNode me = ContractJson.mapper().readTree(browser.get("/api/v1/me").body());
        assertThat(me.path("username").asText()).isEqualTo("truong.vts@example.gov.vn");
        assertThat(me.path("role").asText()).isEqualTo("head");
        assertThat(me.path("unit").asText()).isEqualTo("UBND-P-VTS");
        assertThat(browser.get("/api/v1/units/SO-TNMT/kpis").statusCode()).as("another unit").isEqualTo(403);
    }

    @Test
    void aUserTheFileDoesNotListIsRefused() throws Exception {
        final Browser browser = new Browser();
        final HttpResponse<String> last = browser.signInThroughProvider("nguoi.la@example.gov.vn");
        assertThat(last.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("loi=1"));
        assertThat(browser.get("/api/v1/me").body()).doesNotContain("nguoi.la");
        assertThat(browser.get("/api/v1/report").statusCode()).isEqualTo(401);
    }

    @Test
    void theProviderOnlyUserHasNoPassword() throws Exception {
        final HttpResponse<String> response = new Browser().post("/login",
            "username=truong.vts%40example.gov.vn&password=");
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("loi=1"));
    }

    /** An HTTP client that keeps cookies and follows redirects one by one, as a browser does. */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

        /** From {@code /oauth/login/tinh} through the provider and back; the last response is the service's redirect. */
        HttpResponse<String> signInThroughProvider(final String email) throws Exception {
            provider.enqueueCallback(new DefaultOAuth2TokenCallback("tinh", "sub-" + email, "JWT", List.of(CLIENT_ID),
                Map.of("email", email), 3600));
            URI next = service("/oauth/login/tinh");
            for (int hop = 0; hop < 5; hop++) {
                final HttpResponse<String> response = http.send(HttpRequest.newBuilder(next).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
                final String location = response.headers().firstValue("Location").orElse(null);
                assertThat(response.statusCode()).as(next + ": " + response.body()).isBetween(300, 399);
                if (next.getPath().startsWith("/oauth/callback/")) {
                    return response;
                }
                next = next.resolve(location);
            }
            throw new AssertionError("no callback after 5 redirects");
        }

        HttpResponse<String> get(final String path) throws Exception {
            return http.send(HttpRequest.newBuilder(service(path)).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(final String path, final String form) throws Exception {
            return http.send(HttpRequest.newBuilder(service(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static URI service(final String path) {
            return URI.create(service.context().getBean(EmbeddedServer.class).getURL() + path);
        }
    }
}
