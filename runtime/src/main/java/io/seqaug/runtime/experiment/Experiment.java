package io.seqaug.runtime.experiment;

import ai.djl.ndarray.NDManager;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import io.seqaug.api.Augmenter;
import io.seqaug.api.Backbone;
import io.seqaug.api.TrainingStage;
import io.seqaug.datasets.DatasetException;
import io.seqaug.datasets.LeaveOneOutSplit;
import io.seqaug.datasets.NegativeSampler;
import io.seqaug.datasets.SequenceDataset;
import io.seqaug.datasets.SequenceFileReader;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.ConfigLoader;
import io.seqaug.runtime.config.Settings;
import io.seqaug.runtime.config.SettingsDifferences;
import io.seqaug.runtime.eval.FullRankingEvaluator;
import io.seqaug.runtime.eval.Metrics;
import io.seqaug.runtime.eval.UserRanks;
import io.seqaug.runtime.plugins.ProviderRegistry;
import io.seqaug.runtime.report.AtomicFiles;
import io.seqaug.runtime.report.ProcessMemory;
import io.seqaug.runtime.train.Checkpoint;
import io.seqaug.runtime.train.EpochRecord;
import io.seqaug.runtime.train.ResumePoint;
import io.seqaug.runtime.train.RunInputs;
import io.seqaug.runtime.train.StageProgress;
import io.seqaug.runtime.train.StageResult;
import io.seqaug.runtime.train.StopSignal;
import io.seqaug.runtime.train.TrainOptions;
import io.seqaug.runtime.train.Trainer;
import io.seqaug.runtime.train.TrainingListener;
import jakarta.inject.Inject;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One experiment: load and split the data, build the backbone and augmenter named in the settings,
 * train stage 1 (or load it from {@code init-from}), train stage 2 with the augmenter, and test the
 * best parameters. Writes into its run folder: {@code config.conf}, {@code epochs.jsonl},
 * {@code stage1.ckpt}, {@code best.ckpt}, after every epoch {@code resume.ckpt} and, atomically at
 * the end, {@code results.json}.
 *
 * <p>A run that was interrupted (stopped, killed, preempted) leaves its {@code resume.ckpt} behind;
 * started again in the same folder with the same settings, it continues from the end of its last
 * finished epoch and ends exactly as it would have without the interruption
 * ({@code seqaug.train.resume = false} starts it over). A finished run removes the file.
 */
public final class Experiment {

    private final ProviderRegistry registry;

    /**
     * Created by Guice.
     *
     * @param registry the providers by name
     */
    @Inject
    public Experiment(ProviderRegistry registry) {
        this.registry = registry;
    }

    /**
     * Refuses a grid variant named like an augmenter provider: its cells would run the variant's
     * augmenter while every report showed the provider's name.
     *
     * @param variant the variant's name
     * @param augmenter the provider it runs
     */
    public void requireDistinctVariantName(String variant, String augmenter) {
        if (registry.hasAugmenter(variant) && !variant.equals(augmenter)) {
            throw new ConfigError("grid.variants name '" + variant + "' is the name of the augmenter provider " + variant
                    + ", but the variant runs " + augmenter + ": reports could not tell them apart; rename the variant");
        }
    }

    /**
     * Checks what can be checked without training: the backbone and augmenter names, the training
     * and evaluation settings and, if asked, that the data can be found (a registered dataset may be
     * downloaded here, as its run would). Settings that only a provider understands are checked
     * when the provider is built.
     *
     * @param settings the settings of one run
     * @param checkData whether to look the dataset up
     */
    public void validate(Settings settings, boolean checkData) {
        registry.backbone(settings.string("model.backbone"));
        registry.augmenter(settings.string("augmenter.name"));
        TrainOptions.from(settings);
        for (String stage : List.of("stage1", "stage2")) {
            int epochs = settings.integer("train." + stage + ".epochs", 0, Integer.MAX_VALUE);
            int startValid = settings.integer("train." + stage + ".start-valid", 0, Integer.MAX_VALUE);
            boolean skipped = stage.equals("stage1") && !settings.string("train.init-from").isEmpty();
            if (epochs > 0 && startValid >= epochs && !skipped) {
                throw new ConfigError("seqaug.train." + stage + ".start-valid = " + startValid + " ("
                        + settings.origin("train." + stage + ".start-valid") + ") is not below seqaug.train." + stage
                        + ".epochs = " + epochs + ": no epoch of the stage would be validated, none could become the "
                        + "best, and the stage's training would be thrown away; lower start-valid or raise epochs");
            }
        }
        if (stagesThatTrain(settings).isEmpty() && settings.string("train.init-from").isEmpty()) {
            throw new ConfigError("seqaug.train.stage1.epochs (" + settings.origin("train.stage1.epochs")
                    + ") and seqaug.train.stage2.epochs (" + settings.origin("train.stage2.epochs") + ") are both 0: "
                    + "nothing would train, and the run would report an untrained model's metrics; give a stage epochs "
                    + "(seqaug evaluate --checkpoint scores a saved model)");
        }
        FullRankingEvaluator.from(settings);
        settings.flag("train.resume");
        if (checkData) {
            DataLoading.locate(settings);
        }
    }

