package org.earlyhelp.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of the test's own (initdb and pg_ctl from the machine's PostgreSQL), on a
 * free port with its data in a temporary folder, so a test can stop and start it without touching
 * the server every other test uses. As root, the server runs as the {@code postgres} user (it
 * refuses to run as root). Without PostgreSQL's programs the test skips, or fails under CI.
 */
public final class OwnPostgres implements AutoCloseable {

    /** The superuser initdb creates. */
    public static final String USER = "earlyhelp";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private OwnPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Creates and starts a new server. */
    public static OwnPostgres start() throws Exception {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            String message = "No PostgreSQL server programs (initdb, pg_ctl) on this machine:"
                    + " the PostgreSQL restart test cannot run.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " Under CI=true it must run.");
            }
            System.err.println("\n*** SKIPPED: " + message + " ***\n");
            Assumptions.abort(message);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("earlyhelp-pg");
        if (root) {
            UserPrincipal postgres =
                    dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        int port = FreePorts.next();
        OwnPostgres server = new OwnPostgres(bin.get(), dir, port, root);
        server.run(
                "initdb", "-D", dir.resolve("data").toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-sync");
        server.startAgain();
        return server;
    }

    /** The JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public void createDatabase(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, null);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    /** Stops the server as an administrator's restart does: fast shutdown, every session ended. */
    public void stop() throws Exception {
        run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
    }

    /** Starts the server (again), waiting until it accepts connections. */
    public void startAgain() throws Exception {
        run(
                "pg_ctl",
                "-D",
                dir.resolve("data").toString(),
                "-l",
                dir.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=localhost -c fsync=off",
                "-w",
                "start");
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } catch (Exception alreadyStopped) {
            // nothing to stop
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void run(String program, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("earlyhelp-pg", ".out");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            String log = Files.exists(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log")) : "";
            throw new IllegalStateException(
                    String.join(" ", command) + " failed:\n" + Files.readString(out) + "\n" + log);
        }
        Files.deleteIfExists(out);
    }

    private static Optional<Path> binaries() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(b -> {
                            String v = b.getParent().getFileName().toString();
                            return v.matches("\\d+") ? Integer.parseInt(v) : 0;
                        }));
                if (newest.isPresent()) {
                    return newest;
                }
            }
        }
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path d = Path.of(dirName);
            if (Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl"))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
