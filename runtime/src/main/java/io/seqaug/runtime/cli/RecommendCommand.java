package io.seqaug.runtime.cli;

import ai.djl.ndarray.NDManager;
import io.seqaug.api.Backbone;
import io.seqaug.datasets.EvaluationCase;
import io.seqaug.datasets.LeaveOneOutSplit;
import io.seqaug.datasets.SequenceDataset;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.eval.Recommender;
import io.seqaug.runtime.experiment.DataLoading;
import io.seqaug.runtime.plugins.ProviderRegistry;
import io.seqaug.runtime.report.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code seqaug recommend}: the top-K items per user from a saved model, ranked as evaluation ranks them. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Write each user's top-K items from a checkpoint, ranked as evaluation ranks them (user,rank,item,score).")
final class RecommendCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, paramLabel = "PATH", description = "A .ckpt file written by train.")
    Path checkpoint;

    @Option(names = "--k", paramLabel = "K", defaultValue = "20", description = "Items per user (default 20).")
    int k;

    @Option(names = "--users", paramLabel = "IDS|FILE",
            description = "Comma-separated user ids as the data file names them (a log's own ids, RecBole tokens"
                    + " included), or a file with one id per line; default every user.")
    String users;

    @Option(names = "--history", paramLabel = "WHICH", defaultValue = "test",
            description = "What to recommend after: test (the items before the test item, as evaluation; default),"
                    + " valid (before the validation item) or all (every known item).")
    String history;

    @Option(names = "--out", paramLabel = "FILE", description = "CSV file to write (atomically); default standard output.")
    Path out;

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Override a saved setting, e.g. -Dseqaug.data.path=/data/Beauty.txt.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        if (k < 1) {
            throw new ConfigError("--k must be at least 1, got " + k);
        }
        if (!Set.of("test", "valid", "all").contains(history)) {
            throw new ConfigError("--history must be test, valid or all, got '" + history + "'");
        }
        if (out != null && Files.isDirectory(out)) {
            throw new ConfigError("--out " + out + " is a folder; name a file");
        }
        SavedModel model = SavedModel.load(checkpoint, overrides);
        SequenceDataset dataset = DataLoading.load(model.settings(), true);
        if (dataset.itemCount() != model.checkpoint().dims().itemCount()) {
            throw new ConfigError("the checkpoint was trained on " + model.checkpoint().dims().itemCount()
                    + " items but the dataset has " + dataset.itemCount());
        }
        List<EvaluationCase> cases = select(cases(dataset, model.checkpoint().dims().maxLength()), dataset);
        String backboneName = model.checkpoint().backbone();
        ProviderRegistry registry = model.runtime().injector().getInstance(ProviderRegistry.class);
        Backbone backbone = registry.backbone(backboneName).create(model.checkpoint().dims(),
                model.settings().provider("backbone." + backboneName));
        boolean zeroSeen = model.settings().oneOf("eval.seen-items", "exclude", "zero-score").equals("zero-score");
        Recommender recommender = new Recommender(k, zeroSeen, 256);
        try (NDManager root = NDManager.newBaseManager()) {
            backbone.initialize(root);
            model.checkpoint().restoreInto(backbone);
            if (out == null) {
                Writer stdout = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                recommender.write(backbone, cases, dataset::userLabel, dataset::itemLabel, root, stdout);
                stdout.flush();
            } else {
                AtomicFiles.write(out, stream -> {
                    Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                    recommender.write(backbone, cases, dataset::userLabel, dataset::itemLabel, root, w);
                    w.flush();
                });
                System.err.println("wrote " + out + ": " + cases.size() + " users x " + k + " items");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return 0;
    }

    private List<EvaluationCase> cases(SequenceDataset dataset, int maxLength) {
        LeaveOneOutSplit split = new LeaveOneOutSplit(dataset, maxLength);
        if (history.equals("test")) {
            return split.test();
        }
        if (history.equals("valid")) {
            return split.validation();
        }
        List<EvaluationCase> all = new ArrayList<>(dataset.userCount());
        int[][] sequences = dataset.sequences();
        for (int u = 0; u < sequences.length; u++) {
            int[] s = sequences[u];
            int[] seen = Arrays.stream(s).distinct().toArray();
            all.add(new EvaluationCase(u, Arrays.copyOfRange(s, Math.max(0, s.length - maxLength), s.length), 0, seen));
        }
        return all;
    }

    /** The cases of the users {@code --users} names, in its order; every user without it. */
    private List<EvaluationCase> select(List<EvaluationCase> cases, SequenceDataset dataset) throws IOException {
        if (users == null) {
            return cases;
        }
        List<String> wanted = new ArrayList<>();
        Path file = Path.of(users);
        String where;
        if (Files.isRegularFile(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                wanted.add(line.trim());
            }
            where = file.toString();
        } else {
            wanted.addAll(Arrays.asList(users.split(",", -1)));
            where = "--users";
        }
        Map<String, EvaluationCase> byId = new HashMap<>();
        for (EvaluationCase c : cases) {
            byId.put(dataset.userLabel(c.user()), c);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            String id = wanted.get(i).trim();
            if (id.isEmpty() && !where.equals("--users")) {
                continue;
            }
            String at = where + (where.equals("--users") ? "" : ":" + (i + 1));
            if (dataset.labels() == null) {
                // a sequence file's ids are numbers, written as the file writes them: 007 is 7
                try {
                    id = Integer.toString(Integer.parseInt(id));
                } catch (NumberFormatException e) {
                    throw new ConfigError(at + ": '" + id + "' is not a user id (whole numbers, as in the data file)");
                }
            }
            if (!byId.containsKey(id)) {
                throw new ConfigError(at + ": no user '" + id + "' in " + dataset.name() + " (" + dataset.userCount()
                        + " users after the reader's filters)");
            }
            chosen.add(id);
        }
        if (chosen.isEmpty()) {
            throw new ConfigError(where + " names no user");
        }
        List<EvaluationCase> result = new ArrayList<>(chosen.size());
        for (String user : chosen) {
            result.add(byId.get(user));
        }
        return result;
    }
}
