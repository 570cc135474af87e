package app.digits.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * For the tests whose subject is one of the project's scripts (the local cluster, the service installation):
 * the project's directory, whether a command is installed, running a script there with its output in a log
 * (ended when it outlives its limit), and the end of a log for a failure's message.
 */
final class Scripts {

    static final Path ROOT = Path.of(System.getProperty("digits.it.dir"), "..", "..").normalize();

    private Scripts() {
    }

    static boolean installed(String command) {
        var path = System.getenv("PATH") == null ? "" : System.getenv("PATH");
        return java.util.stream.Stream.concat(List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin").stream(), List.of(path.split(":")).stream())
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }

    /** Runs a command in the project's directory with these environment variables, its output in the log; its status. */
    static int run(Path log, Map<String, String> environment, Duration limit, String... command) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        var builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        var process = builder.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** The last lines of a file, or why there is none. */
    static String tail(Path file, int count) {
        try {
            var lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(no " + file + ": " + e.getMessage() + ")";
        }
    }
}
