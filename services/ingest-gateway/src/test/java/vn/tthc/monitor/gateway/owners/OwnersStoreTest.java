package vn.tthc.monitor.gateway.owners;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDBException;
import vn.tthc.monitor.testing.TestDirectories;

/** The local store of the owners: the first claim of an entity wins, positions persist with it, another topic empties it. */
class OwnersStoreTest {

    private static final long CACHE = 1L << 20;

    @Test
    void the_first_claim_of_an_entity_makes_its_owner_and_later_claims_by_another_source_lost() throws RocksDBException {
        try (OwnersStore store = OwnersStore.open(TestDirectories.fresh("owners"), "topic-1", CACHE)) {
            final List<Claim> lost = store.apply(List.of(new Claim("case:C-1", "a"), new Claim("case:C-1", "b"),
                new Claim("event:e-1", "b"), new Claim("case:C-1", "a")), Map.of(0, 4L));
            assertThat(lost).containsExactly(new Claim("case:C-1", "b"));
            assertThat(store.apply(List.of(new Claim("event:e-1", "a"), new Claim("event:e-1", "b")), Map.of(0, 6L)))
                .containsExactly(new Claim("event:e-1", "a"));
            assertThat(store.owner("case:C-1")).isEqualTo("a");
            assertThat(store.owner("event:e-1")).isEqualTo("b");
            assertThat(store.owner("case:C-2")).isNull();
        }
    }

    @Test
    void owners_and_positions_survive_a_reopen_and_another_topic_empties_the_store() throws RocksDBException {
        final Path directory = TestDirectories.fresh("owners");
        try (OwnersStore store = OwnersStore.open(directory, "topic-1", CACHE)) {
            store.apply(List.of(new Claim("feedback:F-1", "a")), Map.of(0, 1L, 2, 7L));
        }
        try (OwnersStore store = OwnersStore.open(directory, "topic-1", CACHE)) {
            assertThat(store.owner("feedback:F-1")).isEqualTo("a");
            assertThat(store.positions(3)).isEqualTo(Map.of(0, 1L, 2, 7L));
        }
        try (OwnersStore store = OwnersStore.open(directory, "topic-2", CACHE)) {
            assertThat(store.owner("feedback:F-1")).as("a topic of the same name made again").isNull();
            assertThat(store.positions(3)).isEmpty();
        }
    }
}
