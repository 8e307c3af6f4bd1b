package org.earlyhelp.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's OCI image, built by the pom's Jib configuration ({@code jib:buildTar}) and run
 * without a container engine: its layers unpacked into a root file system, and its entry point
 * started in a mount and process namespace of its own, chrooted, as the image's user, on a
 * read-only root with a fresh {@code /tmp}, as Kubernetes runs it with the manifest's security
 * context.
 *
 * <p>No container registry can be reached from the machines this is built on, so the image is
 * built on a stand-in for its base ({@code eclipse-temurin:25-jre}): an empty base with the Java
 * runtime that runs these tests (Temurin 25, linked by jlink to the modules a JRE has) and the C
 * libraries it needs, at Temurin's paths. Everything above the base (the layers, the entry point,
 * the user, the environment, the ports and the labels) is what the pom builds for a council.
 */
public final class OciImage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Modules of a Java runtime: Java SE and the JDK modules a server needs, no development tools. */
    private static final String MODULES = String.join(
            ",",
            "java.se",
            "jdk.unsupported",
            "jdk.management",
            "jdk.management.jfr",
            "jdk.jfr",
            "jdk.crypto.cryptoki",
            "jdk.zipfs",
            "jdk.naming.dns",
            "jdk.charsets",
            "jdk.localedata",
            "jdk.net",
            "jdk.security.auth",
            "jdk.xml.dom");

    private static final List<String> DISPLAY_ONLY = List.of("libawt_xawt.so", "libjawt.so", "libsplashscreen.so");

    private static final Pattern LIBRARY = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x");

    private final Path root;
    private final JsonNode config;
    private final List<String> layers;

    private OciImage(Path root, JsonNode config, List<String> layers) {
        this.root = root;
        this.config = config;
        this.layers = layers;
    }

    /** Builds the image into {@code target/} with the pom's configuration, and unpacks it. */
    public static OciImage build() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Path base = standInBase(target.resolve("image-base"));
        Path tar = target.resolve("image-under-test.tar");
        Files.deleteIfExists(tar);
        String mvnw = Path.of("mvnw").toAbsolutePath().toString();
        List<String> command = List.of(
                mvnw,
                "-B",
                "-ntp",
                "-q",
                "jib:buildTar",
                "-Dimage.base=scratch",
                "-Djib.outputPaths.tar=" + tar,
                "-Djib.extraDirectories.paths=" + base,
                "-Djib.extraDirectories.permissions=/opt/java/openjdk/bin/*=755,"
                        + "/opt/java/openjdk/lib/jspawnhelper=755,/opt/java/openjdk/lib/jexec=755,"
                        + "/lib64/*=755,/lib/x86_64-linux-gnu/*=755");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        run(builder, "Jib could not build the image");
        Path layout = fresh(target.resolve("image-layout"));
        run(new ProcessBuilder("tar", "-xf", tar.toString(), "-C", layout.toString()), "could not read the image");
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        JsonNode manifest = JSON.readTree(
                blob(layout, index.get("manifests").get(0).get("digest").asString()));
        JsonNode config =
                JSON.readTree(blob(layout, manifest.get("config").get("digest").asString()));
        Path root = fresh(target.resolve("image-rootfs"));
        // An image's root directory is open to everyone.
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> layers = new ArrayList<>();
        for (JsonNode layer : manifest.get("layers")) {
            String digest = layer.get("digest").asString();
            layers.add(digest);
            run(
                    new ProcessBuilder(
                            "tar", "-xzf", blob(layout, digest).toString(), "-C", root.toString(), "--warning=none"),
                    "could not unpack layer " + digest);
        }
        return new OciImage(root, config, layers);
    }

    /** The image's configuration ({@code Env}, {@code Entrypoint}, {@code User} ...). */
    public JsonNode config() {
        return config.get("config");
    }

    /** The user the image runs as: root, as for any engine, when the image names none. */
    public String user() {
        JsonNode user = config().get("User");
        return user == null || user.asString().isBlank() ? "0:0" : user.asString();
    }

    /** The image's environment, as a map. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode entry : config().get("Env")) {
            String[] pair = entry.asString().split("=", 2);
            env.put(pair[0], pair[1]);
        }
        return env;
    }

    /** The files the image holds under a directory, by name. */
    public List<String> files(String directory) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(directory.substring(1)))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    public int layerCount() {
        return layers.size();
    }

    /**
     * Starts the image's entry point with this environment (and nothing else), as a container
     * engine does: PID 1 of a process namespace, the root file system read-only, {@code /proc},
     * an empty {@code /tmp} and the usual devices mounted, the host's name resolution given, as
     * the image's user.
     * The network is the host's, so the environment chooses the ports.
     */
    public Process start(Map<String, String> environment, Path log) throws IOException {
        for (String mountPoint : List.of("proc", "tmp", "dev", "etc")) {
            Files.createDirectories(root.resolve(mountPoint));
        }
        for (String file : List.of("hosts", "resolv.conf")) {
            Path from = Path.of("/etc", file);
            if (Files.exists(from)) {
                Files.copy(from, root.resolve("etc").resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String script = String.join(
                "\n",
                "set -e",
                "R=\"$1\"; U=\"$2\"; shift 2",
                "mount --bind \"$R\" \"$R\"",
                "mount -o remount,bind,ro \"$R\"",
                "mount -t tmpfs -o mode=1777 tmpfs \"$R/tmp\"",
                "mount -t proc proc \"$R/proc\"",
                "mount -t tmpfs -o mode=755 tmpfs \"$R/dev\"",
                "for d in null zero full random urandom; do",
                "  touch \"$R/dev/$d\" && mount --bind \"/dev/$d\" \"$R/dev/$d\"",
                "done",
                "exec chroot --userspec=\"$U\" \"$R\" \"$@\"");
        List<String> command = new ArrayList<>(List.of(
                "unshare", "--mount", "--pid", "--fork", "--kill-child", "sh", "-c", script, "sh", root.toString()));
        command.add(user());
        for (JsonNode part : config().get("Entrypoint")) {
            command.add(part.asString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * Stops a container as an engine does: SIGTERM to its first process (the entry point, PID 1 of
     * its namespace), then SIGKILL if it has not stopped within the grace period. Returns whether
     * it stopped within it. Always stop a container this way: killing only {@code unshare} leaves
     * the entry point running, since changing user cleared the signal it would have had on its
     * parent's death.
     */
    public static boolean stop(Process container, Duration grace) throws InterruptedException {
        container.toHandle().children().forEach(ProcessHandle::destroy);
        if (container.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        container.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        container.destroyForcibly();
        container.waitFor();
        return false;
    }

    /**
     * Whether images can be run here: as root on Linux (to mount and chroot), with unshare and
     * chroot, on x86-64 (the C libraries are copied from their Debian paths).
     */
    public static boolean runnableHere() {
        return "root".equals(System.getProperty("user.name"))
                && "amd64".equals(System.getProperty("os.arch"))
                && new File("/usr/bin/unshare").canExecute()
                && new File("/usr/sbin/chroot").canExecute();
    }

    /** The stand-in base: this JDK linked to a runtime at /opt/java/openjdk, and its C libraries. */
    private static Path standInBase(Path base) throws Exception {
        Path java = base.resolve("opt/java/openjdk");
        if (!Files.exists(java.resolve("release"))) {
            FileSystemUtils.deleteRecursively(base);
            ToolProvider jlink = ToolProvider.findFirst("jlink")
                    .orElseThrow(() -> new IllegalStateException("jlink is not in " + System.getProperty("java.home")));
            int status = jlink.run(
                    System.out,
                    System.err,
                    "--add-modules",
                    MODULES,
                    "--strip-debug",
                    "--no-header-files",
                    "--no-man-pages",
                    "--output",
                    java.toString());
            if (status != 0) {
                throw new IllegalStateException("jlink failed: " + status);
            }
            for (Path library : libraries(java)) {
                Path copy = base.resolve(library.toString().substring(1));
                Files.createDirectories(copy.getParent());
                Files.copy(library.toRealPath(), copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return base;
    }

    /** The C libraries (and the loader) the runtime's programs and libraries link to, outside it. */
    private static List<Path> libraries(Path java) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("ldd", java.resolve("bin/java").toString()));
        try (Stream<Path> files = Files.walk(java.resolve("lib"))) {
            // Not the libraries for a display (X11), which a server's headless Java never loads.
            files.filter(p -> p.getFileName().toString().endsWith(".so"))
                    .filter(p -> !DISPLAY_ONLY.contains(p.getFileName().toString()))
                    .forEach(p -> command.add(p.toString()));
        }
        String output = run(new ProcessBuilder(command).redirectErrorStream(true), null);
        List<Path> libraries = new ArrayList<>();
        Matcher matcher = LIBRARY.matcher(output);
        while (matcher.find()) {
            Path library = Path.of(matcher.group(1)).normalize();
            if (!library.startsWith(java) && !libraries.contains(library)) {
                libraries.add(library);
            }
        }
        return libraries;
    }

    private static Path blob(Path layout, String digest) {
        return layout.resolve("blobs").resolve(digest.replace(':', '/'));
    }

    private static String run(ProcessBuilder builder, String failure) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0 && failure != null) {
            throw new IllegalStateException(failure + ":\n" + output);
        }
        return output;
    }

    private static Path fresh(Path directory) throws IOException {
        FileSystemUtils.deleteRecursively(directory);
        return Files.createDirectories(directory);
    }
}
