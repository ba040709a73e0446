package org.openvto.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.openvto.config.ConfigException;
import org.openvto.security.AccountService.InitResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code openvto} command line. */
@Command(
        name = "openvto",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "OpenVTO — an open-source IP video door station.",
        subcommands = {Main.Run.class, Main.Init.class, ConfigCommand.class})
public final class Main implements Runnable {
    /** Exit code for invalid configuration or arguments. */
    static final int EXIT_CONFIG = 2;
    /** Exit code when {@code init} refuses the password or e-mail. */
    static final int EXIT_REJECTED = 3;
    /** Exit code when {@code init} finds the device already initialized. */
    static final int EXIT_ALREADY = 4;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo b = BuildInfo.load();
            return new String[] {"OpenVTO " + b.version() + " (build " + b.date() + ")"};
        }
    }

    /** Options shared by the commands that open a data directory. */
    static final class Common {
        @Option(
                names = "--data-dir",
                defaultValue = "data",
                description = "Data directory (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(
                names = "--config",
                description = "YAML file overriding the defaults (default: <data-dir>/openvto.yaml if present).")
        Path config;

        @Option(
                names = "--port-offset",
                defaultValue = "0",
                description = "Add N to every port (several VTOs on one machine).")
        int portOffset;

        OpenVtoConfig load() {
            Path file = config;
            if (file == null && Files.isRegularFile(dataDir.resolve("openvto.yaml"))) {
                file = dataDir.resolve("openvto.yaml");
            }
            if (file != null && !Files.isRegularFile(file)) {
                throw new ConfigException("--config", "file " + file + " does not exist");
            }
            return OpenVtoConfig.load(file, System.getenv(), portOffset);
        }

        /**
         * Runs one CLI command against the opened data directory (configuration, database, installation — no
         * network services) and closes it again; a configuration or data-directory problem is printed and
         * becomes the exit code.
         */
        int withCore(java.util.function.Function<Vto.Core, Integer> action) throws Exception {
            OpenVtoConfig config = loadOrReport();
            if (config == null) {
                return EXIT_CONFIG;
            }
            Deque<AutoCloseable> stack = new ArrayDeque<>();
            try {
                return action.apply(Vto.Core.open(config, dataDir, BuildInfo.load(), stack));
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
                return 1;
            } finally {
                Vto.closeAll(stack);
            }
        }

        /** The configuration, or {@code null} after printing which key is wrong. */
        OpenVtoConfig loadOrReport() {
            try {
                return load();
            } catch (ConfigException e) {
                System.err.println("Invalid configuration: " + e.getMessage());
                return null;
            }
        }
    }

    @Command(name = "run", description = "Start the VTO and serve until SIGTERM/Ctrl-C.")
    static class Run implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @Override
        public Integer call() throws Exception {
            OpenVtoConfig config = common.loadOrReport();
            if (config == null) {
                return EXIT_CONFIG;
            }
            Vto vto = Vto.start(config, common.dataDir, BuildInfo.load());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                vto.close();
                                stopped.countDown();
                            },
                            "openvto-shutdown"));
            stopped.await();
            return 0;
        }
    }

    @Command(
            name = "init",
            description = "Device Init without the browser: set the admin password (same rules as the console).")
    static class Init implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @Option(
                names = "--password",
                required = true,
                description = "The admin password, or - to read it from standard input.")
        String password;

        @Option(names = "--email", description = "E-mail address for password reset (optional).")
        String email;

        @Override
        public Integer call() throws Exception {
            OpenVtoConfig config = common.loadOrReport();
            if (config == null) {
                return EXIT_CONFIG;
            }
            String pw = password.equals("-")
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine()
                    : password;
            return common.withCore(core -> switch (core.accounts().initialize(pw, pw, email, "cli")) {
                case InitResult.Initialized i -> {
                    System.out.println("Initialization succeeded. Log in as admin.");
                    yield 0;
                }
                case InitResult.AlreadyInitialized a -> {
                    System.err.println("The device is already initialized; nothing was changed.");
                    yield EXIT_ALREADY;
                }
                case InitResult.Rejected r -> {
                    r.errors().forEach(e -> System.err.println(e.field() + ": " + e.message()));
                    yield EXIT_REJECTED;
                }
            });
        }
    }
}
