package vn.tthc.monitor.notifier.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitRegistryFileTest {

    @Test
    void theShippedFileHasEveryUnitOfTheSampleTrafficWithHeadsAndTheCityAbove() {
        final UnitRegistry registry = UnitRegistryFile.read(Path.of(System.getProperty("tthc.spec.dir"))
            .resolveSibling("config").resolve("units.yaml"));

        for (final String id : List.of("UBND-P-VTS", "UBND-P-BAN-CO", "UBND-P-XUAN-HOA", "SO-TNMT", "SO-TU-PHAP",
            "SO-XAY-DUNG")) {
            final Unit unit = registry.unit(id).orElseThrow();
            assertThat(unit.heads()).isNotEmpty();
            assertThat(unit.heads()).allSatisfy(head -> assertThat(head.email()).endsWith("@example.org"));
            assertThat(registry.parentOf(id).orElseThrow().name()).isEqualTo("UBND Thành phố Hồ Chí Minh");
        }
        assertThat(registry.unit("UBND-P-BAN-CO").orElseThrow().name()).isEqualTo("UBND phường Bàn Cờ");
    }

    @Test
    void aHeadMayHaveAWebhook() {
        final UnitRegistry registry = UnitRegistryFile.parse("""
            units:
              - id: A
                name: Đơn vị A
                heads:
                  - name: Một
                    email: mot@example.org
                    webhook: https://hooks.example.invalid/a
            """);

        assertThat(registry.unit("A").orElseThrow().heads().get(0).webhookUri())
            .contains(URI.create("https://hooks.example.invalid/a"));
    }

    @Test
    void anUnknownParentIsAnError() {
        assertThatThrownBy(() -> UnitRegistryFile.parse("""
            units:
              - id: A
                name: Đơn vị A
                parent: B
            """)).isInstanceOf(InvalidUnitRegistryException.class).hasMessageContaining("unknown parent 'B'");
    }

    @Test
    void aHeadWithoutAnEmailIsAnErrorThatSaysWhere() {
        assertThatThrownBy(() -> UnitRegistryFile.parse("""
            units:
              - id: A
                name: Đơn vị A
                heads:
                  - name: Một
            """)).isInstanceOf(InvalidUnitRegistryException.class).hasMessageContaining("units[0].heads[0]: needs 'email'");
    }
}
