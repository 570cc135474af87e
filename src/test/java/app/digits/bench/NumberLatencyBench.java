package app.digits.bench;

import app.digits.robustness.control.MnistTestSet;
import app.digits.robustness.control.RobustnessSets;
import app.digits.robustness.entity.RobustnessSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * How long a running server takes to read a whole number, as a client waits for it: the first numbers of the
 * robustness sets of numbers (seed 1, the same PNGs as {@code RobustnessBench}) sent one after the other to
 * {@code POST /api/predictions?as=number}, each set sent twice and timed the second time (the first warms the
 * server). Prints per set the median, 90th percentile and longest wall time and how many numbers came back
 * exactly. It exists because a number's reading asks the model about hundreds of candidate pieces, so its cost
 * moves with the served model far more than a single digit's. Run with {@code mvn -q test-compile
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt} then {@code java -cp
 * target/test-classes:target/classes:$(cat target/cp.txt) app.digits.bench.NumberLatencyBench http://127.0.0.1:8080 100}
 * (the server, numbers per set). Loopback only, as the other load scripts.
 */
public final class NumberLatencyBench {

    private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"(\\d*)\"");

    private NumberLatencyBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        var server = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        if (!"127.0.0.1".equals(server.getHost()) && !"localhost".equals(server.getHost())) {
            throw new IllegalArgumentException(server + " is not on loopback; this bench only loads a local server");
        }
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        var test = MnistTestSet.images();
        var endpoint = server.resolve("/api/predictions?as=number");
        try (var client = HttpClient.newHttpClient()) {
            System.out.printf("| set (%s, seed 1) | n | median ms | p90 ms | longest ms | read exactly |%n"
                    + "|---|---|---|---|---|---|%n", server);
            for (var set : Arrays.stream(RobustnessSet.values()).filter(RobustnessSet::numbers).toList()) {
                var samples = IntStream.range(0, count).mapToObj(i -> RobustnessSets.sample(set, test, 1, i)).toList();
                var millis = new double[count];
                int exact = 0;
                for (int round = 0; round < 2; round++) {
                    exact = 0;
                    for (int i = 0; i < count; i++) {
                        var request = HttpRequest.newBuilder(endpoint).header("Content-Type", "image/" + samples.get(i).format())
                                .POST(HttpRequest.BodyPublishers.ofByteArray(samples.get(i).image())).build();
                        long start = System.nanoTime();
                        var answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                        millis[i] = (System.nanoTime() - start) / 1e6;
                        var read = NUMBER.matcher(answer.body());
                        exact += answer.statusCode() / 100 == 2 && read.find() && read.group(1).equals(samples.get(i).expected()) ? 1 : 0;
                    }
                }
                Arrays.sort(millis);
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %d |%n", set.key(), count, millis[count / 2],
                        millis[(int) Math.ceil(count * 0.9) - 1], millis[count - 1], exact);
            }
        }
    }
}