    /** The stages that run epochs: stage 1 when it has epochs and is not loaded from init-from, stage 2 when it has epochs. */
    private static Set<TrainingStage> stagesThatTrain(Settings settings) {
        Set<TrainingStage> stages = EnumSet.noneOf(TrainingStage.class);
        if (settings.integer("train.stage1.epochs", 0, Integer.MAX_VALUE) > 0 && settings.string("train.init-from").isEmpty()) {
            stages.add(TrainingStage.BACKBONE);
        }
        if (settings.integer("train.stage2.epochs", 0, Integer.MAX_VALUE) > 0) {
            stages.add(TrainingStage.AUGMENTED);
        }
        return stages;
    }

    /**
     * Refuses an augmenter that is active only in stages that will not train: the run would be plain
     * training (or a loaded model) reported under the augmenter's name. {@code none} is active nowhere.
     */
    private static void requireAugmenterTrains(Settings settings, String name, Augmenter augmenter) {
        Set<TrainingStage> active = augmenter.activeStages();
        if (active.isEmpty() || !Collections.disjoint(active, stagesThatTrain(settings))) {
            return;
        }
        boolean stage2 = active.contains(TrainingStage.AUGMENTED);
        String key = stage2 ? "train.stage2.epochs" : "train.stage1.epochs";
        String why = settings.integer(key, 0, Integer.MAX_VALUE) > 0 ? "stage 1 is loaded from seqaug.train.init-from"
                : "seqaug." + key + " = 0, " + settings.origin(key);
        throw new ConfigError("augmenter " + name + " trains in stage " + (stage2 ? 2 : 1) + ", which runs no epoch here ("
                + why + "): the run would be training without it, reported as " + name + "; give that stage epochs");
    }

