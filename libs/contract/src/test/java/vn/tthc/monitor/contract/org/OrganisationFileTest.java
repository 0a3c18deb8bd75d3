package vn.tthc.monitor.contract.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tthc.monitor.contract.testing.ExampleFiles;

/**
 * EVENTS.md section 6: an organisation file lists units with an id, a name and an optional parent; a
 * repeated, missing or ill-formed id, a missing or empty name, an unlisted parent or a cycle makes the
 * whole file invalid, and the reason names the unit and its line.
 */
class OrganisationFileTest {

    private static InvalidOrganisationException invalid(final String yaml) {
        try {
            OrganisationFile.parse(yaml, "units.yaml");
        } catch (final InvalidOrganisationException e) {
            return e;
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void theSharedExampleReadsAsATreeOfThreeUnits() {
        final Organisation organisation = OrganisationFile.read(ExampleFiles.example("basic.units.yaml"));

        assertThat(organisation.units()).extracting(OrganisationUnit::id).containsExactly("UBND-TP", "UBND-P-VTS", "SO-TNMT");
        assertThat(organisation.unit("UBND-P-VTS").orElseThrow().name()).isEqualTo("UBND phường Võ Thị Sáu");
        assertThat(organisation.unit("UBND-P-VTS").orElseThrow().parent()).contains("UBND-TP");
        assertThat(organisation.hasChildren("UBND-TP")).isTrue();
        assertThat(organisation.hasChildren("SO-TNMT")).isFalse();
    }

    @Test
    void aliasesCodesAndFurtherKeysAreRead() {
        final Organisation organisation = OrganisationFile.parse("""
            units:
              - id: UBND-TP
                name: UBND thành phố
                aliases: [Ủy ban nhân dân thành phố]
                codes: ["000.00.00.H29"]
                heads: [{name: Lê Minh Quang, email: quang.le@example.org}]
                contacts: {phone: "028 1234"}
            """);

        final OrganisationUnit unit = organisation.unit("UBND-TP").orElseThrow();
        assertThat(unit.aliases()).containsExactly("Ủy ban nhân dân thành phố");
        assertThat(unit.codes()).containsExactly("000.00.00.H29");
        assertThat(unit.parent()).isEmpty();
    }

    @Test
    void otherTopLevelKeysAreLeftToTheirReaders() {
        assertThat(OrganisationFile.parse("version: 2\nunits:\n  - {id: A, name: An}\n").units()).hasSize(1);
    }

    @Test
    void aFileIsReadFromItsPath(@TempDir final Path dir) throws Exception {
        final Path file = Files.writeString(dir.resolve("units.yaml"), "units:\n  - {id: A, name: Đơn vị A}\n");

        assertThat(OrganisationFile.read(file).unit("A").orElseThrow().name()).isEqualTo("Đơn vị A");
    }

    @Test
    void aRepeatedIdNamesBothPlaces() {
        final InvalidOrganisationException e = invalid("""
            units:
              - {id: A, name: An}
              - {id: B, name: Bình}
              - {id: A, name: An lần hai}
            """);

        assertThat(e.problems()).containsExactly("units[2] (line 4) 'A': id 'A' is repeated (first at units[0] (line 2))");
        assertThat(e.getMessage()).startsWith("units.yaml: invalid organisation file: units[2] (line 4)");
    }

    @Test
    void aMissingIdIsInvalid() {
        assertThat(invalid("units:\n  - {id: A, name: An}\n  - {name: Bình}\n").problems())
            .containsExactly("units[1] (line 3): missing 'id'");
    }

    @Test
    void anIdThatBreaksTheIdentifierRuleIsInvalid() {
        assertThat(invalid("units:\n  - {id: \"A \", name: An}\n").problems())
            .containsExactly("units[0] (line 2) 'A ': id 'A ' must not end with white space (U+0020)");
        assertThat(invalid("units:\n  - {id: \"\", name: An}\n").problems())
            .containsExactly("units[0] (line 2): id '' must not be empty");
        assertThat(invalid("units:\n  - {id: \"Hòa\", name: An}\n".replace("ò", "o\u0300")).problems())
            .singleElement().asString().endsWith("must be in Unicode normalisation form NFC");
    }

    @Test
    void anUnquotedNumericIdIsInvalidRatherThanReadAsAnotherId() {
        assertThat(invalid("units:\n  - {id: 001, name: An}\n").problems())
            .containsExactly("units[0] (line 2): 'id' must be text (quote it, as \"001\"), was number 1");
    }

    @Test
    void aMissingOrEmptyNameIsInvalid() {
        assertThat(invalid("units:\n  - {id: A}\n  - {id: B, name: \"  \"}\n").problems())
            .containsExactly("units[0] (line 2) 'A': missing 'name'", "units[1] (line 3) 'B': 'name' is empty");
    }

    @Test
    void aParentThatIsNotListedIsInvalid() {
        assertThat(invalid("units:\n  - {id: A, name: An, parent: UBND}\n").problems())
            .containsExactly("units[0] (line 2) 'A': parent 'UBND' is not listed");
    }

    @Test
    void aCycleIsInvalidWithItsMembers() {
        final InvalidOrganisationException e = invalid("""
            units:
              - {id: ROOT, name: Gốc}
              - {id: A, name: An, parent: C}
              - {id: B, name: Bình, parent: A}
              - {id: C, name: Cường, parent: B}
              - {id: D, name: Dung, parent: C}
            """);

        assertThat(e.problems())
            .containsExactly("cycle of parents: 'A' → 'C' → 'B' → 'A' (units[1] (line 3), units[3] (line 5), units[2] (line 4))");
    }

    @Test
    void aUnitThatIsItsOwnParentIsACycle() {
        assertThat(invalid("units:\n  - {id: A, name: An, parent: A}\n").problems())
            .containsExactly("cycle of parents: 'A' → 'A' (units[0] (line 2))");
    }

    @Test
    void everyProblemOfTheFileIsReportedAtOnce() {
        assertThat(invalid("units:\n  - {id: A}\n  - {id: B, name: Bình, parent: X}\n").problems()).hasSize(2);
    }

    @Test
    void aRepeatedKeyInAUnitIsInvalidRatherThanOneOfThemWinning() {
        assertThat(invalid("units:\n  - {id: A, name: An, parent: B, parent: C}\n  - {id: B, name: Bình}\n").getMessage())
            .contains("not valid YAML").contains("parent");
    }

    @Test
    void aFileWithoutAListOfUnitsIsInvalid() {
        assertThat(invalid("").problems()).containsExactly("the document must be a mapping with a list 'units'");
        assertThat(invalid("unit:\n  - {id: A, name: An}\n").problems()).containsExactly("needs a list 'units'");
        assertThat(invalid("units: {id: A}\n").problems()).containsExactly("'units' (line 1) must be a list, was object");
        assertThat(invalid("units:\n  - A\n").problems())
            .containsExactly("units[0] (line 2): must be a mapping with 'id' and 'name', was string");
    }

    @Test
    void aliasesAndCodesAreListsOfText() {
        assertThat(invalid("units:\n  - {id: A, name: An, aliases: Ân}\n").problems())
            .containsExactly("units[0] (line 2): 'aliases' must be a list of text, was string");
        assertThat(invalid("units:\n  - {id: A, name: An, codes: [12]}\n").problems())
            .containsExactly("units[0] (line 2): codes[0] must be text (quote it), was number 12");
        assertThat(invalid("units:\n  - {id: A, name: An, aliases: [\" \"]}\n").problems())
            .containsExactly("units[0] (line 2) 'A': aliases[0] is empty");
    }

    @Test
    void notYamlIsInvalidWithTheParsersReason() {
        assertThat(invalid("units: [ {id: A").getMessage()).startsWith("units.yaml: invalid organisation file: not valid YAML:");
    }

    @Test
    void aFileThatCannotBeReadIsInvalid(@TempDir final Path dir) {
        assertThatThrownBy(() -> OrganisationFile.read(dir.resolve("missing.yaml")))
            .isInstanceOf(InvalidOrganisationException.class)
            .hasMessageContaining("missing.yaml: invalid organisation file: cannot be read");
    }

    @Test
    void unitsBuiltInCodeFollowTheSameRules() {
        assertThatThrownBy(() -> Organisation.of(List.of(new OrganisationUnit("A", "An", "B", List.of(), List.of()))))
            .isInstanceOf(InvalidOrganisationException.class)
            .hasMessage("organisation: invalid organisation file: units[0] 'A': parent 'B' is not listed");
    }
}
