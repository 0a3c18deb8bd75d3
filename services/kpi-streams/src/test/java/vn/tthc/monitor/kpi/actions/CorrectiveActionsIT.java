package vn.tthc.monitor.kpi.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.kpi.testing.RunningService;
import vn.tthc.monitor.operator.SignedLinks;
import vn.tthc.monitor.testing.TestDirectories;

/**
 * Corrective actions on a running kpi-streams with sign-in required, on the shared broker: recorded through the API
 * by the ward's head and the city's quality officer (the unit above), through a mail's signed link by its recipient,
 * and read back from the store the topic's events are folded into; a head of another ward, the operator key and a
 * tampered or expired link are refused, and nothing they sent is written (a later event of the same alert, in the
 * same partition, arrives with none of theirs before it).
 */
class CorrectiveActionsIT {

    private static final String LINK_KEY = "it-link-key-of-at-least-32-characters";
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningService service;
    private static String wardHead;
    private static String otherWardHead;
    private static String cityQuality;

    @BeforeAll
    static void start() throws Exception {
        final Path dir = TestDirectories.fresh("actions");
        final Path units = Files.writeString(dir.resolve("units.yaml"), """
            units:
              - {id: TP, name: UBND Thành phố}
              - {id: P-A, name: UBND Phường Ánh Dương, parent: TP}
              - {id: P-B, name: UBND Phường Bình Minh, parent: TP}
            """);
        final Path users = Files.writeString(dir.resolve("users.yaml"), """
            users:
              - {username: truong-phuong-a, password-hash: '%1$s', role: head, unit: P-A}
              - {username: truong-phuong-b, password-hash: '%1$s', role: head, unit: P-B}
              - {username: chat-luong-tp, password-hash: '%1$s', role: quality, unit: TP}
            """.formatted(BCRYPT.encode("mật-khẩu")));
        service = new RunningService(Map.of(
            "tthc.units.file", units.toString(),
            "tthc.security.required", true,
            "tthc.security.users-file", users.toString(),
            "tthc.actions.link-key", LINK_KEY));
        wardHead = signIn("truong-phuong-a");
        otherWardHead = signIn("truong-phuong-b");
        cityQuality = signIn("chat-luong-tp");
        await().atMost(Duration.ofSeconds(60)).until(() -> service.get("/api/v1/corrective-actions").statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void recordedThroughTheApiAndReadBackAnotherWardIsRefused() throws Exception {
        final String key = key("P-A", "2026-12");
        final String due = LocalDate.now(VietnamTime.ZONE).plusDays(7).toString();
        final HttpResponse<String> ack = post(key, "{\"type\":\"acknowledge\"}", wardHead);
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(201);

        // another ward's head, the operator key, an invalid request: refused, nothing written
        assertThat(post(key, record("Từ phường khác", due), otherWardHead).statusCode()).isEqualTo(403);
        assertThat(get(path(key), otherWardHead).statusCode()).isEqualTo(403);
        assertThat(postWith(key, record("Bằng khoá vận hành", due), "Bearer " + RunningService.OPERATOR_KEY).statusCode())
            .isEqualTo(403);
        final HttpResponse<String> past = post(key, record("Hạn đã qua", "2020-01-01"), wardHead);
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(json(past).path("message").asText()).isEqualTo("Thời hạn hoàn thành 01/01/2020 đã qua: chọn từ hôm nay ("
            + vietnamese(LocalDate.now(VietnamTime.ZONE)) + ") trở đi.");
        final HttpResponse<String> empty = post(key, "{\"type\":\"record\",\"cause\":\"\\u0000\"}", wardHead);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).path("problems").toString()).contains("Nguyên nhân chứa ký tự điều khiển không được phép.")
            .contains("Hành động khắc phục là bắt buộc.");
        assertThat(post("[\"P-A\",\"*\"]", record("x", due), wardHead).statusCode()).as("not an alert key: the province's")
            .isEqualTo(403);

        // the city's quality officer (the unit above) records; the ward's head reads it back
        final HttpResponse<String> recorded = post(key, record("Thiếu cán bộ một cửa ở phường", due), cityQuality);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        final JsonNode action = awaitAction(key, wardHead, a -> a.path("action").path("revision").asInt() == 1);
        assertThat(action.path("state").asText()).isEqualTo("OPEN");
        assertThat(action.path("stateName").asText()).isEqualTo("Đang thực hiện");
        assertThat(action.path("action").path("acknowledgedBy").asText()).isEqualTo("truong-phuong-a");
        assertThat(action.path("action").path("recordedBy").asText()).isEqualTo("chat-luong-tp");
        assertThat(action.path("action").path("cause").asText()).isEqualTo("Thiếu cán bộ một cửa ở phường");
        assertThat(action.path("action").path("due").asText()).isEqualTo(due);
        assertThat(authors(action)).containsExactly("truong-phuong-a", "chat-luong-tp");
        // the operator key reads it; the list is cut to the caller's units
        assertThat(service.get(path(key)).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/corrective-actions", wardHead).body()).contains("\"unitId\":\"P-A\"");
        assertThat(get("/api/v1/corrective-actions", otherWardHead).body()).doesNotContain("\"unitId\":\"P-A\"");
    }

