package vn.tthc.monitor.kpi.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tthc.monitor.contract.org.OrganisationFile;
import vn.tthc.monitor.kpi.api.OrganisationController.UnitNode;
import vn.tthc.monitor.contract.testing.ExampleFiles;

class OrganisationControllerTest {

    @Test
    void theTreeListsEachParentBeforeItsChildrenWithNamesAndDepthsAndNoHeads() {
        final OrganisationController controller = new OrganisationController(OrganisationFile.parse("""
            units:
              - {id: SO-TNMT, name: Sở Nông nghiệp và Môi trường, heads: [{name: A, email: a@example.org}]}
              - {id: UBND-P-VTS, name: UBND phường Võ Thị Sáu, parent: UBND-TP}
              - {id: TO-1, name: Tổ một cửa, parent: UBND-P-VTS}
              - {id: UBND-TP, name: UBND thành phố}
            """));

        assertThat(controller.organisation().units()).containsExactly(
            new UnitNode("SO-TNMT", "Sở Nông nghiệp và Môi trường", null, 0, false),
            new UnitNode("UBND-TP", "UBND thành phố", null, 0, true),
            new UnitNode("UBND-P-VTS", "UBND phường Võ Thị Sáu", "UBND-TP", 1, true),
            new UnitNode("TO-1", "Tổ một cửa", "UBND-P-VTS", 2, false));
    }

    @Test
    void theSharedExamplesOrganisationHasTheCityAboveTheWard() {
        final List<UnitNode> units = new OrganisationController(
            OrganisationFile.read(ExampleFiles.example("basic.units.yaml"))).organisation().units();

        assertThat(units).extracting(UnitNode::id).containsExactly("UBND-TP", "UBND-P-VTS", "SO-TNMT");
    }
}
