package vn.tthc.monitor.notifier.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import vn.tthc.monitor.notifier.transport.SmtpTransport;

/**
 * The SMTP server ({@code tthc.smtp.*}, from {@code TTHC_SMTP_*}); without a host, mails are written
 * to {@code tthc.notifier.mail-directory} instead.
 */
@ConfigurationProperties("tthc.smtp")
public record SmtpConfiguration(@Nullable String host,
                                @Bindable(defaultValue = "25") int port,
                                @Nullable String user,
                                @Nullable String password,
                                @Bindable(defaultValue = "true") boolean startTls,
                                @Bindable(defaultValue = "false") boolean startTlsRequired,
                                @Bindable(defaultValue = "10s") Duration timeout) {

    public boolean configured() {
        return host != null && !host.isBlank();
    }

    public SmtpTransport.SmtpSettings settings() {
        return new SmtpTransport.SmtpSettings(host, port, user, password, startTls, startTlsRequired, timeout);
    }

    @Override
    public String toString() {
        return settings().toString();
    }
}
