package io.sparktrain.trainer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.config.EarlyStoppingSection;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
    private static final EarlyStoppingSection ACCURACY = new EarlyStoppingSection(true, "accuracy", 2, 0.01, true);
    private static final EarlyStoppingSection LOSS = new EarlyStoppingSection(true, "loss", 1, 0.0, true);

    @Test
    void stopsAfterPatienceEpochsWithoutAnImprovementOfMinDelta() {
        EarlyStopping s = EarlyStopping.start().after(1, 0.90, ACCURACY);
        assertEquals(1, s.bestEpoch());
        s = s.after(2, 0.95, ACCURACY);
        assertTrue(s.improvedAt(2));
        s = s.after(3, 0.955, ACCURACY);
        assertFalse(s.improvedAt(3), "0.005 is below min-delta 0.01");
        assertFalse(s.shouldStop(ACCURACY));
        s = s.after(4, 0.94, ACCURACY);
        assertEquals(2, s.staleEpochs());
        assertTrue(s.shouldStop(ACCURACY));
        assertEquals(2, s.bestEpoch());
        assertEquals(0.95, s.bestValue());
    }

    @Test
    void lossImprovesDownwards() {
        EarlyStopping s = EarlyStopping.start().after(1, 0.5, LOSS).after(2, 0.4, LOSS);
        assertEquals(2, s.bestEpoch());
        s = s.after(3, 0.45, LOSS);
        assertTrue(s.shouldStop(LOSS));
    }

    @Test
    void disabledNeverStops() {
        EarlyStoppingSection off = new EarlyStoppingSection(false, "accuracy", 1, 0, true);
        EarlyStopping s = EarlyStopping.start().after(1, 0.9, off).after(2, 0.1, off).after(3, 0.1, off);
        assertFalse(s.shouldStop(off));
    }
}
