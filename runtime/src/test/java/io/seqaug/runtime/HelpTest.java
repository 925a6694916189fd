package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"train", "compare", "plan", "report", "slurm", "analyze",
            "analyze augmentation", "evaluate", "bench", "plugins", "datasets", "datasets stats",
        "datasets fetch", "datasets list"})
    void everySubcommandAnswersHelpWithoutDemandingItsOptions(String command) {
        for (String flag : new String[] {"--help", "-h"}) {
            String[] args = (command + " " + flag).split(" ");
            CliTestSupport.Run run = CliTestSupport.run(args);
            assertThat(run.code()).as(command + " " + flag + ": " + run.err()).isZero();
            assertThat(run.out()).contains("Usage: seqaug " + command);
        }
        CliTestSupport.Run viaHelp = CliTestSupport.run("datasets", "help", "stats");
        assertThat(viaHelp.code()).isZero();
        assertThat(viaHelp.out()).contains("Usage: seqaug datasets stats");
    }

    @org.junit.jupiter.api.Test
    void benchRejectsNonsenseCounts() {
        CliTestSupport.Run epochs = CliTestSupport.run("bench", "--epochs=-1");
        assertThat(epochs.code()).isEqualTo(2);
        assertThat(epochs.err()).contains("--epochs must be at least 1, got -1");
        CliTestSupport.Run scale = CliTestSupport.run("bench", "--scale-items=-5");
        assertThat(scale.code()).isEqualTo(2);
        assertThat(scale.err()).contains("--scale-items must be >= 0");
    }

    @org.junit.jupiter.api.Test
    void theMainHelpListsEveryCommandWithAWholeSentence() {
        CliTestSupport.Run help = CliTestSupport.run("--help");
        assertThat(help.code()).isZero();
        // each command's line (with its wrapped continuation) ends its sentence
        String commands = help.out().substring(help.out().indexOf("Commands:"));
        for (String command : new String[] {"plan", "report", "slurm", "bench"}) {
            java.util.regex.Matcher entry = java.util.regex.Pattern.compile("\n  " + command + " +((.|\n {4,})*)")
                    .matcher(commands);
            assertThat(entry.find()).as(command).isTrue();
            assertThat(entry.group(1).replaceAll("\\s+", " ").strip()).as(command).endsWith(".");
        }
    }

    @org.junit.jupiter.api.Test
    void aMisspeltCommandIsAnErrorEvenWithHelp() {
        CliTestSupport.Run run = CliTestSupport.run("exprot", "--help");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("unknown command 'exprot'").contains("export");
    }
}
