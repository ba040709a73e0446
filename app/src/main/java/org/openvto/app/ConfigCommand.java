package org.openvto.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import org.openvto.backup.ConfigurationFile;
import org.openvto.household.Change;
import org.openvto.validation.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code openvto config export|import FILE --data-dir DIR}: backup and restore without the browser (VTO stopped). */
@Command(
        name = "config",
        description = "Export or import the whole installer configuration (the VTO must not be running).",
        subcommands = {ConfigCommand.Export.class, ConfigCommand.Import.class})
final class ConfigCommand implements Runnable {
    /** Changes made from the command line are logged as user {@code cli}, source {@code cli}. */
    static final org.openvto.household.Actor CLI = new org.openvto.household.Actor("cli", "cli");

    @Override
    public void run() {
        System.err.println("Use: openvto config export FILE | openvto config import FILE [--data-dir DIR]");
    }

    @Command(
            name = "export",
            description = "Write the configuration to FILE (JSON; contains passwords, created with mode 600).")
    static final class Export implements Callable<Integer> {
        @Mixin
        Main.Common common = new Main.Common();

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            return common.withCore(core -> {
                try {
                    Path tmp = Files.createTempFile(
                            file.toAbsolutePath().getParent(),
                            ".openvto-export",
                            ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(
                            tmp,
                            ConfigurationFile.write(core.installation().backup().snapshot()),
                            StandardCharsets.UTF_8);
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    System.out.println("Configuration exported to " + file);
                    return 0;
                } catch (java.io.IOException e) {
                    System.err.println("Cannot write " + file + ": " + e.getMessage());
                    return 1;
                }
            });
        }
    }

    @Command(
            name = "import",
            description = "Replace the configuration with FILE; a file with any error changes nothing.")
    static final class Import implements Callable<Integer> {
        @Mixin
        Main.Common common = new Main.Common();

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                System.err.println("Cannot read " + file + ": " + e.getMessage());
                return 1;
            }
            return common.withCore(core -> switch (org.openvto.household.Actor.as(
                    CLI, () -> ConfigurationFile.restore(core.installation().backup(), text))) {
                case Result.Applied<Change> a -> {
                    System.out.println("Configuration imported from " + file);
                    yield 0;
                }
                case Result.Rejected<Change> r -> {
                    System.err.println("Nothing was imported; " + file + " has "
                            + r.errors().size() + " problem(s):");
                    r.errors().forEach(e -> System.err.println("  " + e.field() + ": " + e.message()));
                    yield Main.EXIT_REJECTED;
                }
            });
        }
    }
}
