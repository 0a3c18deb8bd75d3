package vn.tthc.monitor.contract.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The tree of an organisation (ancestors parent-first, children, descendants), its fingerprint, and the
 * matching of the names other systems give a unit: NFC, case folding and white space do not matter, ids
 * are matched exactly elsewhere, and an ambiguous name is reported, not guessed.
 */
class OrganisationTest {

    private static final Organisation PROVINCE = OrganisationFile.parse("""
        units:
          - {id: UBND-TINH, name: UBND tỉnh, codes: ["000.00.00.H29"]}
          - {id: SO-TNMT, name: Sở Nông nghiệp và Môi trường, parent: UBND-TINH,
             aliases: [Sở Tài nguyên và Môi trường, Sở NN&MT]}
          - {id: UBND-P-VTS, name: UBND phường Võ Thị Sáu, parent: UBND-TINH}
          - {id: KP-1, name: Khu phố 1, parent: UBND-P-VTS}
          - {id: UBND-P-BC, name: UBND phường Bàn Cờ, parent: UBND-TINH, aliases: [Phường 1]}
          - {id: UBND-X-BD, name: UBND xã Bình Đông, aliases: [Phường 1]}
        """);

    @Test
    void ancestorsComeParentFirst() {
        assertThat(PROVINCE.ancestors("KP-1")).extracting(OrganisationUnit::id).containsExactly("UBND-P-VTS", "UBND-TINH");
        assertThat(PROVINCE.ancestors("UBND-TINH")).isEmpty();
        assertThat(PROVINCE.ancestors("NOT-LISTED")).isEmpty();
    }

    @Test
    void childrenAndDescendantsFollowTheFile() {
        assertThat(PROVINCE.children("UBND-TINH")).extracting(OrganisationUnit::id)
            .containsExactly("SO-TNMT", "UBND-P-VTS", "UBND-P-BC");
        assertThat(PROVINCE.descendants("UBND-TINH")).extracting(OrganisationUnit::id)
            .containsExactly("SO-TNMT", "UBND-P-VTS", "KP-1", "UBND-P-BC");
        assertThat(PROVINCE.hasChildren("UBND-P-VTS")).isTrue();
        assertThat(PROVINCE.hasChildren("KP-1")).isFalse();
        assertThat(PROVINCE.hasChildren("NOT-LISTED")).isFalse();
    }

    @Test
    void theFingerprintIgnoresOrderNamesAndOtherKeys() {
        final Organisation same = OrganisationFile.parse("""
            units:
              - {id: UBND-X-BD, name: Xã Bình Đông}
              - {id: KP-1, name: Khu phố một, parent: UBND-P-VTS}
              - {id: UBND-P-BC, name: Bàn Cờ, parent: UBND-TINH}
              - {id: UBND-P-VTS, name: Võ Thị Sáu, parent: UBND-TINH, heads: [{name: An, email: an@example.org}]}
              - {id: SO-TNMT, name: Sở, parent: UBND-TINH}
              - {id: UBND-TINH, name: Tỉnh}
            """);

        assertThat(same.fingerprint()).isEqualTo(PROVINCE.fingerprint()).hasSize(64);
    }

    @Test
    void theFingerprintChangesWhenAUnitMoves() {
        final Organisation moved = OrganisationFile.parse("""
            units:
              - {id: UBND-TINH, name: UBND tỉnh}
              - {id: SO-TNMT, name: Sở, parent: UBND-TINH}
              - {id: UBND-P-VTS, name: Võ Thị Sáu, parent: UBND-TINH}
              - {id: KP-1, name: Khu phố 1, parent: UBND-P-BC}
              - {id: UBND-P-BC, name: Bàn Cờ, parent: UBND-TINH}
              - {id: UBND-X-BD, name: Xã Bình Đông}
            """);

        assertThat(moved.fingerprint()).isNotEqualTo(PROVINCE.fingerprint());
    }

    @Test
    void aNameMatchesWhateverItsCaseAndSpacing() {
        assertThat(PROVINCE.findByNameOrAliasOrCode("ubnd  PHƯỜNG võ thị sáu "))
            .isEqualTo(new UnitMatch.Found(PROVINCE.unit("UBND-P-VTS").orElseThrow()));
    }

    @Test
    void aNameInDecomposedUnicodeMatches() {
        final String nfd = java.text.Normalizer.normalize("UBND phường Võ Thị Sáu", java.text.Normalizer.Form.NFD);

        assertThat(nfd).isNotEqualTo("UBND phường Võ Thị Sáu");
        assertThat(PROVINCE.findByNameOrAliasOrCode(nfd)).isInstanceOf(UnitMatch.Found.class);
    }

    @Test
    void anAliasOrACodeMatches() {
        assertThat(PROVINCE.findByNameOrAliasOrCode("sở tài nguyên và môi trường"))
            .isEqualTo(new UnitMatch.Found(PROVINCE.unit("SO-TNMT").orElseThrow()));
        assertThat(PROVINCE.findByNameOrAliasOrCode("000.00.00.h29"))
            .isEqualTo(new UnitMatch.Found(PROVINCE.unit("UBND-TINH").orElseThrow()));
    }

    @Test
    void anAmbiguousNameIsReportedWithItsCandidates() {
        assertThat(PROVINCE.findByNameOrAliasOrCode("PHƯỜNG 1")).isEqualTo(new UnitMatch.Ambiguous("PHƯỜNG 1",
            java.util.List.of(PROVINCE.unit("UBND-P-BC").orElseThrow(), PROVINCE.unit("UBND-X-BD").orElseThrow())));
    }

    @Test
    void idsAreNotMatchedByName() {
        assertThat(PROVINCE.findByNameOrAliasOrCode("SO-TNMT")).isEqualTo(new UnitMatch.NotFound("SO-TNMT"));
        assertThat(PROVINCE.findByNameOrAliasOrCode("Sở Nông nghiệp")).isInstanceOf(UnitMatch.NotFound.class);
    }

    @Test
    void idsAreNeverNormalised() {
        final Organisation organisation = OrganisationFile.parse("units:\n  - {id: ubnd-a, name: A}\n  - {id: UBND-A, name: B}\n");

        assertThat(organisation.unit("ubnd-a").orElseThrow().name()).isEqualTo("A");
        assertThat(organisation.unit("UBND-A").orElseThrow().name()).isEqualTo("B");
        assertThat(organisation.unit("Ubnd-A")).isEmpty();
    }
}
