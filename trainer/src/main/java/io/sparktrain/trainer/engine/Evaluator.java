package io.sparktrain.trainer.engine;

import java.util.Map;

/**
 * Measures a network after an epoch. The training loop asks for validation metrics (with the
 * loss; empty when nothing is held out) and test metrics (reported only, never used to decide).
 */
public interface Evaluator {
    Map<String, Double> validation(Network network);

    Map<String, Double> test(Network network);
}