    @Test
    void recordedThroughASignedLinkTamperedOrExpiredLinksWriteNothing() throws Exception {
        final String key = key("P-A", "2026-11");
        final SignedLinks links = new SignedLinks(LINK_KEY);
        final String recipient = "truong.phuong.a@anhduong.gov.vn";
        final String token = links.sign(key, recipient, Instant.now().plus(Duration.ofDays(7)));
        final String due = LocalDate.now(VietnamTime.ZONE).plusDays(3).toString();

        final HttpResponse<String> page = anonymous(HttpRequest.newBuilder(uri("/actions?token=" + token)).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("Ghi nhận hành động khắc phục").contains("UBND Phường Ánh Dương")
            .contains("name=\"token\"").contains(recipient).contains("Chưa có hành động khắc phục nào");

        // tampered (another recipient's name under the same MAC) and expired: refused with a page, nothing written
        final String[] parts = token.split("\\.");
        final String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
            .encodeToString("ke-gian@example.com".getBytes(StandardCharsets.UTF_8)) + "." + parts[2] + "." + parts[3];
        final HttpResponse<String> refused = postForm(form(tampered, "record", "Giả mạo", due));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Liên kết không hợp lệ").contains("Không có gì được ghi nhận");
        assertThat(anonymous(HttpRequest.newBuilder(uri("/actions?token=" + tampered)).GET()).statusCode()).isEqualTo(403);
        final String expired = links.sign(key, recipient, Instant.now().minusSeconds(60));
        final HttpResponse<String> gone = postForm(form(expired, "record", "Hết hạn", due));
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("Liên kết đã hết hạn").contains("Không có gì được ghi nhận");
        final String otherKey = new SignedLinks(SignedLinks.randomKey()).sign(key, recipient, Instant.now().plusSeconds(600));
        assertThat(postForm(form(otherKey, "record", "Khoá khác", due)).statusCode()).isEqualTo(403);
        // a refused form comes back with the reasons
        final HttpResponse<String> invalid = postForm(form(token, "record", "", due));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("Nguyên nhân là bắt buộc.");

        final HttpResponse<String> done = postForm(form(token, "record", "Hệ thống một cửa ngừng 2 ngày", due));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("Đã ghi nhận lúc").contains("Hệ thống một cửa ngừng 2 ngày");
        final JsonNode action = awaitAction(key, wardHead, a -> a.path("action").path("revision").asInt() == 1);
        assertThat(action.path("action").path("recordedBy").asText()).isEqualTo(recipient);
        assertThat(action.path("action").path("acknowledgedBy").asText()).isEqualTo(recipient);
        assertThat(action.path("action").path("events").get(0).path("channel").asText()).isEqualTo("MAIL_LINK");
        assertThat(authors(action)).containsExactly(recipient);

        // completed from the console's API by the ward's head: the link's and the API's events, none of the refused
        assertThat(post(key, "{\"type\":\"complete\",\"note\":\"Đã khôi phục hệ thống\"}", wardHead).statusCode()).isEqualTo(201);
        final JsonNode completed = awaitAction(key, wardHead, a -> a.path("state").asText().equals("DONE"));
        assertThat(authors(completed)).containsExactly(recipient, "truong-phuong-a");
        final HttpResponse<String> again = anonymous(HttpRequest.newBuilder(uri("/actions?token=" + token)).GET());
        assertThat(again.body()).contains("Đã hoàn thành").contains("Hệ thống một cửa ngừng 2 ngày");
        // and in the ward's evaluation of the period
        final HttpResponse<String> evaluation = get("/api/v1/units/P-A/evaluations/2026-11", wardHead);
        assertThat(evaluation.statusCode()).isEqualTo(200);
        assertThat(evaluation.body()).contains("4. Hành động khắc phục", "Hệ thống một cửa ngừng 2 ngày",
            "Lê Văn Bình", "Đã hoàn thành");
    }

    private static String record(final String cause, final String due) {
        return "{\"type\":\"record\",\"cause\":\"" + cause + "\",\"action\":\"Bổ sung cán bộ, rà soát hồ sơ trễ\","
            + "\"responsible\":\"Nguyễn Thị Ánh\",\"due\":\"" + due + "\"}";
    }

    private static String form(final String token, final String type, final String cause, final String due) {
        return "token=" + enc(token) + "&type=" + type + "&cause=" + enc(cause) + "&action="
            + enc("Chuyển hồ sơ sang xử lý thủ công") + "&responsible=" + enc("Lê Văn Bình") + "&due=" + due + "&note=";
    }

    private static List<String> authors(final JsonNode action) {
        final List<String> authors = new ArrayList<>();
        action.path("action").path("events").forEach(event -> authors.add(event.path("by").asText()));
        return authors;
    }

    private static JsonNode awaitAction(final String key, final String cookie, final Predicate<JsonNode> until) {
        final JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            final HttpResponse<String> response = get(path(key), cookie);
            if (response.statusCode() != 200) {
                return false;
            }
            found[0] = ContractJson.mapper().readTree(response.body());
            return until.test(found[0]);
        });
        return found[0];
    }

    private static String key(final String unit, final String period) {
        return "[\"" + unit + "\",\"*\",\"" + period + "\",\"onTimeRate\"]";
    }

    private static String path(final String key) {
        return "/api/v1/alerts/" + enc(key) + "/actions";
    }

    private static String enc(final String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String vietnamese(final LocalDate date) {
        return String.format("%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private static JsonNode json(final HttpResponse<String> response) throws IOException {
        return ContractJson.mapper().readTree(response.body());
    }

    private static HttpResponse<String> post(final String key, final String body, final String cookie) throws Exception {
        return send(HttpRequest.newBuilder(uri(path(key))).header("Cookie", cookie)
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> postWith(final String key, final String body, final String authorization)
        throws Exception {
        return send(HttpRequest.newBuilder(uri(path(key))).header("Authorization", authorization)
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> postForm(final String form) throws Exception {
        return anonymous(HttpRequest.newBuilder(uri("/actions"))
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpResponse<String> get(final String path, final String cookie) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie).header("Accept", "application/json").GET());
    }

    private static HttpResponse<String> anonymous(final HttpRequest.Builder request) throws Exception {
        return send(request.header("Accept", "text/html"));
    }

    private static HttpResponse<String> send(final HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String signIn(final String username) throws Exception {
        final HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc("mật-khẩu"))));
        final String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JWT="))
            .findFirst().orElseThrow(() -> new AssertionError("no JWT cookie for " + username + ": " + response.headers()));
        return cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
    }

    private static URI uri(final String path) {
        return URI.create(service.context().getBean(EmbeddedServer.class).getURL() + path);
    }
}
