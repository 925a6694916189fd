package io.seqaug.runtime.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class SlurmScriptsTest {

    @TempDir
    Path dir;

    @Test
    void arrayIndicesAreRunsOfThePlansJobIndices() {
        assertThat(SlurmScripts.ranges(List.of(0, 3, 6))).isEqualTo("0,3,6");
        assertThat(SlurmScripts.ranges(List.of(1, 2, 4, 5, 7))).isEqualTo("1-2,4-5,7");
        assertThat(SlurmScripts.ranges(List.of(5))).isEqualTo("5");
    }

    @Test
    void shellWordsAreQuotedOnlyWhenNeeded() {
        assertThat(SlurmScripts.quote("-Dseqaug.seed=3")).isEqualTo("-Dseqaug.seed=3");
        assertThat(SlurmScripts.quote("/a b/it's")).isEqualTo("'/a b/it'\\''s'");
    }

    @Test
    void theScriptsRunOneArrayTaskPerJobWithTheGridsOverrides() throws Exception {
        GridPlan plan = GridPlan.build(ConfigFactory.parseString("""
                seqaug.output-dir = "%s"
                grid { name = "g", datasets = ["synthetic"], backbones = ["sasrec"], augmenters = ["none", "basrec"], seeds = [1, 2] }
                """.formatted(dir.resolve("runs"))), "g.conf", Map.of(), new ConfigLoader(getClass().getClassLoader()));
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("seqaug.train.stage1.epochs", "3");
        SlurmScripts scripts = SlurmScripts.write(plan, Path.of("/opt/seqaug/seqaug"), Path.of("/home/me/g.conf"), overrides,
                Path.of("/home/me"), new SlurmScripts.Resources(Optional.of("cpu"), Optional.of("04:00:00"), 4,
                        Optional.of("12G"), 3), Map.of("SEQAUG_DATA_DIR", "/data/seq aug"));
        Path grid = dir.resolve("runs/g");
        assertThat(Files.readString(scripts.stage1())).isEqualTo("""
                #!/bin/bash
                #SBATCH --job-name=seqaug-g-stage1
                #SBATCH --array=0,3%%3
                #SBATCH --cpus-per-task=4
                #SBATCH --mem=12G
                #SBATCH --time=04:00:00
                #SBATCH --partition=cpu
                #SBATCH --chdir=/home/me
                #SBATCH --output=%s/slurm/logs/%%x-%%A_%%a.out
                # Grid 'g': one task per stage-1 job.
                # The array index is the job's index in `seqaug plan`; each task claims its job in the grid
                # folder, so resubmitting, or running workers by hand, never runs a job twice.
                set -euo pipefail
                export OMP_NUM_THREADS="${SLURM_CPUS_PER_TASK:-4}"
                export SEQAUG_DATA_DIR='/data/seq aug'
                exec /opt/seqaug/seqaug compare -c /home/me/g.conf -Dseqaug.train.stage1.epochs=3 --job env
                """.formatted(grid));
        assertThat(Files.readString(scripts.cells())).contains("#SBATCH --array=1-2,4-5%3\n")
                .contains("# Grid 'g': one task per cell, after every stage-1 job.");
        assertThat(scripts.submit()).isEqualTo("jid=$(sbatch --parsable " + grid.resolve("slurm/stage1.sbatch")
                + ") && sbatch --dependency=afterok:${jid%%;*} " + grid.resolve("slurm/cells.sbatch"));
        assertThat(Files.isExecutable(scripts.stage1())).isTrue();
    }

    @Test
    void badResourceValuesAreRefusedBeforeAnythingIsWritten() {
        GridPlan plan = GridPlan.build(ConfigFactory.parseString("""
                seqaug.output-dir = "%s"
                grid { name = "g", datasets = ["synthetic"], backbones = ["sasrec"], augmenters = ["none"] }
                """.formatted(dir.resolve("runs"))), "g.conf", Map.of(), new ConfigLoader(getClass().getClassLoader()));
        var resources = new SlurmScripts.Resources(Optional.of("cpu; rm -rf /"), Optional.empty(), 2, Optional.empty(), 0);
        assertThatThrownBy(() -> SlurmScripts.write(plan, Path.of("seqaug"), Path.of("g.conf"), Map.of(), dir, resources, Map.of()))
                .isInstanceOf(ConfigError.class).hasMessageContaining("'cpu; rm -rf /'");
        assertThatThrownBy(() -> SlurmScripts.write(plan, Path.of("seqaug"), Path.of("g.conf"), Map.of(), dir,
                new SlurmScripts.Resources(Optional.empty(), Optional.empty(), 0, Optional.empty(), 0), Map.of()))
                .hasMessageContaining("--cpus must be at least 1, got 0");
        assertThat(dir.resolve("runs/g/slurm")).doesNotExist();
    }

    @Test
    void aOneStageGridIsOneArrayOfCellsWithNoDependency() throws Exception {
        GridPlan plan = GridPlan.build(ConfigFactory.parseString("""
                seqaug.output-dir = "%s"
                grid { name = "one", from-stage1 = false, datasets = ["synthetic"], backbones = ["sasrec"],
                       augmenters = ["none", "cl4srec"], seeds = [1] }
                """.formatted(dir.resolve("runs"))), "one.conf", Map.of(), new ConfigLoader(getClass().getClassLoader()));
        assertThat(plan.jobs()).hasSize(2).noneMatch(GridPlan.Job::stage1).allMatch(j -> j.dependsOn() < 0);
        SlurmScripts scripts = SlurmScripts.write(plan, Path.of("/opt/seqaug/seqaug"), Path.of("/home/me/one.conf"), Map.of(),
                Path.of("/home/me"), new SlurmScripts.Resources(Optional.empty(), Optional.empty(), 2, Optional.empty(), 0),
                Map.of());
        assertThat(scripts.stage1()).isNull();
        assertThat(Files.readString(scripts.cells())).contains("#SBATCH --array=0-1\n");
        assertThat(scripts.submit()).isEqualTo("sbatch " + dir.resolve("runs/one/slurm/cells.sbatch"));
    }
}
