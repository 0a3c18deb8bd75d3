package vn.tthc.monitor.tools.sample;

import java.util.List;

/**
 * A small made-up province for sample traffic: a few units with their own habits (how often they
 * are late, how satisfied citizens are, how much goes online) and the fields they handle.
 */
record SampleProvince(List<Unit> units, List<String> fields) {

    /** A unit's habits, as probabilities. */
    record Unit(String id, double lateness, double satisfaction, double online) {
    }

    static SampleProvince standard() {
        return new SampleProvince(List.of(
            new Unit("UBND-P-VTS", 0.01, 0.97, 0.95),
            new Unit("UBND-P-BAN-CO", 0.04, 0.93, 0.80),
            new Unit("UBND-P-XUAN-HOA", 0.02, 0.98, 0.99),
            new Unit("SO-TNMT", 0.06, 0.90, 0.70),
            new Unit("SO-TU-PHAP", 0.015, 0.96, 0.97),
            new Unit("SO-XAY-DUNG", 0.03, 0.95, 0.90)),
            List.of("HO_TICH", "DAT_DAI", "XAY_DUNG", "KINH_DOANH", "TU_PHAP"));
    }
}
