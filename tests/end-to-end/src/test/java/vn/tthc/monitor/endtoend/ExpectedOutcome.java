package vn.tthc.monitor.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.contract.kpi.Targets;
import vn.tthc.monitor.contract.testing.InMemoryKpis;
import vn.tthc.monitor.kpi.topology.intake.RejectionHeaders;

/**
 * What a run of hostile input must come to, written down as the test sends it: the good events that reached the
 * events topic, whose report the reference model ({@link InMemoryKpis}) computes, and the dead letter each bad record
 * that reached the topic must become (its bytes, kind and reason), which the report's {@code rejected} counts.
 */
final class ExpectedOutcome {

    private static final int SHOWN = 15;

    private final String eventsTopic;
    private final List<String> goodEvents = new ArrayList<>();
    private final Map<String, Long> deadLetters = new HashMap<>();
    private long rejected;

    ExpectedOutcome(final String eventsTopic) {
        this.eventsTopic = eventsTopic;
    }

    /** A valid event on the topic, to be counted (or to be a duplicate, if its eventId came before). */
    void good(final String json) {
        goodEvents.add(json);
    }

    /** A record that is not a valid event: dead-lettered as {@code invalid_event} with the contract's reason. */
    void invalid(final byte[] value, final String reason) {
        deadLetter(value, RejectionHeaders.INVALID_EVENT, reason);
    }

    /** A valid event of a full history: dead-lettered as {@code history_full}. */
    void historyFull(final String json, final String reason) {
        deadLetter(json.getBytes(StandardCharsets.UTF_8), "history_full", reason);
    }

    long rejected() {
        return rejected;
    }

    /** The reference model's report of the good events alone, with {@code rejected} the bad records expected. */
    JsonNode report() {
        final ObjectNode report = ContractJson.mapper()
            .valueToTree(InMemoryKpis.report(goodEvents, Targets.sectionThreeDefaults()));
        report.put("rejected", rejected);
        return report;
    }

    /** The dead letters expected but not read and those read but not expected (the first few of each); empty when equal. */
    List<String> deadLetterDifferences(final List<DeadLetterReader.DeadLetter> read) {
        final Map<String, Long> actual = new HashMap<>();
        for (final DeadLetterReader.DeadLetter letter : read) {
            final String from = eventsTopic.equals(letter.sourceTopic()) && letter.sourcePartition() != null
                && letter.sourceOffset() != null ? "" : " from " + letter.sourceTopic() + "-" + letter.sourcePartition()
                + "@" + letter.sourceOffset();
            actual.merge(key(letter.value(), letter.kind(), letter.reason()) + from, 1L, Long::sum);
        }
        final List<String> differences = new ArrayList<>();
        compare(deadLetters, actual, "missing", differences);
        compare(actual, deadLetters, "unexpected", differences);
        return differences;
    }

    private static void compare(final Map<String, Long> these, final Map<String, Long> those, final String what,
                                final List<String> differences) {
        final Map<String, Long> sorted = new TreeMap<>(these);
        int shown = 0;
        long more = 0;
        for (final Map.Entry<String, Long> entry : sorted.entrySet()) {
            final long extra = entry.getValue() - those.getOrDefault(entry.getKey(), 0L);
            if (extra > 0 && shown++ < SHOWN) {
                differences.add(what + " " + extra + " × " + entry.getKey());
            } else if (extra > 0) {
                more += extra;
            }
        }
        if (more > 0) {
            differences.add("… and " + more + " more " + what);
        }
    }

    private void deadLetter(final byte[] value, final String kind, final String reason) {
        deadLetters.merge(key(value, kind, reason), 1L, Long::sum);
        rejected++;
    }

    /** A dead letter as one line: kind, reason, and the value by its size, digest and start. */
    private static String key(final byte[] value, final String kind, final String reason) {
        if (value == null) {
            return kind + " | " + reason + " | no value";
        }
        final String start = new String(value, 0, Math.min(value.length, 60), StandardCharsets.UTF_8)
            .replaceAll("\\p{Cntrl}", "?");
        return kind + " | " + reason + " | " + value.length + " bytes " + digest(value) + " " + start;
    }

    private static String digest(final byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value), 0, 8);
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
