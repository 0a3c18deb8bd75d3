package vn.tthc.monitor.gateway.owners;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import vn.tthc.monitor.contract.event.Event;

/**
 * Which source owns each case, feedback and event id (docs/INGEST.md, "Authority per source"): the
 * source of the entity's claim at the lowest offset of the entity owners topic. Takes an event and
 * the source of its key; refuses it with the reason when another source owns its entity or its id,
 * else claims what the source does not own yet. Answers from the local store and, until the store
 * has read them back, from the claims of this instance.
 */
public final class EntityOwners implements AutoCloseable {

    /** Claims of this instance not yet read back; above this every request is answered 503. */
    public static final int MAX_PENDING = 100_000;

    private final ClaimsTopic topic;
    private final ClaimsReader reader;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** This instance's claim of an entity, until the store has read a claim of it. */
    private record Pending(String source, CompletableFuture<Void> acknowledged) {
    }

    /** What becomes of an event: refused with a reason, or claimed (its claims acknowledged or failed). */
    public sealed interface Verdict permits Refused, Claimed {
    }

    public record Refused(String reason) implements Verdict {
    }

    /** {@code acknowledged} completes once every claim the event relies on is acknowledged, its own or another request's. */
    public record Claimed(CompletableFuture<Void> acknowledged) implements Verdict {
    }

    /** A snapshot for /health. */
    public record Status(ClaimsReader.State state, String topic, long claimsRead, int pendingClaims,
                         Map<Integer, Long> positions, String error) {
    }

    /** Starts the reader of the topic; call {@link #close()} to stop it. */
    public EntityOwners(final ClaimsTopic topic, final ClaimsReader.Settings settings,
                        final Admin admin) {
        this.topic = topic;
        this.reader = new ClaimsReader(settings, admin, topic, pending::remove);
        this.reader.start();
    }

    /** True once the store has read the topic to where it ended at start, and while it follows it. */
    public boolean ready() {
        return reader.state() == ClaimsReader.State.LOADED && pending.size() < MAX_PENDING;
    }

    /** Why {@link #ready()} is false, for the sender (no internal detail). */
    public String unavailableReason() {
        return switch (reader.state()) {
            case STARTING, LOADING -> "the gateway is still reading the owners of cases, feedback and event ids; re-send shortly";
            case FAILED -> "the gateway cannot read the owners of cases, feedback and event ids; re-send later";
            case LOADED -> "too many claims of this gateway wait to be read back; re-send shortly";
        };
    }

    /**
     * Refuses {@code event} when its entity or its id belongs to another source than {@code source};
     * else claims, for {@code source}, what nobody owns yet (one record per claim, written now).
     * Call only when {@link #ready()}.
     */
    public Verdict claim(final Event event, final String source) {
        final List<String> entities = Claim.entitiesOf(event);
        final List<String> unstored = new ArrayList<>(entities.size());
        for (final String entity : entities) {
            final String stored = reader.owner(entity);
            final Pending claimed = stored == null ? pending.get(entity) : null;
            final String owner = stored != null ? stored : claimed == null ? null : claimed.source();
            if (owner != null && !owner.equals(source)) {
                return new Refused(Claim.refusal(entity, owner));
            }
            if (stored == null) {
                unstored.add(entity);
            }
        }
        final List<CompletableFuture<Void>> acknowledgements = new ArrayList<>();
        final List<Map.Entry<String, Pending>> created = new ArrayList<>();
        for (final String entity : unstored) {
            final Pending mine = new Pending(source, new CompletableFuture<>());
            final Pending held = pending.putIfAbsent(entity, mine);
            if (held == null) {
                created.add(Map.entry(entity, mine));
                acknowledgements.add(mine.acknowledged());
            } else if (held.source().equals(source)) {
                acknowledgements.add(held.acknowledged());
            } else {
                // another request of this instance claimed it since the check above
                created.forEach(entry -> pending.remove(entry.getKey(), entry.getValue()));
                return new Refused(Claim.refusal(entity, held.source()));
            }
        }
        final int partitions = reader.partitions();
        for (final Map.Entry<String, Pending> entry : created) {
            final Pending mine = entry.getValue();
            topic.append(new Claim(entry.getKey(), source), partitions).whenComplete((ok, failure) -> {
                if (failure != null) {
                    pending.remove(entry.getKey(), mine);
                    mine.acknowledged().completeExceptionally(failure);
                } else {
                    mine.acknowledged().complete(null);
                }
            });
        }
        return new Claimed(acknowledgements.isEmpty() ? CompletableFuture.completedFuture(null)
            : CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new)));
    }

    public Status status() {
        return new Status(reader.state(), topic.name(), reader.claimsRead(), pending.size(), reader.positions(),
            reader.error());
    }

    /** The local store once open (its figures for /health), else {@code null}. */
    public OwnersStore store() {
        return reader.store();
    }

    @Override
    public void close() {
        reader.close();
    }
}
