package vn.tthc.monitor.kpi.actions;

import static vn.tthc.monitor.kpi.html.HtmlText.escape;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.tthc.monitor.contract.action.ActionChannel;
import vn.tthc.monitor.contract.action.ActionRequest;
import vn.tthc.monitor.contract.action.AlertKeys;
import vn.tthc.monitor.contract.evaluation.VietnameseFormat;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationUnit;
import vn.tthc.monitor.kpi.query.QueryResult;
import vn.tthc.monitor.operator.SignedLinks;

/**
 * The page an alert mail's link opens ({@code <TTHC_PUBLIC_URL>/actions?token=…}): the token ({@link SignedLinks})
 * is the credential, anonymous otherwise (UnitSecurityRule lets {@code /actions} through), and who records is the
 * recipient it names. A token that is malformed or not signed with the link key is refused with 403, an expired one
 * with 410, each with a Vietnamese page, and nothing is written; a refused form is shown again with the reasons (400).
 * The alert's action is read from whichever instance holds it ({@link ActionRecorder}); while it cannot be, the page
 * answers 503 with {@code Retry-After} and says which part is not ready, and nothing is written.
 */
@Controller("/actions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class ActionLinkController {

    private static final MediaType HTML = new MediaType("text/html; charset=utf-8");
    private static final String TITLE = "Ghi nhận hành động khắc phục";

    private final SignedLinks links;
    private final ActionRecorder recorder;
    private final Organisation organisation;
    private final Clock clock;

    public ActionLinkController(final SignedLinks links, final ActionRecorder recorder, final Organisation organisation,
                                final Clock clock) {
        this.links = links;
        this.recorder = recorder;
        this.organisation = organisation;
        this.clock = clock;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> form(@QueryValue @Nullable final String token) {
        final Object checked = checked(token);
        if (checked instanceof HttpResponse<?> refusal) {
            return cast(refusal);
        }
        final Link link = (Link) checked;
        final QueryResult<ActionView> current = recorder.current(link.key);
        if (unreadable(current)) {
            return notReady(current);
        }
        return page(HttpStatus.OK, ActionLinkPage.page(TITLE, ActionLinkPage.alert(link.key, unitName(link.key))
            + ActionLinkPage.current(found(current)) + ActionLinkPage.form(token, link.recipient, null)));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> record(@Body final Map<String, String> form) {
        final String token = form.get("token");
        final Object checked = checked(token);
        if (checked instanceof HttpResponse<?> refusal) {
            return cast(refusal);
        }
        final Link link = (Link) checked;
        final ActionRequest asked = new ActionRequest(form.get("type"), form.get("cause"), form.get("action"),
            form.get("responsible"), form.get("due"), form.get("note"));
        final ActionRecorder.Outcome outcome = recorder.record(link.key, asked, link.recipient, ActionChannel.MAIL_LINK);
        if (outcome instanceof ActionRecorder.Unavailable unavailable) {
            return notReady(new QueryResult.NotReady<>(unavailable.reason()));
        }
        if (outcome instanceof ActionRecorder.Refused refused) {
            final QueryResult<ActionView> current = recorder.current(link.key);
            if (unreadable(current)) {
                return notReady(current);
            }
            return page(HttpStatus.BAD_REQUEST, ActionLinkPage.page(TITLE, ActionLinkPage.problems(refused.problems())
                + ActionLinkPage.alert(link.key, unitName(link.key)) + ActionLinkPage.current(found(current))
                + ActionLinkPage.form(token, link.recipient, asked)));
        }
        final ActionRecorder.Recorded recorded = (ActionRecorder.Recorded) outcome;
        return page(HttpStatus.OK, ActionLinkPage.page(TITLE, "<div class=\"done\"><p>Đã ghi nhận lúc "
            + VietnameseFormat.dateTime(recorded.event().at()) + ".</p></div>"
            + ActionLinkPage.alert(link.key, unitName(link.key)) + ActionLinkPage.current(recorded.action())
            + "<p><a href=\"/actions?token=" + escape(token) + "\">Ghi nhận thêm</a></p>"));
    }

    private record Link(List<String> key, String recipient) {
    }

    /** The link's alert and recipient, or the refusal page. */
    private Object checked(final String token) {
        final SignedLinks.Check check = links.check(token, clock.instant());
        if (check instanceof SignedLinks.Expired expired) {
            return page(HttpStatus.GONE, ActionLinkPage.page("Liên kết đã hết hạn", "<p>Liên kết trong thư cảnh báo "
                + "này đã hết hạn lúc " + VietnameseFormat.dateTime(expired.expiresAt()) + ". Không có gì được ghi nhận."
                + "</p><p>Hãy dùng liên kết trong thư cảnh báo mới hơn, hoặc đăng nhập bảng điều khiển để ghi nhận "
                + "hành động khắc phục.</p>"));
        }
        final Optional<List<String>> key = check instanceof SignedLinks.Valid valid ? AlertKeys.parse(valid.alertKey())
            : Optional.empty();
        if (key.isEmpty()) {
            return page(HttpStatus.FORBIDDEN, ActionLinkPage.page("Liên kết không hợp lệ", "<p>Liên kết này không hợp "
                + "lệ: nó đã bị thay đổi, bị cắt mất một phần, hoặc không do hệ thống gửi. Không có gì được ghi nhận.</p>"
                + "<p>Hãy mở lại liên kết đúng như trong thư cảnh báo, hoặc đăng nhập bảng điều khiển để ghi nhận "
                + "hành động khắc phục.</p>"));
        }
        return new Link(key.get(), ((SignedLinks.Valid) check).recipient());
    }

    private String unitName(final List<String> key) {
        return organisation.unit(key.get(0)).map(OrganisationUnit::name).orElse(key.get(0));
    }

    private static HttpResponse<String> page(final HttpStatus status, final String html) {
        return HttpResponse.<String>status(status).contentType(HTML).body(html);
    }

    /** Whether {@code current} is neither the action nor "nothing recorded": the action could not be read now. */
    private static boolean unreadable(final QueryResult<ActionView> current) {
        return current instanceof QueryResult.NotReady<ActionView> || current instanceof QueryResult.Overloaded<ActionView>;
    }

    private static ActionView found(final QueryResult<ActionView> current) {
        return current instanceof QueryResult.Found<ActionView> found ? found.value() : null;
    }

    /** 503 with {@code Retry-After}, the page saying which part is not ready. */
    private static HttpResponse<String> notReady(final QueryResult<ActionView> unreadable) {
        final String reason = unreadable instanceof QueryResult.NotReady<ActionView> notReady ? notReady.reason()
            : ((QueryResult.Overloaded<ActionView>) unreadable).reason();
        return HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "2").contentType(HTML)
            .body(ActionLinkPage.page("Hệ thống đang bận", "<p>Dữ liệu đang được nạp lại hoặc đang chia lại giữa các"
                + " phiên bản dịch vụ, vui lòng thử lại sau ít giây. Không có gì được ghi nhận.</p>"
                + "<p class=\"detail\">Chi tiết: " + escape(reason) + "</p>"));
    }

    @SuppressWarnings("unchecked")
    private static HttpResponse<String> cast(final HttpResponse<?> response) {
        return (HttpResponse<String>) response;
    }
}
