package io.seqaug.runtime.train;

import ai.djl.nn.Parameter;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import io.seqaug.api.Backbone;
import io.seqaug.api.TrainingStage;
import io.seqaug.runtime.eval.Metrics;
import io.seqaug.runtime.report.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run stood at the end of its last finished epoch, written to {@code resume.ckpt} in its run
 * folder after every epoch: the settings it ran with, the stage's progress, stage 1's outcome once
 * stage 2 runs, the optimizer's state and the current parameters. A run started again in the same
 * folder with the same settings continues from here.
 *
 * <p>It is stored in the checkpoint format (atomic write, checksum, every value checked on
 * reading): the arrays under prefixed names ({@code parameter/}, {@code best/},
 * {@code adam-mean/}, {@code adam-variance/} and the parameter's name), the rest as JSON in the
 * configuration field.
 *
 * @param runConfig the run's effective settings below {@code seqaug}, as JSON
 * @param progress the stage's progress
 * @param stage1 stage 1's outcome when {@code progress} is stage 2's (and stage 1 ran), else {@code null}
 * @param optimizer the optimizer's state
 * @param parameters the current parameters, in the backbone's order
 * @param inputs the content of the run's data and starting parameters; {@code null} in points written
 *     before they were recorded
 */
public record ResumePoint(String runConfig, StageProgress progress, StageResult stage1, OptimizerState optimizer,
        float[][] parameters, RunInputs inputs) {


    private static final int FORMAT = 1;

    /**
     * Writes the point atomically.
     *
     * @param file the target
     * @param backboneName the backbone's provider name
     * @param backbone the backbone, for parameter names and shapes
     * @throws IOException when writing fails
     */
    public void write(Path file, String backboneName, Backbone backbone) throws IOException {
        Map<String, float[]> arrays = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        List<Parameter> params = backbone.parameters();
        for (int i = 0; i < params.size(); i++) {
            String name = params.get(i).getName();
            long[] shape = params.get(i).getShape().getShape();
            put(arrays, shapes, "parameter/" + name, parameters[i], shape);
            put(arrays, shapes, "adam-mean/" + name, optimizer.means()[i], shape);
            put(arrays, shapes, "adam-variance/" + name, optimizer.variances()[i], shape);
            if (progress.bestParameters() != null) {
                put(arrays, shapes, "best/" + name, progress.bestParameters()[i], shape);
            }
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("run-config", new Json.Raw(runConfig));
        if (inputs != null) {
            meta.put("inputs", inputs.asMap());
        }
        meta.put("stage", progress.stage().name());
        meta.put("next-epoch", progress.nextEpoch());
        meta.put("epochs-run", progress.epochsRun());
        meta.put("train-seconds", progress.trainSeconds());
        // JSON has no infinity: no validation yet is written as null
        meta.put("best-score", Double.isFinite(progress.bestScore()) ? progress.bestScore() : null);
        meta.put("best-epoch", progress.bestEpoch());
        meta.put("since-best", progress.sinceBest());
        meta.put("best-valid", metrics(progress.bestValid()));
        meta.put("finished", progress.finished());
        meta.put("optimizer-steps", optimizer.steps());
        if (stage1 != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("epochs", stage1.epochs());
            s.put("best-epoch", stage1.bestEpoch());
            s.put("best-valid", metrics(stage1.bestValid()));
            s.put("mean-epoch-seconds", stage1.meanEpochSeconds());
            meta.put("stage1", s);
        }
        new Checkpoint(backboneName, backbone.dims(), Json.write(meta), arrays, shapes).write(file);
    }

    /**
     * Reads a point written for this backbone.
     *
     * @param file the file
     * @param backboneName the backbone's provider name
     * @param backbone the backbone the run builds
     * @return the point
     * @throws IOException with a one-line message naming the file and what is wrong
     */
    public static ResumePoint read(Path file, String backboneName, Backbone backbone) throws IOException {
        Checkpoint saved = Checkpoint.read(file);
        if (!saved.backbone().equals(backboneName) || !saved.dims().equals(backbone.dims())) {
            throw new IOException(file + ": holds a " + saved.backbone() + " model with " + saved.dims() + ", this run builds a "
                    + backboneName + " model with " + backbone.dims());
        }
        Config meta;
        try {
            meta = ConfigFactory.parseString(saved.config());
            if (meta.getInt("format") != FORMAT) {
                throw new IOException(file + ": unsupported resume format " + meta.getInt("format") + " (this SeqAug reads "
                        + FORMAT + ")");
            }
        } catch (ConfigException e) {
            throw new IOException(file + ": not a resume point (" + e.getMessage() + ")", e);
        }
        try {
            List<Parameter> params = backbone.parameters();
            int n = params.size();
            float[][] current = new float[n][];
            float[][] means = new float[n][];
            float[][] variances = new float[n][];
            boolean hasBest = saved.parameters().containsKey("best/" + params.get(0).getName());
            float[][] best = hasBest ? new float[n][] : null;
            for (int i = 0; i < n; i++) {
                Parameter p = params.get(i);
                long[] shape = p.getShape().getShape();
                current[i] = take(file, saved, "parameter/" + p.getName(), shape, true);
                means[i] = take(file, saved, "adam-mean/" + p.getName(), shape, false);
                variances[i] = take(file, saved, "adam-variance/" + p.getName(), shape, false);
                if (hasBest) {
                    best[i] = take(file, saved, "best/" + p.getName(), shape, true);
                }
            }
            StageProgress progress = new StageProgress(TrainingStage.valueOf(meta.getString("stage")), meta.getInt("next-epoch"),
                    meta.getInt("epochs-run"), meta.getDouble("train-seconds"),
                    meta.getIsNull("best-score") ? Double.NEGATIVE_INFINITY : meta.getDouble("best-score"),
                    meta.getInt("best-epoch"), meta.getInt("since-best"), best, metrics(meta, "best-valid"),
                    meta.getBoolean("finished"));
            StageResult stage1 = null;
            if (meta.hasPath("stage1")) {
                Config s = meta.getConfig("stage1");
                stage1 = new StageResult(TrainingStage.BACKBONE, s.getInt("epochs"), s.getInt("best-epoch"),
                        metrics(s, "best-valid"), s.getDouble("mean-epoch-seconds"), false);
            }
            String runConfig = meta.getConfig("run-config").root().render(ConfigRenderOptions.concise());
            return new ResumePoint(runConfig, progress, stage1, new OptimizerState(meta.getInt("optimizer-steps"), means, variances),
                    current, RunInputs.read(meta, "inputs").orElse(null));
        } catch (ConfigException | IllegalArgumentException e) {
            throw new IOException(file + ": not a resume point (" + e.getMessage() + ")", e);
        }
    }

    private static void put(Map<String, float[]> arrays, Map<String, long[]> shapes, String name, float[] values, long[] shape) {
        if (values != null) {
            arrays.put(name, values);
            shapes.put(name, shape);
        }
    }

    private static float[] take(Path file, Checkpoint saved, String name, long[] shape, boolean required) throws IOException {
        float[] values = saved.parameters().get(name);
        if (values == null) {
            if (required) {
                throw new IOException(file + ": has no " + name + "; it was written for another model");
            }
            return null;
        }
        if (!Arrays.equals(saved.shapes().get(name), shape)) {
            throw new IOException(file + ": " + name + " has shape " + Arrays.toString(saved.shapes().get(name))
                    + " but the model's is " + Arrays.toString(shape));
        }
        return values;
    }

    private static List<Double> metrics(Metrics m) {
        if (m == null) {
            return null;
        }
        return List.of((double) m.users(), m.hr5(), m.ndcg5(), m.hr10(), m.ndcg10(), m.hr20(), m.ndcg20());
    }

    private static Metrics metrics(Config c, String key) {
        if (!c.hasPath(key)) {
            return null;
        }
        List<Double> v = c.getDoubleList(key);
        if (v.size() != 7) {
            throw new IllegalArgumentException(key + " has " + v.size() + " values, not 7");
        }
        return new Metrics(v.get(0).intValue(), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6));
    }
}
