package vn.tthc.monitor.gateway.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import vn.tthc.monitor.gateway.ingest.EventBodies;
import vn.tthc.monitor.gateway.ingest.EventIngestion;
import vn.tthc.monitor.gateway.ingest.EventLogUnavailableException;
import vn.tthc.monitor.gateway.ingest.ForeignSourceException;
import vn.tthc.monitor.gateway.ingest.IngestResponse;
import vn.tthc.monitor.gateway.ingest.MalformedBodyException;

/** {@code POST /api/v1/events}: a JSON array or NDJSON of contract events from one source system. */
@Controller("/api/v1")
@Tag(name = "Events")
public class EventsController {

    public static final String NDJSON = "application/x-ndjson";

    private final EventIngestion ingestion;
    private final MeterRegistry meters;
    private final Timer requestDuration;

    public EventsController(final EventIngestion ingestion, final MeterRegistry meters) {
        this.ingestion = ingestion;
        this.meters = meters;
        this.requestDuration = Timer.builder("tthc.gateway.request.duration")
            .description("Time to answer an ingest request, broker acknowledgement included")
            .tag("endpoint", "events").publishPercentileHistogram().register(meters);
    }

    @Post(uri = "/events", consumes = {MediaType.APPLICATION_JSON, NDJSON}, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Send events of the contract; each is answered accepted, duplicate or rejected",
        security = @SecurityRequirement(name = "apiKey"))
    @ApiResponse(responseCode = "200", description = "Per-event results",
        content = @Content(schema = @Schema(implementation = IngestResponse.class)))
    @ApiResponse(responseCode = "400", description = "Empty, not UTF-8 JSON, not an array, above a JSON limit, or an NDJSON line that is not JSON")
    @ApiResponse(responseCode = "401", description = "No API key, or an unknown one")
    @ApiResponse(responseCode = "403", description = "Events of another source than the key's; nothing written")
    @ApiResponse(responseCode = "413", description = "Body larger than the configured maximum")
    @ApiResponse(responseCode = "415", description = "Not application/json or application/x-ndjson in UTF-8")
    @ApiResponse(responseCode = "429", description = "Above the key's request rate; see Retry-After")
    @ApiResponse(responseCode = "503", description = "The events topic did not acknowledge in time; re-send")
    public CompletableFuture<HttpResponse<?>> events(final HttpRequest<?> request, @Nullable @Body final byte[] body,
                                                     @RequestAttribute(ApiKeyFilter.SOURCE) final String source) {
        final Timer.Sample sample = Timer.start(meters);
        return handle(request, body, source).whenComplete((response, failure) -> sample.stop(requestDuration));
    }

    /**
     * Runs on the event loop up to the hand-over of the events to the producer; the answer
     * completes when the broker has acknowledged them, without a thread waiting for it.
     */
    private CompletableFuture<HttpResponse<?>> handle(final HttpRequest<?> request, final byte[] body,
                                                      final String source) {
        // The charset was checked by CharsetFilter; an empty body arrives as null.
        final MediaType type = request.getContentType().orElse(MediaType.APPLICATION_JSON_TYPE);
        final byte[] content = body == null ? new byte[0] : body;
        final List<byte[]> events;
        try {
            events = NDJSON.equals(type.getName()) ? EventBodies.fromNdjson(content) : EventBodies.fromJsonArray(content);
        } catch (final MalformedBodyException e) {
            return CompletableFuture.completedFuture(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
                e.getMessage()));
        }
        final CompletableFuture<IngestResponse> written;
        try {
            written = ingestion.ingestAsync(source, events);
        } catch (final ForeignSourceException e) {
            return CompletableFuture.completedFuture(Problems.of(HttpStatus.FORBIDDEN, "forbidden-source",
                e.getMessage(), Map.of("events", e.events())));
        }
        return written.handle((response, failure) -> {
            if (failure == null) {
                return HttpResponse.ok(response);
            }
            final Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof EventLogUnavailableException unavailable) {
                return Problems.unavailable(unavailable.getMessage());
            }
            throw new CompletionException(cause);
        });
    }
}
