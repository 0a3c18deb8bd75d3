package vn.tthc.monitor.kpi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.testing.ExampleFiles;
import vn.tthc.monitor.kpi.testing.RunningService;
import vn.tthc.monitor.testing.TestDirectories;
import vn.tthc.monitor.testing.TestKafkaCluster;

/**
 * kpi-streams with sign-in required, on the basic example (the ward UBND-P-VTS under the city UBND-TP, the department
 * SO-TNMT apart): anonymous callers are refused but for the public figures and /health; the ward's head reads the
 * ward and nothing of the department, and the lists of every unit cut to the ward; the city's quality officer reads
 * the ward (its subtree); the province and the operator key read everything; a wrong password signs nobody in; and
 * the service refuses to listen on 0.0.0.0 without sign-in. A browser (headless chromium) is sent to the login page,
 * signs in, sees who it is in the console and signs out.
 */
class SignInIT {

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);
    private static RunningService service;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        final Path users = Files.writeString(TestDirectories.fresh("users").resolve("users.yaml"), """
            users:
              - {username: ward-head, password-hash: '%s', role: head, unit: UBND-P-VTS}
              - {username: city-quality, password-hash: '%s', role: quality, unit: UBND-TP}
              - {username: province, password-hash: '%s', role: province}
              - {username: guessed, password-hash: '%s', role: head, unit: UBND-P-VTS}
            """.formatted(BCRYPT.encode("mật-khẩu-phường"), BCRYPT.encode("city-pass"), BCRYPT.encode("tinh-pass"),
            BCRYPT.encode("guessed-pass")));
        service = new RunningService(Map.of(
            "tthc.targets.file", ExampleFiles.example("basic.targets.yaml").toString(),
            "tthc.units.file", ExampleFiles.example("basic.units.yaml").toString(),
            "tthc.security.required", true,
            "tthc.security.users-file", users.toString()));
        service.send(ExampleFiles.lines("basic.events.jsonl"));
        // the operator key reads everything: the pipeline has processed both units' cases
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(service.get("/api/v1/cases/C1").statusCode()).isEqualTo(200);
            assertThat(service.get("/api/v1/cases/D1").statusCode()).isEqualTo(200);
            assertThat(service.get("/api/v1/units/SO-TNMT/kpis").statusCode()).isEqualTo(200);
            assertThat(service.get("/api/v1/units/UBND-P-VTS/kpis").statusCode()).isEqualTo(200);
            // the subtree rows, spread once the own rows' tasks have recorded the organisation (an emit interval)
            assertThat(service.get("/api/v1/units/UBND-TP/kpis?scope=subtree").statusCode()).isEqualTo(200);
        });
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void anonymousCallersReadOnlyThePublicFiguresHealthAndTheLoginPage() {
        for (final String path : List.of("/api/v1/report", "/api/v1/units/UBND-P-VTS/kpis", "/api/v1/cases/C1",
            "/api/v1/alerts", "/api/v1/units/SO-TNMT/evaluations/2026-Q1", "/prometheus", "/api/v1/organisation")) {
            final HttpResponse<String> response = service.get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).as(path).contains("Cần đăng nhập");
        }
        assertThat(service.get("/health", null).statusCode()).isEqualTo(200);
        assertThat(service.get("/health", null).body()).doesNotContain("\"details\":{");
        assertThat(service.get("/api/v1/public/units/SO-TNMT/satisfaction", null).statusCode()).isIn(200, 404);
        final HttpResponse<String> login = service.get("/login.html", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Đăng nhập").contains("action=\"/login\"");
        assertThat(service.get("/login.css", null).statusCode()).isEqualTo(200);
        assertThat(service.get("/login.js", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aBrowserAskingForTheConsoleIsSentToTheLoginPage() throws Exception {
        final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/")).header("Accept", "text/html").GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isBetween(300, 399);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login.html"));
    }

    @Test
    void aWardHeadReadsTheWardAndNothingOfTheDepartment() throws Exception {
        final String cookie = signIn("ward-head", "mật-khẩu-phường");
        assertThat(get("/api/v1/units/UBND-P-VTS/kpis", cookie).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/units/UBND-P-VTS/open-cases", cookie).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/cases/C1", cookie).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/units/UBND-P-VTS/evaluations/2026-Q1", cookie).statusCode()).isEqualTo(200);
        assertThat(get("/", cookie).statusCode()).isEqualTo(200);
        final HttpResponse<String> me = get("/api/v1/me", cookie);
        assertThat(me.body()).contains("\"username\":\"ward-head\"").contains("\"unit\":\"UBND-P-VTS\"");

        for (final String path : List.of("/api/v1/units/SO-TNMT/kpis", "/api/v1/units/SO-TNMT/overdue-cases",
            "/api/v1/units/SO-TNMT/evaluations/2026-Q1", "/api/v1/cases/D1", "/api/v1/units/UBND-TP/kpis?scope=subtree",
            "/api/v1/units/unlisted", "/api/v1/pipeline", "/prometheus")) {
            final HttpResponse<String> refused = get(path, cookie);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).contains("Bạn không có quyền").doesNotContain("D1\"");
        }
    }

    @Test
    void theListsOfEveryUnitAreCutToTheWardForItsHead() throws Exception {
        final String cookie = signIn("ward-head", "mật-khẩu-phường");
        final JsonNode report = json(get("/api/v1/report", cookie));
        assertThat(report.path("kpis")).isNotEmpty()
            .allSatisfy(row -> assertThat(row.path("unitId").asText()).isEqualTo("UBND-P-VTS"));
        assertThat(report.path("breaches")).allSatisfy(row -> assertThat(row.path("unitId").asText()).isEqualTo("UBND-P-VTS"));
        final String period = report.path("kpis").get(0).path("period").asText();
        final JsonNode periodRows = json(get("/api/v1/kpis?period=" + period, cookie));
        assertThat(periodRows.path("rows")).isNotEmpty()
            .allSatisfy(row -> assertThat(row.path("unitId").asText()).isEqualTo("UBND-P-VTS"));
        assertThat(json(get("/api/v1/alerts", cookie))).allSatisfy(alert -> assertThat(alert.path("unitId").asText()).isEqualTo("UBND-P-VTS"));
        assertThat(json(get("/api/v1/breaches", cookie))).allSatisfy(b -> assertThat(b.path("unitId").asText()).isEqualTo("UBND-P-VTS"));
        final JsonNode openCases = json(get("/api/v1/open-cases", cookie));
        openCases.fieldNames().forEachRemaining(unit -> assertThat(unit).isEqualTo("UBND-P-VTS"));

        // the same lists are whole for the province: the department is in them
        final String province = signIn("province", "tinh-pass");
        assertThat(json(get("/api/v1/report", province)).path("kpis").toString()).contains("SO-TNMT").contains("UBND-P-VTS");
        assertThat(json(get("/api/v1/kpis?period=" + period, province)).path("rows").toString()).contains("SO-TNMT");
    }

    @Test
    void aCityQualityOfficerReadsItsSubtree() throws Exception {
        final String cookie = signIn("city-quality", "city-pass");
        assertThat(get("/api/v1/units/UBND-TP/kpis?scope=subtree", cookie).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/units/UBND-P-VTS/kpis", cookie).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/cases/C1", cookie).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/units/SO-TNMT/kpis", cookie).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/cases/D1", cookie).statusCode()).isEqualTo(403);
    }

    @Test
    void theProvinceAndTheOperatorKeyReadEverything() throws Exception {
        final String cookie = signIn("province", "tinh-pass");
        for (final String path : List.of("/api/v1/units/SO-TNMT/kpis", "/api/v1/units/UBND-P-VTS/kpis",
            "/api/v1/cases/D1", "/api/v1/cases/C1", "/api/v1/report", "/api/v1/units/unlisted", "/api/v1/alerts")) {
            assertThat(get(path, cookie).statusCode()).as(path).isEqualTo(200);
            assertThat(service.get(path).statusCode()).as("operator key " + path).isEqualTo(200);
        }
        assertThat(get("/prometheus", cookie).statusCode()).as("metrics are the operator's").isEqualTo(403);
        assertThat(service.get("/prometheus").statusCode()).isEqualTo(200);
        assertThat(service.get("/health").body()).contains("\"details\":{");
        assertThat(service.get("/api/v1/report", "Bearer not-the-key").statusCode()).isEqualTo(401);
    }

    @Test
    void aBrowserIsSentToTheLoginPageSignsInSeesWhoItIsAndSignsOut() {
        final ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=vi-VN");
        final WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
        try {
            final WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(uri("/").toString());
            wait.until(ExpectedConditions.urlContains("/login.html"));
            browser.findElement(By.id("username")).sendKeys("city-quality");
            browser.findElement(By.id("password")).sendKeys("wrong-pass");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Tên đăng nhập hoặc mật khẩu không đúng"));

            browser.findElement(By.id("username")).sendKeys("city-quality");
            browser.findElement(By.id("password")).sendKeys("city-pass");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user"), "city-quality (UBND-TP)"));
            assertThat(browser.getCurrentUrl()).doesNotContain("login");
            // the overview lists the city and the ward under it, not the department beside it
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("overview-table"), "UBND phường Võ Thị Sáu"));
            assertThat(browser.findElement(By.id("overview-table")).getText()).contains("UBND thành phố")
                .doesNotContain("Sở Nông nghiệp và Môi trường");

            browser.findElement(By.linkText("Đăng xuất")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Bạn đã đăng xuất."));
            browser.get(uri("/").toString());
            wait.until(ExpectedConditions.urlContains("/login.html"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void aWrongPasswordOrUnknownUserSignsNobodyIn() throws Exception {
        for (final String[] credentials : List.of(new String[] {"ward-head", "wrong"}, new String[] {"nobody", "x"})) {
            final HttpResponse<String> response = postLogin(credentials[0], credentials[1]);
            assertThat(response.statusCode()).isBetween(300, 399);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("loi=1"));
            assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JWT=") && !c.startsWith("JWT=;"));
        }
    }

    @Test
    void fiveWrongPasswordsLockTheUsernameEvenAgainstTheRightOne() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(postLogin("guessed", "guess-" + i).headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).contains("loi=1"));
        }
        final HttpResponse<String> locked = postLogin("guessed", "guessed-pass");
        assertThat(locked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("loi=1"));
        assertThat(locked.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JWT=") && !c.startsWith("JWT=;"));
        assertThat(signIn("ward-head", "mật-khẩu-phường")).as("another user from the same address").startsWith("JWT=");
        assertThat(service.get("/prometheus").body())
            .contains("tthc_sign_in_refused_total{reason=\"throttled\"} 1.0");
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        final String cookie = signIn("province", "tinh-pass");
        final HttpResponse<String> out = get("/logout", cookie);
        assertThat(out.statusCode()).isBetween(300, 399);
        assertThat(out.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("JWT=") && c.contains("Max-Age=0"));
    }

    @Test
    void theServiceRefusesToListenBeyondLoopbackWithoutSignIn() {
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, Map.of(
            "kafka.bootstrap.servers", TestKafkaCluster.bootstrapServers(),
            "micronaut.server.port", -1,
            "micronaut.server.host", "0.0.0.0",
            "kafka.streams.default.state.dir", TestDirectories.fresh("service").toString())).close())
            .hasStackTraceContaining("TTHC_SIGN_IN=true")
            .hasStackTraceContaining("not a loopback address");
    }

    private static JsonNode json(final HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ContractJson.mapper().readTree(response.body());
    }

    private static String signIn(final String username, final String password) throws Exception {
        final HttpResponse<String> response = postLogin(username, password);
        assertThat(response.statusCode()).as(response.body()).isBetween(300, 399);
        final String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JWT="))
            .findFirst().orElseThrow(() -> new AssertionError("no JWT cookie: " + response.headers()));
        return cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
    }

    private static HttpResponse<String> postLogin(final String username, final String password) throws Exception {
        final String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(final String path, final String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie).header("Accept", "application/json")
            .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(final String path) {
        return URI.create(service.context().getBean(EmbeddedServer.class).getURL() + path);
    }
}
