package org.afannotator.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisagreementCsvDistanceTest {
    @Test
    void theDistanceIsWrittenWithoutBinaryNoise() {
        // Regression: 0.909 - 0.5 was written 0.40900000000000003.
        assertThat(DisagreementCsv.distance(Math.abs(0.909 - 0.5))).isEqualTo("0.409");
        assertThat(DisagreementCsv.distance(Math.abs(0.5 - 0.843))).isEqualTo("0.343");
        assertThat(DisagreementCsv.distance(0.0)).isEqualTo("0");
        assertThat(DisagreementCsv.distance(1e-15)).isEqualTo("0.000000000000001");
        assertThat(Double.parseDouble(DisagreementCsv.distance(0.123456789012345))).isEqualTo(0.123456789012);
    }
}
