package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an attacker or a careless client sends, walked as a corpus: odd characters, long ids, encoded nulls
 * and backslashes, NoSQL operators, invalid percent-encodings, very long query strings, numbers that wrap or
 * are not whole, duplicate keys, trailing data, deep nesting and wrong content types. Every one must answer
 * a 4xx (never a 5xx), as problem+json under {@code /api} and as the app's own HTML page elsewhere, and no
 * answer may show a Java class name or a stack trace. Requests are written on a raw socket, since a
 * well-behaved HTTP client refuses to send most of these addresses.
 */
class HostileInputIT extends DeployedApplication {

    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "(?:\\b(?:java|javax|jakarta|org\\.glassfish|org\\.apache|com\\.sun|fish\\.payara)\\.[a-z]+\\.|Exception\\b|\\tat |Payara)");
    private static final String APP_PAGE = "class=\"masthead\"";

    /** An answer read off the wire: status, headers (lower-case names) and body. */
    record Answer(int status, Map<String, String> headers, String body) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private Answer send(String method, String rawTarget, Map<String, String> headers, byte[] body) throws IOException {
        try (var socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            var request = new StringBuilder(method).append(' ').append(rawTarget).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(base.getPort()).append("\r\nConnection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                request.append("Content-Length: ").append(body.length).append("\r\n");
            }
            var out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        var raw = in.readAllBytes();
        var text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        assertTrue(end > 0, "no HTTP answer: " + text);
        var lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new LinkedHashMap<String, String>();
        for (var line : Arrays.copyOfRange(lines, 1, lines.length)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        var body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        var out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (chunked[lineEnd] != '\r') {
                lineEnd++;
            }
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static final Map<String, String> ADMIN = Map.of("Authorization", Server.ADMIN_CREDENTIALS);
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private static void assertRefusedPolitely(String what, String target, Answer answer, List<String> failures) {
        var problems = new ArrayList<String>();
        if (answer.status() < 400 || answer.status() >= 500) {
            problems.add("status " + answer.status());
        }
        boolean api = target.startsWith("/api/") || target.startsWith("/api?");
        if (api && !answer.contentType().startsWith("application/problem+json")) {
            problems.add("content type " + answer.contentType() + " instead of problem+json");
        }
        if (!api && !(answer.contentType().startsWith("text/html") && answer.body().contains(APP_PAGE))) {
            problems.add("not the app's HTML page (" + answer.contentType() + ")");
        }
        var internals = JAVA_INTERNALS.matcher(answer.body());
        if (internals.find()) {
            problems.add("shows internals: " + internals.group());
        }
        if (!problems.isEmpty()) {
            var shown = what.length() > 80 ? what.substring(0, 80) + "…" : what;
            failures.add(shown + ": " + String.join(", ", problems) + " — "
                    + answer.body().substring(0, Math.min(160, answer.body().length())));
        }
    }

    @Test
    void hostilePathsAreRefusedWithTheAppsOwnAnswer() throws Exception {
        var longId = "x".repeat(10_000);
        var paths = new ArrayList<>(List.of(
                "/api/predictions/" + longId,
                "/api/predictions/..%2F..%2Fetc%2Fpasswd", "/api/predictions/a%2Fb", "/api/predictions/x/digits/abc/input.png",
                "/api/predictions/x?as=" + "z".repeat(20_000), "/api/nothing-here", "/api/predictions/%E2%82%AC",
                "/api/predictions/$where", "/nothing-here", "/" + longId, "/x%2e%2e/", "/assets/none.css",
                "/admin/model?id=x", "/admin/model?id=%7B%22%24ne%22%3Anull%7D", "/admin/model?id=" + longId,
                "/admin/exploration/image?index=-5", "/admin/exploration/image?index=abc",
                "/admin/exploration/image?index=" + "9".repeat(20_000), "/admin/exploration/digit?digit=99",
                "/admin/errors?model=%7B%22%24ne%22%3Anull%7D", "/admin/model?id=x%00y", "/admin/model?id=%ZZ"));
        var failures = new ArrayList<String>();
        for (var path : paths) {
            assertRefusedPolitely("GET " + path, path, send("GET", path, ADMIN, null), failures);
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + paths.size() + " paths answered badly:\n" + String.join("\n", failures));
    }

    /**
     * Addresses Payara 7.2025.1's connector cannot read (CoyoteAdapter's URI decoding and normalization): an
     * encoded null byte or backslash, percent-encodings that are not UTF-8, a malformed escape, a path climbing
     * above the root. Left to Payara, they got an empty 400 (and an empty 200 for {@code %ZZ}, Payara issue
     * #8000) before any application code; the Grizzly filter of {@code src/valve} (UnreadableAddressFilter, put
     * into the HTTP listener by the pre-boot commands' second valve) sends them to the app, which answers its
     * own 400: problem+json in plain words under {@code /api}, the translated error page for a browser elsewhere
     * (French by default, English with {@code ?lang=en}).
     */
    @Test
    void addressesTheConnectorCannotReadGetTheAppsOwn400() throws Exception {
        var failures = new ArrayList<String>();
        for (var path : List.of("/api/predictions/a%00b", "/api/predictions/a%5Cb", "/api/predictions/%C3%28", "/api/predictions/%C0%AF",
                "/api/predictions/%ZZ", "/api/predictions/../../../etc/passwd")) {
            var answer = send("GET", path, Map.of(), null);
            assertRefusedPolitely("GET " + path, path, answer, failures);
            if (answer.status() != 400 || !detail(answer).contains("The address cannot be read")) {
                failures.add(path + ": " + answer.status() + " " + answer.body());
            }
        }
        var html = Map.of("Accept", "text/html");
        for (var path : List.of("/x%00y", "/x%5Cy", "/%ff%fe", "/x%C3%28", "/%ZZ", "/..%2F..%2Fetc%2Fpasswd")) {
            var french = send("GET", path, html, null);
            assertRefusedPolitely("GET " + path, path, french, failures);
            if (french.status() != 400 || !french.body().contains("Erreur 400") || !french.body().contains("Cette demande est mal formée")) {
                failures.add(path + " (French): " + french.status() + " " + french.body());
            }
            var english = send("GET", path + "?lang=en", html, null);
            if (english.status() != 400 || !english.body().contains("Error 400") || !english.body().contains("This request is malformed")) {
                failures.add(path + "?lang=en: " + english.status() + " " + english.body());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * A colon in the path, plain or encoded (also inside an encoded JSON operator), anonymous or as the admin:
     * Payara 7.2025.1's authorization builds an invalid JACC pattern from it (Payara issue #7777) and, with
     * Jakarta Security installed, answered an empty 500 before any application code. The host valve of
     * {@code src/valve} (ColonPathValve, installed by the pre-boot commands) escapes the colon in the path the
     * authorization reads, so these reach the app and get its own answers: 404 for an unknown id or page
     * (the admin's), 400 for an id sent with raw braces and quotes, 401 for the admin area without
     * credentials, problem+json under {@code /api} and the app's page elsewhere. The ids in the problems keep their colon: only the authorization's copy was escaped.
     */
    @Test
    void aColonInThePathGetsTheAppsOwnAnswer() throws Exception {
        var failures = new ArrayList<String>();
        for (var path : List.of("/api/predictions/a:b", "/api/predictions/a%3Ab", "/api/predictions/%7B%22%24ne%22%3Anull%7D",
                "/api/admin/trainings/%7B%22%24ne%22%3Anull%7D", "/api/admin/trainings/a:b",
                "/api/predictions/%E2%82%AC:x", "/a:b", "/a%3Ab", "/admin/a:b", "/admin:x/y")) {
            expectColonAnswer(path, ADMIN, 404, failures);
        }
        // Braces and quotes left unencoded make an invalid request target: the app's 400, no longer Payara's 500.
        expectColonAnswer("/api/predictions/{\"$ne\":null}", ADMIN, 400, failures);
        expectColonAnswer("/api/admin/trainings/a:b", Map.of(), 401, failures);
        expectColonAnswer("/admin/a%3Ab", Map.of(), 401, failures);
        expectColonAnswer("/admin:x/y", Map.of(), 404, failures);
        var problem = send("GET", "/api/predictions/a%3Ab", Map.of(), null);
        assertTrue(problem.body().contains("a:b"), "the id keeps its colon: " + problem.body());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private void expectColonAnswer(String path, Map<String, String> headers, int status, List<String> failures) throws IOException {
        var answer = send("GET", path, headers, null);
        var what = "GET " + path + (headers.isEmpty() ? " (anonymous)" : " (admin)");
        assertRefusedPolitely(what, path, answer, failures);
        if (answer.status() != status) {
            failures.add(what + ": " + answer.status() + " instead of " + status);
        }
    }

    private static String pixels(String value) {
        var values = new String[784];
        Arrays.fill(values, "0");
        values[300] = value;
        return "{\"pixels\": [" + String.join(",", values) + "]}";
    }

    @Test
    void hostileBodiesAreRefusedInPlainWords() throws Exception {
        var failures = new ArrayList<String>();
        var bodies = new LinkedHashMap<String, String>();
        for (var value : List.of("4294967396", "1099511627776", "1e400", "255.5", "-0.5", "\"200\"", "null", "256")) {
            bodies.put("pixel " + value, pixels(value));
        }
        bodies.put("duplicate keys", "{\"pixels\": [1], \"pixels\": [2]}");
        bodies.put("trailing garbage", pixels("0") + " {\"image\": 1}");
        bodies.put("deep nesting", "{\"pixels\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}");
        bodies.put("unknown field", "{\"$where\": \"sleep(1000)\"}");
        bodies.put("operator as a value", "{\"image\": {\"$ne\": null}}");
        bodies.put("JSON null", "null");
        bodies.put("not JSON", "pixels=1,2,3");
        for (var body : bodies.entrySet()) {
            var answer = send("POST", "/api/predictions", JSON, body.getValue().getBytes(StandardCharsets.UTF_8));
            assertRefusedPolitely(body.getKey(), "/api/predictions", answer, failures);
        }
        var invalidUtf8 = new byte[] {'{', '"', 'i', 'm', 'a', 'g', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertRefusedPolitely("invalid UTF-8", "/api/predictions", send("POST", "/api/predictions", JSON, invalidUtf8), failures);
        for (var type : List.of("text/plain", "application/xml", "image/gif", "application/x-www-form-urlencoded", "nonsense")) {
            var answer = send("POST", "/api/predictions", Map.of("Content-Type", type), pixels("0").getBytes(StandardCharsets.UTF_8));
            assertRefusedPolitely("content type " + type, "/api/predictions", answer, failures);
        }
        var json = send("POST", "/api/predictions", JSON, pixels("0").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, json.status(), json.body());
        var id = Server.JSON.fromJson(json.body(), Map.class).get("id");
        for (var value : List.of("4294967303", "\"7\"", "7.5", "-1", "10", "1e400", "[7]")) {
            var answer = send("PUT", "/api/predictions/" + id + "/label", JSON, ("{\"digit\": " + value + "}").getBytes(StandardCharsets.UTF_8));
            assertRefusedPolitely("label " + value, "/api/predictions/", answer, failures);
        }
        assertTrue(failures.isEmpty(), failures.size() + " bodies answered badly:\n" + String.join("\n", failures));
    }

    @Test
    void plainWordsNameThePixelAndTheDigit() throws Exception {
        var answer = send("POST", "/api/predictions", JSON, pixels("255.5").getBytes(StandardCharsets.UTF_8));
        assertEquals(400, answer.status());
        assertTrue(answer.body().contains("'pixels[300]' must be a whole number, not 255.5"), answer.body());
        var stored = send("POST", "/api/predictions", JSON, pixels("0").getBytes(StandardCharsets.UTF_8));
        var id = Server.JSON.fromJson(stored.body(), Map.class).get("id");
        var label = send("PUT", "/api/predictions/" + id + "/label", JSON, "{\"digit\": 4294967303}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, label.status());
        assertTrue(label.body().contains("'digit' is 4294967303, too large a number"), label.body());
    }

    /** The detail of a problem+json answer, or the whole body when it is not one. */
    private static String detail(Answer answer) {
        try {
            return String.valueOf(Server.JSON.fromJson(answer.body(), Map.class).get("detail"));
        } catch (RuntimeException notJson) {
            return answer.body();
        }
    }

    /**
     * Every JSON body of the API is bound by the app's strict reader, never by JSON-B's (which Payara registers
     * too, and which took a quoted digit for a digit and answered [7] with a 500 when the strict reader reached
     * JAX-RS as a CDI proxy): at each address a quoted number, a bare array, a key given twice, an unknown field
     * and an oversized body get the strict reader's own sentences, and values out of their domain get the
     * request record's Bean Validation sentences. Every integration test class deploys the application anew,
     * so each run of this class is one more deployment in which the choice of reader is checked.
     */
    @Test
    void everyJsonBodyIsBoundByTheStrictReaderAndValidated() throws Exception {
        var stored = send("POST", "/api/predictions", JSON, pixels("0").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, stored.status(), stored.body());
        var label = "/api/predictions/" + Server.JSON.fromJson(stored.body(), Map.class).get("id") + "/label";
        var numberLabel = label.replace("/label", "/number-label");
        var answer = "/api/captcha/challenges/forged/answer";
        var admin = new LinkedHashMap<>(JSON);
        admin.putAll(ADMIN);
        // address -> {headers, the body with a quoted whole number, the strict reader's sentence about it}
        var addresses = new LinkedHashMap<String, List<Object>>();
        addresses.put("POST /api/predictions", List.of(JSON, "{\"pixels\": [\"7\"]}", "'pixels[0]' must be a whole number, not \"7\""));
        addresses.put("PUT " + label, List.of(JSON, "{\"digit\": \"7\"}", "'digit' must be a whole number, not \"7\""));
        addresses.put("PUT " + numberLabel, List.of(JSON, "{\"number\": 7}", "'number' must be text in quotes, not 7"));
        addresses.put("POST " + answer, List.of(JSON, "{\"powNumber\": \"7\"}", "'powNumber' must be a whole number, not \"7\""));
        addresses.put("POST /api/captcha/verifications", List.of(JSON, "{\"pass\": 7}", "'pass' must be text in quotes, not 7"));
        addresses.put("POST /api/admin/robustness", List.of(admin, "{\"digits\": \"7\"}", "'digits' must be a whole number, not \"7\""));
        var failures = new ArrayList<String>();
        for (int round = 0; round < 3; round++) {
            for (var address : addresses.entrySet()) {
                var method = address.getKey().substring(0, address.getKey().indexOf(' '));
                var target = address.getKey().substring(method.length() + 1);
                @SuppressWarnings("unchecked")
                var headers = (Map<String, String>) address.getValue().get(0);
                var expected = new LinkedHashMap<String, String>();
                expected.put((String) address.getValue().get(1), (String) address.getValue().get(2));
                expected.put("[7]", "The request body must be an object in curly braces, not [7]");
                expected.put("{\"zz\": 1, \"zz\": 2}", "The key \"zz\" appears twice");
                expected.put("{\"zz\": 1}", "Unknown field \"zz\"");
                expected.put("", "The request body is empty");
                for (var body : expected.entrySet()) {
                    var reply = send(method, target, headers, body.getKey().getBytes(StandardCharsets.UTF_8));
                    if (reply.status() != 400 || !detail(reply).contains(body.getValue())) {
                        failures.add(address.getKey() + " " + body.getKey() + ": " + reply.status() + " " + reply.body());
                    }
                }
                if (!target.equals("/api/predictions") && !target.equals(answer)) {
                    var oversized = send(method, target, headers, ("{" + " ".repeat(2_000) + "}").getBytes(StandardCharsets.UTF_8));
                    if (oversized.status() != 413 || !detail(oversized).contains("is larger than the limit of 1000 bytes")) {
                        failures.add(address.getKey() + " oversized: " + oversized.status() + " " + oversized.body());
                    }
                }
            }
        }
        var invalid = new LinkedHashMap<String, List<String>>();
        invalid.put("PUT " + label, List.of("{\"digit\": 10}", "'digit' must be a whole number 0-9",
                "{\"digit\": -1}", "'digit' must be a whole number 0-9", "{}", "'digit' is missing", "{\"digit\": null}", "'digit' is missing"));
        invalid.put("PUT " + numberLabel, List.of("{\"number\": \"12a\"}", "'number' must be digits 0-9 only",
                "{\"number\": \"12345678901\"}", "'number' must have 1 to 10 digits", "{}", "'number' is missing"));
        invalid.put("POST /api/predictions", List.of("{\"pixels\": [0, 7, 255]}", "'pixels' has 3 values; a drawing is 784 grey levels (28x28)",
                pixels("256"), "'pixels' has 256 at index 300; grey levels are whole numbers 0-255"));
        invalid.put("POST " + answer, List.of("{\"text\": \"12\"}", "'text' must be one digit 0-9",
                "{\"strokes\": [null]}", "'strokes[0]' is not a stroke", "{\"powNumber\": -1}", "'powNumber' must be a whole number 0 or more"));
        invalid.put("POST /api/admin/robustness", List.of("{\"digits\": 0}", "'digits' must be a whole number 1 or more"));
        for (var address : invalid.entrySet()) {
            var method = address.getKey().substring(0, address.getKey().indexOf(' '));
            var target = address.getKey().substring(method.length() + 1);
            for (int i = 0; i < address.getValue().size(); i += 2) {
                var reply = send(method, target, target.startsWith("/api/admin") ? admin : JSON,
                        address.getValue().get(i).getBytes(StandardCharsets.UTF_8));
                var sentence = address.getValue().get(i + 1);
                if (reply.status() != 400 || !detail(reply).contains(sentence) || !reply.contentType().startsWith("application/problem+json")) {
                    failures.add(address.getKey() + " " + address.getValue().get(i).substring(0, Math.min(40, address.getValue().get(i).length()))
                            + ": " + reply.status() + " " + reply.body());
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " bodies answered otherwise:\n" + String.join("\n", failures));
    }

    @Test
    void theErrorPageSpeaksFrenchFirstAndEnglishOnRequest() throws Exception {
        var french = send("GET", "/admin/model?id=x", ADMIN, null);
        assertEquals(404, french.status());
        assertTrue(french.body().contains("Erreur 404") && french.body().contains("Il n’y a rien à cette adresse"), french.body());
        var german = send("GET", "/admin/model?id=x", Map.of("Authorization", Server.ADMIN_CREDENTIALS, "Accept-Language", "de-DE"), null);
        assertTrue(german.body().contains("Error 404"), "a German browser reads English: " + german.body());
        var english = send("GET", "/admin/model?id=x&lang=en", ADMIN, null);
        assertTrue(english.body().contains("Error 404") && english.body().contains("There is nothing at this address."), english.body());
        var remembered = send("GET", "/nothing-here", Map.of("Cookie", "lang=en"), null);
        assertEquals(404, remembered.status());
        assertTrue(remembered.body().contains("Error 404"), remembered.body());
    }

    @Test
    void theErrorPageSaysItOnceAndHtmxGetsTheSentenceAlone() throws Exception {
        var page = send("GET", "/nothing-here?lang=en", Map.of(), null);
        assertEquals(404, page.status());
        assertEquals(1, page.body().split("role=\"alert\"", -1).length - 1, "one alert, the card: " + page.body());
        assertFalse(page.body().contains("The request did not succeed"), "not the HTMX sentence above the card: " + page.body());

        var swapped = send("GET", "/nothing-here?lang=en", Map.of("HX-Request", "true"), null);
        assertEquals(404, swapped.status());
        assertTrue(swapped.body().strip().startsWith("<p") && swapped.body().contains("class=\"error\"")
                && !swapped.body().contains("<main"), "only the sentence HTMX swaps in: " + swapped.body());
    }
}
