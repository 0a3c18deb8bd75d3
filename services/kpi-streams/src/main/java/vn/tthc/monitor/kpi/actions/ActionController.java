package vn.tthc.monitor.kpi.actions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.tthc.monitor.contract.action.ActionChannel;
import vn.tthc.monitor.contract.action.ActionRequest;
import vn.tthc.monitor.contract.action.AlertKeys;
import vn.tthc.monitor.kpi.api.QueryResponses;
import vn.tthc.monitor.kpi.query.QueryResult;

/**
 * Corrective actions over the API (docs/ARCHITECTURE.md "Corrective actions"): read and record the action of an
 * alert, list the current ones. {@code alertKey} is the alert's key as its JSON text ({@code KpiAlert.key()}, the
 * alerts topics' record key), percent-encoded in the path. Who may do it is {@code UnitSecurityRule}'s: recording is
 * for the heads and quality officers of the alert's unit or a unit above it and the province's users; the operator
 * key reads. Who records is the signed-in user; with sign-in off, the request's {@code by}. Every instance answers for
 * every alert ({@link ActionQueries}); while the action cannot be read (restoring, rebalancing) reading and recording
 * answer 503 with {@code Retry-After} and the part not ready, and nothing is written.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Corrective actions")
public class ActionController {

    /**
     * A request to record about an alert.
     *
     * @param by with sign-in off only: who records (ignored when signed in)
     */
    public record Request(@Nullable String type, @Nullable String cause, @Nullable String action,
                          @Nullable String responsible, @Nullable String due, @Nullable String note, @Nullable String by) {
    }

    private static final String BAD_KEY = "Mã cảnh báo không hợp lệ: cần mảng JSON [\"đơn vị\",\"lĩnh vực\",\"kỳ\","
        + "\"chỉ tiêu\"] (thêm \"subtree\", \"AT_RISK\" nếu có), mã hoá trong đường dẫn.";

    private final ActionRecorder recorder;
    private final ActionQueries actions;
    private final Clock clock;

    public ActionController(final ActionRecorder recorder, final ActionQueries actions, final Clock clock) {
        this.recorder = recorder;
        this.actions = actions;
        this.clock = clock;
    }

    @Get("/alerts/{alertKey}/actions")
    @Operation(summary = "The corrective action of an alert: state (OPEN, DONE, OVERDUE) now, who acknowledged it and"
        + " when, the current cause, action, person responsible and due date, and every event")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActionView.class)))
    @ApiResponse(responseCode = "404", description = "Nothing recorded for the alert yet")
    @ApiResponse(responseCode = "503", description = "Not readable now (restoring or rebalancing); retry after Retry-After seconds")
    public HttpResponse<?> get(final String alertKey) {
        final Optional<List<String>> key = AlertKeys.parse(alertKey);
        if (key.isEmpty()) {
            return refusal(HttpStatus.BAD_REQUEST, "bad alert key", List.of(BAD_KEY));
        }
        final QueryResult<ActionView> current = recorder.current(key.get());
        if (current instanceof QueryResult.NotFound<ActionView>) {
            return refusal(HttpStatus.NOT_FOUND, "not found: no corrective action",
                List.of("Chưa có hành động khắc phục nào được ghi nhận cho cảnh báo này."));
        }
        return QueryResponses.toHttp(current);
    }

    @Post("/alerts/{alertKey}/actions")
    @Operation(summary = "Record about an alert: type acknowledge (tiếp nhận), record (cause, action, responsible,"
        + " due yyyy-MM-dd, from today to a year ahead; a later one corrects it) or complete; an optional note."
        + " Written as an event of the corrective-actions topic")
    @ApiResponse(responseCode = "201", description = "Written: the event and the action as it now stands")
    @ApiResponse(responseCode = "400", description = "Refused: 'problems' lists why, in Vietnamese; nothing written")
    @ApiResponse(responseCode = "503", description = "The current action not readable now (restoring or rebalancing):"
        + " nothing written; retry after Retry-After seconds")
    public HttpResponse<?> record(final String alertKey, @Body final Request body, final HttpRequest<?> request) {
        final Optional<List<String>> key = AlertKeys.parse(alertKey);
        if (key.isEmpty()) {
            return refusal(HttpStatus.BAD_REQUEST, "bad alert key", List.of(BAD_KEY));
        }
        final Authentication caller = request.getUserPrincipal(Authentication.class).orElse(null);
        final String by = caller != null ? caller.getName() : body.by();
        final ActionRequest asked = new ActionRequest(body.type(), body.cause(), body.action(), body.responsible(),
            body.due(), body.note());
        final ActionRecorder.Outcome outcome = recorder.record(key.get(), asked, by, ActionChannel.API);
        if (outcome instanceof ActionRecorder.Refused refused) {
            return refusal(HttpStatus.BAD_REQUEST, "invalid corrective action", refused.problems());
        }
        if (outcome instanceof ActionRecorder.Unavailable unavailable) {
            return QueryResponses.toHttp(new QueryResult.NotReady<>(unavailable.reason()));
        }
        return HttpResponse.created(outcome);
    }

    @Get("/corrective-actions")
    @Operation(summary = "Every current corrective action with its state now, the latest recorded first (at most"
        + " 5,000, X-Truncated: true when cut), of every instance; cut to the caller's units when signed in as a head or"
        + " quality officer")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActionView[].class)))
    @ApiResponse(responseCode = "503", description = "Not readable now (restoring or rebalancing); retry after Retry-After seconds")
    public HttpResponse<?> all() {
        final Instant now = clock.instant();
        return QueryResponses.toHttp(actions.latest()
            .map(latest -> latest.stream().map(action -> ActionView.of(action, now)).toList()));
    }

    private static HttpResponse<?> refusal(final HttpStatus status, final String error, final List<String> problems) {
        return HttpResponse.status(status).body(Map.of("error", error, "message", String.join(" ", problems),
            "problems", problems));
    }
}
