package org.issuetracker.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket to 127.0.0.1, byte for byte as given: request targets no URI class would accept
 * ({@code /api/..;/}, raw {@code 0xFF}, {@code %00}), any method, header values with bytes outside ASCII. The
 * {@link Http} client normalises or refuses all of these, and an attacker's client does not.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** One request; {@code headers} are name, value pairs. A body gets its Content-Length unless one is given. */
    public record Request(String method, byte[] target, List<String[]> headers, byte[] body) {

        public static Request of(String method, String target, byte[] body, String... headers) {
            List<String[]> pairs = new ArrayList<>();
            for (int i = 0; i < headers.length; i += 2) {
                pairs.add(new String[] {headers[i], headers[i + 1]});
            }
            return new Request(method, target.getBytes(StandardCharsets.ISO_8859_1), pairs, body);
        }

        public Request withHeader(String name, String value) {
            List<String[]> pairs = new ArrayList<>(headers);
            pairs.add(new String[] {name, value});
            return new Request(method, target, pairs, body);
        }

        public Optional<String> header(String name) {
            return headers.stream()
                    .filter(h -> h[0].equalsIgnoreCase(name))
                    .map(h -> h[1])
                    .findFirst();
        }

        public String targetText() {
            return new String(target, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * The answer; {@code status} is 0 when the server closed the connection without one (the request is then
     * reported, never taken as a pass or a 5xx).
     */
    public record Response(int status, Map<String, String> headers, String body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    public Response send(Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write(request.method().getBytes(StandardCharsets.ISO_8859_1));
            head.write(' ');
            head.write(request.target());
            head.write(" HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            line(head, "Host", "127.0.0.1:" + port);
            line(head, "Connection", "close");
            for (String[] header : request.headers()) {
                line(head, header[0], header[1]);
            }
            boolean chunked = request.header("Transfer-Encoding").isPresent();
            if (request.body() != null
                    && !chunked
                    && request.header("Content-Length").isEmpty()) {
                line(head, "Content-Length", String.valueOf(request.body().length));
            }
            head.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(head.toByteArray());
            try {
                if (request.body() != null) {
                    out.write(chunked ? chunk(request.body()) : request.body());
                }
                out.flush();
            } catch (IOException refusedMidway) {
                // the server may answer (413) and close before reading all of a large body: read what it said
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            return new Response(0, Map.of(), "(no answer: " + e.getMessage() + ")");
        }
    }

    private static void line(ByteArrayOutputStream head, String name, String value) throws IOException {
        // ISO-8859-1 keeps each char as one byte, so a value built from raw bytes goes out unchanged
        head.write((name + ": " + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] chunk(byte[] body) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        int size = 64 * 1024;
        for (int offset = 0; offset < body.length; offset += size) {
            int length = Math.min(size, body.length - offset);
            chunks.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            chunks.write(body, offset, length);
            chunks.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return chunks.toByteArray();
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException cut) {
            if (all.size() == 0) {
                throw cut;
            }
        }
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        int skipped = 0;
        while (text.startsWith("HTTP/1.1 1") && end >= 0) {
            // an interim answer (100 Continue) before the real one
            skipped += end + 4;
            text = text.substring(end + 4);
            end = text.indexOf("\r\n\r\n");
        }
        if (!text.startsWith("HTTP/") || end < 0) {
            return new Response(0, Map.of(), "(no answer: " + text.length() + " bytes that are not HTTP)");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        byte[] body = all.toByteArray();
        byte[] content = java.util.Arrays.copyOfRange(body, skipped + end + 4, body.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            content = dechunk(content);
        }
        return new Response(status, headers, new String(content, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOfCrLf(chunked, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            content.write(chunked, start, Math.min(size, chunked.length - start));
            at = start + size + 2;
        }
        return content.toByteArray();
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
