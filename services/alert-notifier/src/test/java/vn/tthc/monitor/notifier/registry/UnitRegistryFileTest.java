package vn.tthc.monitor.notifier.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.org.Organisation;
import vn.tthc.monitor.contract.org.OrganisationFile;
import vn.tthc.monitor.contract.org.UnitMatch;

/**
 * The notifier reads the organisation file through the contract (EVENTS.md section 6), so it refuses the files
 * the contract refuses with the same reason, and reads each unit's heads itself.
 */
class UnitRegistryFileTest {

    private static Path shippedFile() {
        return Path.of(System.getProperty("tthc.spec.dir")).resolveSibling("config").resolve("units.yaml");
    }

    @Test
    void theShippedFileHasEveryUnitOfTheSampleTrafficWithHeadsAndTheCityAbove() {
        final UnitRegistry registry = UnitRegistryFile.read(shippedFile());

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
    void theShippedFileIsAnOrganisationFileWhoseNamesAndAliasesMatch() {
        final Organisation organisation = OrganisationFile.read(shippedFile());

        assertThat(UnitRegistryFile.read(shippedFile()).organisation()).isEqualTo(organisation);
        assertThat(organisation.findByNameOrAliasOrCode("sở nông nghiệp và môi trường"))
            .isEqualTo(new UnitMatch.Found(organisation.unit("SO-TNMT").orElseThrow()));
        assertThat(organisation.descendants("UBND-TP-HCM")).hasSize(organisation.units().size() - 1);
    }

    @Test
    void anUnknownParentStopsTheNotifierWithTheContractsReason() {
        assertThatThrownBy(() -> UnitRegistryFile.parse("""
            units:
              - id: A
                name: Đơn vị A
                parent: B
            """)).isInstanceOf(InvalidUnitRegistryException.class)
            .hasMessage("units: invalid organisation file: units[0] (line 2) 'A': parent 'B' is not listed");
    }

    @Test
    void aCycleOrARepeatedIdStopsTheNotifier() {
        assertThatThrownBy(() -> UnitRegistryFile.parse("""
            units:
              - {id: A, name: Đơn vị A, parent: B}
              - {id: B, name: Đơn vị B, parent: A}
            """)).isInstanceOf(InvalidUnitRegistryException.class).hasMessageContaining("cycle of parents: 'A' → 'B' → 'A'");
        assertThatThrownBy(() -> UnitRegistryFile.parse("""
            units:
              - {id: A, name: Đơn vị A}
              - {id: A, name: Đơn vị A lần hai}
            """)).isInstanceOf(InvalidUnitRegistryException.class).hasMessageContaining("id 'A' is repeated");
    }

    @Test
    void aUnitWithoutHeadsIsKnownWithNoOneToTell() {
        final UnitRegistry registry = UnitRegistryFile.parse("units:\n  - {id: A, name: Đơn vị A, codes: [\"X.1\"]}\n");

        assertThat(registry.unit("A").orElseThrow().heads()).isEmpty();
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
