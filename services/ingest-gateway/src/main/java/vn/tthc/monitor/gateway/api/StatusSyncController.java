package vn.tthc.monitor.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import vn.tthc.monitor.gateway.ingest.EventBodies;
import vn.tthc.monitor.gateway.ingest.EventLogUnavailableException;
import vn.tthc.monitor.gateway.ingest.JsonLimits;
import vn.tthc.monitor.gateway.ingest.MalformedBodyException;
import vn.tthc.monitor.gateway.status.StatusSync;
import vn.tthc.monitor.gateway.status.StatusSyncResponse;
import vn.tthc.monitor.gateway.status.SyncMessage;

/**
 * {@code POST /api/v1/status-sync}: the national portal's sync messages (DongBoHoSoMC, CapNhatTienDoHoSoMC) or
 * plain status records, with the query string some senders use, mapped to contract events; per-record answers.
 */
@Controller("/api/v1")
@Tag(name = "National status sync")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatusSyncController {

    private final StatusSync statusSync;

    public StatusSyncController(final StatusSync statusSync) {
        this.statusSync = statusSync;
    }

    @Post(uri = "/status-sync", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Send the national portal's sync messages (DongBoHoSoMC, CapNhatTienDoHoSoMC) or status "
        + "records; each record becomes 0..n contract events",
        security = @SecurityRequirement(name = "apiKey"))
    @ApiResponse(responseCode = "200", description = "Per-record results",
        content = @Content(schema = @Schema(implementation = StatusSyncResponse.class)))
    @ApiResponse(responseCode = "400", description = "Empty, not UTF-8 JSON, above a JSON limit, or no sync message "
        + "(an unknown service, data not an array, isUpdating neither true nor false)")
    @ApiResponse(responseCode = "401", description = "No API key, or an unknown one")
    @ApiResponse(responseCode = "413", description = "Body larger than the configured maximum")
    @ApiResponse(responseCode = "415", description = "Not application/json in UTF-8")
    @ApiResponse(responseCode = "429", description = "Above the key's request rate; see Retry-After")
    @ApiResponse(responseCode = "503", description = "The events topic did not acknowledge in time; re-send")
    public HttpResponse<?> statusSync(@Nullable @Body final byte[] body,
                                      @RequestAttribute(ApiKeyFilter.SOURCE) final String source,
                                      @Nullable @QueryValue("service") final String service,
                                      @Nullable @QueryValue("isUpdating") final String isUpdating,
                                      @Nullable @QueryValue("MaDinhDanhDV") final String maDinhDanhDV) {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "the body is empty");
        }
        final JsonNode root;
        try {
            EventBodies.requireUtf8(body);
            root = JsonLimits.STRICT_MAPPER.readTree(body);
        } catch (final MalformedBodyException e) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", e.getMessage());
        } catch (final JsonProcessingException e) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", JsonLimits.reason(e, null));
        } catch (final IOException e) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "the body could not be read as JSON");
        }
        final SyncMessage message;
        try {
            message = SyncMessage.of(root, new SyncMessage.QueryValues(service, isUpdating, maDinhDanhDV));
        } catch (final SyncMessage.InvalidMessage e) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", e.getMessage());
        }
        try {
            return HttpResponse.ok(statusSync.sync(source, message));
        } catch (final EventLogUnavailableException e) {
            return Problems.unavailable(e.getMessage());
        }
    }
}
