package io.sparktrain.trainer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.config.EarlyStoppingSection;
import io.sparktrain.config.Metric;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
    private static final EarlyStoppingSection ACCURACY = new EarlyStoppingSection(true, Metric.ACCURACY, 2, 0.01, true);
    private static final EarlyStoppingSection LOSS = new EarlyStoppingSection(true, Metric.LOSS, 1, 0.0, true);

    @Test
    void stopsAfterPatienceEpochsWithoutAnImprovementOfMinDelta() {
        EarlyStopping s = EarlyStopping.start().after(1, 0.90, ACCURACY.metric(), ACCURACY.minDelta());
        assertEquals(1, s.bestEpoch());
        s = s.after(2, 0.95, ACCURACY.metric(), ACCURACY.minDelta());
        assertTrue(s.improvedAt(2));
        s = s.after(3, 0.955, ACCURACY.metric(), ACCURACY.minDelta());
        assertFalse(s.improvedAt(3), "0.005 is below min-delta 0.01");
        assertFalse(s.shouldStop(ACCURACY));
        s = s.after(4, 0.94, ACCURACY.metric(), ACCURACY.minDelta());
        assertEquals(2, s.staleEpochs());
        assertTrue(s.shouldStop(ACCURACY));
        assertEquals(2, s.bestEpoch());
        assertEquals(0.95, s.bestValue());
    }

    @Test
    void lossImprovesDownwards() {
        EarlyStopping s = EarlyStopping.start().after(1, 0.5, LOSS.metric(), LOSS.minDelta()).after(2, 0.4, LOSS.metric(), LOSS.minDelta());
        assertEquals(2, s.bestEpoch());
        s = s.after(3, 0.45, LOSS.metric(), LOSS.minDelta());
        assertTrue(s.shouldStop(LOSS));
    }

    @Test
    void disabledNeverStops() {
        EarlyStoppingSection off = new EarlyStoppingSection(false, Metric.ACCURACY, 1, 0, true);
        EarlyStopping s = EarlyStopping.start().after(1, 0.9, off.metric(), off.minDelta()).after(2, 0.1, off.metric(), off.minDelta()).after(3, 0.1, off.metric(), off.minDelta());
        assertFalse(s.shouldStop(off));
    }
}