    /**
     * Runs the experiment.
     *
     * @param settings the validated settings
     * @param stop ends training early when requested (Ctrl-C)
     * @param console where progress lines go
     * @return the result
     */
    public RunResult run(Settings settings, StopSignal stop, PrintStream console) {
        long started = System.nanoTime();
        String backboneName = settings.string("model.backbone");
        String augmenterName = settings.string("augmenter.name");
        // Fail on unknown names and bad values before any data is read.
        validate(settings, false);
        TrainOptions options = TrainOptions.from(settings);
        int stage1Epochs = settings.integer("train.stage1.epochs", 0, Integer.MAX_VALUE);
        int stage2Epochs = settings.integer("train.stage2.epochs", 0, Integer.MAX_VALUE);
        String initFrom = settings.string("train.init-from");

        ExperimentSetup setup = ExperimentSetup.load(settings, registry);
        SequenceDataset dataset = setup.dataset();
        LeaveOneOutSplit split = setup.split();
        FullRankingEvaluator evaluator = setup.evaluator();
        RunFolder folder = RunFolder.of(settings);
        Path runDir = folder.dir();
        // Stored in checkpoints, parsed back by `seqaug evaluate`: JSON is exact and compact.
        String configText = settings.config().getConfig("seqaug").root().render(ConfigRenderOptions.concise());
        Backbone backbone = setup.backbone(backboneName);
        Augmenter augmenter = setup.augmenter(augmenterName, backbone);
        requireAugmenterTrains(settings, augmenterName, augmenter);
        // Everything that can be checked is checked before the run folder is touched.
        String dataFingerprint = dataset.fingerprint();
        Checkpoint start = null;
        if (!initFrom.isEmpty()) {
            start = initialParameters(initFrom, backboneName, backbone, setup, dataFingerprint);
        }
        RunInputs inputs = new RunInputs(dataFingerprint, start == null ? "" : start.parametersFingerprint());
        RunFolder.requireOwnKind(runDir, false);
        ResumePoint resume = resumePoint(settings, runDir, backboneName, backbone, inputs);
        if (resume == null) {
            requireNoOtherFinishedRun(settings, folder, inputs);
        }
        if (split.trainingInputs().stream().allMatch(input -> input.length == 0)) {
            throw new DatasetException(dataset.name() + ": no training sequences (every user has at most "
                    + SequenceFileReader.MIN_ITEMS + " items, all of which go to validation and test); nothing to train on");
        }

        try (RunLock lock = RunLock.acquire(runDir); NDManager root = NDManager.newBaseManager()) {
            Path epochLog = folder.epochs();
            // A continued run keeps the epoch lines up to where it continues; a new run starts an empty log.
            List<String> kept = resume == null ? List.of() : EpochLog.read(runDir).linesBefore(resume.progress());
            backbone.initialize(root);
            // A folder being rerun no longer holds finished results until this run writes its own.
            Files.deleteIfExists(folder.results());
            // A root object renders without its braces: keep it under its "seqaug" key so that the file
            // is a valid -c input for rerunning the experiment.
            AtomicFiles.writeString(folder.config(), settings.config().getConfig("seqaug").atKey("seqaug").root()
                    .render(ConfigRenderOptions.defaults().setOriginComments(false).setComments(false).setJson(false)));
            Path resumeFile = folder.resume();
            if (resume == null) {
                Files.deleteIfExists(resumeFile);
            }
            try (BufferedWriter log = Files.newBufferedWriter(epochLog, StandardCharsets.UTF_8)) {
                for (String line : kept) {
                    log.write(line);
                    log.newLine();
                }
                log.flush();
                TrainingStage resumeStage = resume == null ? null : resume.progress().stage();
                RunListener listener = new RunListener(log, console, folder, resumeFile, backboneName, backbone, configText, inputs);
                Trainer trainer = new Trainer(options, backbone, split, new NegativeSampler(dataset), evaluator, root, stop,
                        listener);
                listener.trainer = trainer;
                if (resume != null) {
                    trainer.restoreParameters(resume.parameters());
                    trainer.restoreOptimizerState(resume.optimizer());
                    console.printf(Locale.ROOT, "continuing stage %d at epoch %d from %s%n", resumeStage == TrainingStage.BACKBONE ? 1 : 2,
                            resume.progress().nextEpoch(), resumeFile);
                }
                StageResult stage1 = null;
                boolean trained = false;
                if (resumeStage == TrainingStage.AUGMENTED) {
                    stage1 = resume.stage1();
                    trained = true;
                } else if (start != null) {
                    start.restoreInto(backbone);
                    trained = true;
                    console.println("stage 1: loaded " + initFrom);
                } else if (stage1Epochs > 0) {
                    Path stage1File = folder.stage1Checkpoint();
                    listener.bestFile = stage1File;
                    stage1 = trainer.train(TrainingStage.BACKBONE, stage1Epochs, augmenter, false,
                            resume == null ? null : resume.progress());
                    trained = true;
                }
                StageResult stage2 = null;
                if (stage2Epochs > 0 && !stop.requested()) {
                    listener.bestFile = folder.bestCheckpoint();
                    listener.finishedStage1 = stage1;
                    stage2 = trainer.train(TrainingStage.AUGMENTED, stage2Epochs, augmenter, trained,
                            resumeStage == TrainingStage.AUGMENTED ? resume.progress() : null);
                }
                save(Checkpoint.capture(backboneName, backbone, configText, dataFingerprint), folder.bestCheckpoint());
                Metrics valid = trainer.validate();
                long testStart = System.nanoTime();
                long[] testRanks = evaluator.ranks(backbone, split.test(), root);
                Metrics test = Metrics.fromRanks(testRanks);
                double testSeconds = (System.nanoTime() - testStart) / 1e9;
                // Before results.json, which marks the run finished: a finished run always has its ranks.
                UserRanks.write(folder.testRanks(), split.test(), testRanks);
                boolean interrupted = stop.requested();
                RunResult result = new RunResult(runDir, stage1, stage2, valid, test, testSeconds,
                        ProcessMemory.peakResidentMiB(), interrupted);
                RunRecord.write(folder, result, settings, dataset, setup.similaritySeconds(), (System.nanoTime() - started) / 1e9,
                        resume, inputs);
                if (!interrupted) {
                    // Finished: nothing left to continue.
                    Files.deleteIfExists(resumeFile);
                }
                console.printf(Locale.ROOT, "test  %s%n", test);
                console.println("results: " + folder.results());
                return result;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("run folder " + runDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Evaluates a saved model on the validation and test questions of the data it names.
     *
     * @param settings the settings saved with the checkpoint (plus any overrides)
     * @param checkpoint the checkpoint
     * @return validation then test metrics
     */
    public Metrics[] evaluate(Settings settings, Checkpoint checkpoint) {
        String backboneName = checkpoint.backbone();
        var provider = registry.backbone(backboneName);
        SequenceDataset dataset = DataLoading.load(settings, true);
        if (dataset.itemCount() != checkpoint.dims().itemCount()) {
            throw new ConfigError("the checkpoint was trained on " + checkpoint.dims().itemCount()
                    + " items but the dataset has " + dataset.itemCount());
        }
        LeaveOneOutSplit split = new LeaveOneOutSplit(dataset, checkpoint.dims().maxLength());
        Backbone backbone = provider.create(checkpoint.dims(), settings.provider("backbone." + backboneName));
        FullRankingEvaluator evaluator = FullRankingEvaluator.from(settings);
        try (NDManager root = NDManager.newBaseManager()) {
            backbone.initialize(root);
            checkpoint.restoreInto(backbone);
            return new Metrics[] {evaluator.evaluate(backbone, split.validation(), root),
                evaluator.evaluate(backbone, split.test(), root)};
        }
    }

    /**
     * The parameters named by {@code train.init-from}, refused unless they fit this run: the same
     * backbone, dimensions and parameter shapes, and (when the checkpoint knows it) the same data.
     */
    private static Checkpoint initialParameters(String initFrom, String backboneName, Backbone backbone, ExperimentSetup setup,
            String dataFingerprint) {
        Checkpoint start;
        try {
            start = Checkpoint.read(Path.of(initFrom));
        } catch (IOException e) {
            throw new UncheckedIOException("seqaug.train.init-from: " + e.getMessage(), e);
        }
        if (!start.backbone().equals(backboneName)) {
            throw new ConfigError("seqaug.train.init-from " + initFrom + " holds a " + start.backbone()
                    + " model but model.backbone is " + backboneName);
        }
        if (!start.dims().equals(setup.dims())) {
            throw new ConfigError("seqaug.train.init-from " + initFrom + " was trained with " + start.dims()
                    + " but this run has " + setup.dims());
        }
        if (!start.data().isEmpty() && !start.data().equals(dataFingerprint)) {
            throw new ConfigError("seqaug.train.init-from " + initFrom + " was trained on other data than "
                    + setup.dataset().name() + " (data fingerprint " + start.data().substring(0, 12) + ", this run's "
                    + dataFingerprint.substring(0, 12) + "): its validation and test users' items were in its training");
        }
        try {
            start.requireFits(backbone);
        } catch (IllegalArgumentException e) {
            throw new ConfigError("seqaug.train.init-from " + initFrom + " does not fit this run's " + backboneName + ": "
                    + e.getMessage());
        }
        return start;
    }

    /**
     * A finished run is replaced only by the same run: rerunning it with other settings or other
     * data would delete results that a report or a paper may already use.
     */
    private static void requireNoOtherFinishedRun(Settings settings, RunFolder folder, RunInputs inputs) {
        // an unreadable or interrupted record is provisional: a rerun may replace it
        folder.finished().ifPresent(recorded -> {
            List<String> diff = recorded.differencesFrom(settings.config().getConfig(ConfigLoader.ROOT), inputs,
                    ConfigFactory.empty());
            if (!diff.isEmpty()) {
                throw new ConfigError(folder.dir() + " holds a finished run with other settings ("
                        + SettingsDifferences.summary(diff) + "): use another seqaug.run-name, or delete the folder to replace it");
            }
        });
    }

    /**
     * The point to continue from: {@code null} when resuming is off or the folder holds none (or none
     * this run could use: its settings must be the same).
     */
    private static ResumePoint resumePoint(Settings settings, Path runDir, String backboneName, Backbone backbone,
            RunInputs inputs) {
        Path file = new RunFolder(runDir).resume();
        if (!settings.flag("train.resume") || !Files.exists(file)) {
            return null;
        }
        ResumePoint point;
        try {
            point = ResumePoint.read(file, backboneName, backbone);
        } catch (IOException e) {
            throw new ConfigError(e.getMessage() + "; delete it or set seqaug.train.resume = false to start the run over");
        }
        Config recorded = ConfigFactory.parseString(point.runConfig());
        Config requested = settings.config().getConfig(ConfigLoader.ROOT);
        List<String> diff = new ArrayList<>();
        if (point.inputs() == null) {
            diff.addAll(SettingsDifferences.between(recorded, requested, ConfigFactory.empty()));
        } else {
            diff.addAll(point.inputs().differencesFrom(inputs));
            diff.addAll(SettingsDifferences.between(recorded, requested, ConfigFactory.empty(), RunInputs.LOCATION_KEYS));
        }
        if (!diff.isEmpty()) {
            throw new ConfigError(file + " holds an interrupted run with other settings (" + SettingsDifferences.summary(diff)
                    + "): use another run-name, or set seqaug.train.resume = false to start this one over");
        }
        return point;
    }

    /**
     * What a run does as training goes: the best parameters of the stage saved to its checkpoint,
     * every epoch logged, and after every epoch the resume point with stage 1's outcome once stage 2
     * runs.
     */
    private static final class RunListener implements TrainingListener {
        private final BufferedWriter log;
        private final PrintStream console;
        private final Path resumeFile;
        private final String backboneName;
        private final Backbone backbone;
        private final String configText;
        private final RunInputs inputs;
        Trainer trainer;
        Path bestFile;
        StageResult finishedStage1;

        RunListener(BufferedWriter log, PrintStream console, RunFolder folder, Path resumeFile, String backboneName,
                Backbone backbone, String configText, RunInputs inputs) {
            this.log = log;
            this.console = console;
            this.resumeFile = resumeFile;
            this.backboneName = backboneName;
            this.backbone = backbone;
            this.configText = configText;
            this.inputs = inputs;
            this.bestFile = folder.bestCheckpoint();
        }

        @Override
        public void newBest(TrainingStage stage, int epoch) {
            save(Checkpoint.capture(backboneName, backbone, configText, inputs.data()), bestFile);
        }

        @Override
        public void epochFinished(EpochRecord record) {
            logEpoch(record, log, console);
        }

        @Override
        public void epochEnded(StageProgress progress) {
            saveResume(new ResumePoint(configText, progress, finishedStage1, trainer.optimizerState(), trainer.snapshot(),
                    inputs),
                    resumeFile, backboneName, backbone);
        }
    }

    private static void saveResume(ResumePoint point, Path file, String backboneName, Backbone backbone) {
        try {
            point.write(file, backboneName, backbone);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void save(Checkpoint checkpoint, Path file) {
        try {
            checkpoint.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static void logEpoch(EpochRecord r, BufferedWriter log, PrintStream console) {
        try {
            log.write(EpochLog.line(r));
            log.newLine();
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write epoch log: " + e.getMessage(), e);
        }
        StringBuilder losses = new StringBuilder();
        r.losses().forEach((k, v) -> losses.append(String.format(Locale.ROOT, " %s %.4f", k, v)));
        String valid = r.valid() == null ? "" : String.format(Locale.ROOT, "  valid HR@10 %.4f NDCG@10 %.4f NDCG@20 %.4f%s",
                r.valid().hr10(), r.valid().ndcg10(), r.valid().ndcg20(), r.improved() ? " *" : "");
        console.printf(Locale.ROOT, "[stage %d] epoch %3d  loss%s  %.1f s (%.0f seq/s)%s%n",
                r.stage() == TrainingStage.BACKBONE ? 1 : 2, r.epoch(), losses, r.trainSeconds(),
                r.sequences() / Math.max(r.trainSeconds(), 1e-9), valid);
    }
}
