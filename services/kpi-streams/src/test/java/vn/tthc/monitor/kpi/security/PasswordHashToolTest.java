package vn.tthc.monitor.kpi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordHashToolTest {

    @Test
    void printsABcryptHashThatMatchesThePasswordFromStandardInput() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int exit = PasswordHashTool.run(null, new BufferedReader(new StringReader("mật-khẩu-dài\n")),
            new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        final String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(exit).isZero();
        assertThat(hash).startsWith("$2a$12$");
        assertThat(new BCryptPasswordEncoder().matches("mật-khẩu-dài", hash)).isTrue();
        assertThat(new BCryptPasswordEncoder().matches("mật-khẩu-khác", hash)).isFalse();
    }

    @Test
    void refusesAShortPassword() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = PasswordHashTool.run(null, new BufferedReader(new StringReader("ngan\n")),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ít nhất 8 ký tự");
    }
}
