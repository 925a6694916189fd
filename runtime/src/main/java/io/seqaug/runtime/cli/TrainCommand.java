package io.seqaug.runtime.cli;

import io.seqaug.runtime.experiment.Experiment;
import io.seqaug.runtime.train.StopSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code seqaug train}: one experiment. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train and test one experiment (stage 1, then stage 2 with the augmenter).")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        Bootstrap runtime = options.start();
        Experiment experiment = runtime.injector().getInstance(Experiment.class);
        StopSignal stop = new StopSignal();
        try (Interrupts ignored = Interrupts.install(stop)) {
            experiment.run(runtime.settings(), stop, System.out);
        }
        return 0;
    }
}
