package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"train", "compare", "plan", "evaluate", "bench", "plugins", "datasets", "datasets stats",
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
}
