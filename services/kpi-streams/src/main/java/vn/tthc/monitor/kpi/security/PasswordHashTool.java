package vn.tthc.monitor.kpi.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code ./tthc hash-password}: the bcrypt hash of a password for the user file's {@code password-hash}
 * (docs/SECURITY.md). Asks twice on a terminal, reads one line from standard input otherwise; prints the hash only.
 * Exit code 0 with the hash, 2 when the password is empty, shorter than 8 characters or not typed the same twice.
 */
public final class PasswordHashTool {

    /** bcrypt's cost for new hashes: 2^12 rounds, about a quarter of a second here. */
    static final int COST = 12;
    static final int MIN_LENGTH = 8;

    private PasswordHashTool() {
    }

    public static void main(final String[] args) throws IOException {
        System.exit(run(System.console(), new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
            System.out, System.err));
    }

    static int run(final Console console, final BufferedReader in, final PrintStream out, final PrintStream err)
        throws IOException {
        final char[] password;
        if (console != null) {
            password = console.readPassword("Mật khẩu mới: ");
            final char[] again = console.readPassword("Nhập lại mật khẩu: ");
            if (password == null || !Arrays.equals(password, again)) {
                err.println("hash-password: hai lần nhập không khớp (the two entries differ)");
                return 2;
            }
        } else {
            final String line = in.readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password.length < MIN_LENGTH) {
            err.println("hash-password: mật khẩu cần ít nhất " + MIN_LENGTH + " ký tự (at least " + MIN_LENGTH
                + " characters)");
            return 2;
        }
        out.println(new BCryptPasswordEncoder(COST).encode(new String(password)));
        Arrays.fill(password, '\0');
        return 0;
    }
}
