package io.sparktrain.trainer.model;

import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * How the learning rate changes from epoch to epoch. DL4J counts epochs on the network itself
 * (the training loop increments it), so the schedule survives parameter averaging.
 */
public sealed interface LearningRateSchedule {
    ISchedule dl4j(double initial);

    /** The same rate throughout. */
    record Constant() implements LearningRateSchedule {
        @Override
        public ISchedule dl4j(double initial) {
            return new FixedSchedule(initial);
        }
    }

    /** {@code rate * decay^floor(epoch / every)}: drops by {@code decay} every {@code every} epochs. */
    record Step(double decay, int every) implements LearningRateSchedule {
        @Override
        public ISchedule dl4j(double initial) {
            return new StepSchedule(ScheduleType.EPOCH, initial, decay, every);
        }
    }

    /** {@code rate * decay^epoch}. */
    record Exponential(double decay) implements LearningRateSchedule {
        @Override
        public ISchedule dl4j(double initial) {
            return new ExponentialSchedule(ScheduleType.EPOCH, initial, decay);
        }
    }
}
