package vn.tthc.monitor.kpi.console;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Set;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import vn.tthc.monitor.kpi.console.ChangeFeed.ChangeNotice;

/** Server-sent events for the console: a notice each time KPI rows, alerts or open cases change. */
@Controller("/api/v1")
@Tag(name = "Console")
public class ChangesController {

    /** A keep-alive this often, so that proxies keep the stream open and a page sees a dead server. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final ChangeFeed feed;

    public ChangesController(final ChangeFeed feed) {
        this.feed = feed;
    }

    @Get(value = "/changes", produces = MediaType.TEXT_EVENT_STREAM)
    @Operation(summary = "Server-sent events: {version, kinds} when KPI rows (ROWS), alerts (ALERTS) or open cases"
        + " (CASES) change, the current version at once and every 15 s (kinds empty); read the query API again on a"
        + " notice whose kinds matter to you")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM,
        schema = @Schema(implementation = ChangeNotice.class)))
    public Publisher<Event<ChangeNotice>> changes() {
        final Flux<ChangeNotice> keepAlive = Flux.interval(KEEP_ALIVE)
            .map(tick -> new ChangeNotice(feed.latest().version(), Set.of()));
        return Flux.merge(feed.notices(), keepAlive)
            .map(notice -> Event.of(notice).id(Long.toString(notice.version())));
    }
}
