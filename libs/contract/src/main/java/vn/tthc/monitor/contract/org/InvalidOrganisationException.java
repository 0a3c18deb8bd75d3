package vn.tthc.monitor.contract.org;

import java.util.List;

/**
 * An organisation file that cannot be used (EVENTS.md section 6: it is invalid as a whole). The message
 * names the file and every problem with its unit and line; {@link #problems()} lists them one by one.
 */
public class InvalidOrganisationException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidOrganisationException(final String name, final List<String> problems) {
        super(name + ": invalid organisation file: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem alone, e.g. {@code units[3] (line 7) 'SO-TNMT': parent 'UBND' is not listed}. */
    public List<String> problems() {
        return problems;
    }
}
