package vn.tthc.monitor.notifier.message;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import vn.tthc.monitor.contract.event.Identifiers;

/**
 * Links into the console at the address heads reach it ({@code TTHC_PUBLIC_URL}): a case's page,
 * {@code <TTHC_PUBLIC_URL>/#/cases/<caseId percent-encoded>}, and the alerts page; none when no public URL is set.
 */
public record CaseLinks(String publicUrl) {

    public CaseLinks {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null
            : publicUrl.strip().endsWith("/") ? publicUrl.strip().substring(0, publicUrl.strip().length() - 1)
            : publicUrl.strip();
    }

    /** No public URL: mails name the cases without links. */
    public static CaseLinks none() {
        return new CaseLinks(null);
    }

    /**
     * The console page of {@code caseId}: every character outside A–Z a–z 0–9 {@code - . _ ~} percent-encoded; none
     * for an id longer than the contract allows (no case has it).
     */
    public Optional<String> caseLink(final String caseId) {
        if (publicUrl == null || caseId == null || caseId.codePointCount(0, caseId.length()) > Identifiers.MAX_LENGTH) {
            return Optional.empty();
        }
        final String encoded = URLEncoder.encode(caseId, StandardCharsets.UTF_8)
            .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
        return Optional.of(publicUrl + "/#/cases/" + encoded);
    }

    /** The console's Cảnh báo page (the alerts with their corrective actions), {@code <TTHC_PUBLIC_URL>/#/alerts}. */
    public Optional<String> alertsPage() {
        return Optional.ofNullable(publicUrl).map(url -> url + "/#/alerts");
    }
}
