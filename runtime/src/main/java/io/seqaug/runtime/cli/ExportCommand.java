package io.seqaug.runtime.cli;

import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.experiment.RunFolder;
import io.seqaug.runtime.experiment.RunRecord;
import io.seqaug.runtime.export.ModelExport;
import io.seqaug.runtime.export.SafeTensors;
import io.seqaug.runtime.train.Checkpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code seqaug export}: a checkpoint as a safetensors file for other tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a checkpoint's parameters and settings to a safetensors file, under the names of the "
                + "published PyTorch model (SASRec, GRU4Rec) or SeqAug's own (docs/export.md).")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, paramLabel = "PATH", description = "A .ckpt file written by train.")
    Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The safetensors file to write.")
    Path out;

    @Option(names = "--names", paramLabel = "published|seqaug", defaultValue = "published",
            description = "Tensor names: the published model's state_dict (default; SASRec and GRU4Rec) or SeqAug's own "
                    + "(any backbone, values exactly as saved).")
    String names;

    @Override
    public Integer call() {
        ModelExport.Names naming;
        try {
            naming = ModelExport.Names.parse(names);
        } catch (IllegalArgumentException e) {
            throw new ConfigError(e.getMessage(), e);
        }
        if (Files.isDirectory(checkpoint)) {
            throw new ConfigError(checkpoint + ": is a folder; --checkpoint takes a .ckpt file (for example "
                    + new RunFolder(checkpoint).bestCheckpoint() + ")");
        }
        if (Files.isDirectory(out)) {
            throw new ConfigError(out + ": is a folder; --out takes the file to write (for example "
                    + out.resolve("model.safetensors") + ")");
        }
        Checkpoint saved;
        try {
            saved = Checkpoint.read(checkpoint);
        } catch (IOException e) {
            throw new ConfigError(e.getMessage(), e);
        }
        ModelExport export;
        try {
            export = ModelExport.of(saved, naming, trainedCommit(checkpoint));
        } catch (IllegalArgumentException e) {
            throw new ConfigError(checkpoint + ": " + e.getMessage(), e);
        }
        try {
            SafeTensors.write(out, export.tensors(), export.metadata());
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": " + e.getMessage(), e);
        }
        long values = export.tensors().values().stream().mapToLong(t -> t.values().length).sum();
        System.out.printf("wrote %s: %s, %d tensors, %,d values, names %s%n", out, saved.backbone(),
                export.tensors().size(), values, export.metadata().get("names"));
        return 0;
    }

    /** The commit recorded in the run's results.json beside the checkpoint, if there is one. */
    private static String trainedCommit(Path checkpoint) {
        Path parent = checkpoint.toAbsolutePath().getParent();
        return parent == null ? "unknown" : new RunFolder(parent).record().map(RunRecord::commit).orElse("unknown");
    }
}
