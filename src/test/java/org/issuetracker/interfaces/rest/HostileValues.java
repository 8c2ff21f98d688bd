package org.issuetracker.interfaces.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What a hostile client puts where the API expects an id, a number, a field or an archive. Path and query values
 * are written into the request line as they are: percent-encoded ones stay encoded, others are raw bytes (a char
 * here is one byte on the wire, so {@code \u00ff} is the invalid UTF-8 byte 0xFF).
 */
final class HostileValues {

    private HostileValues() {}

    /** A well-formed id that names nothing: writes aimed at it must change nothing. */
    static final String NO_SUCH_ID = "ffffffffffffffffffffffff";

    static final List<String> PATH_SEGMENTS = List.of(
            "..",
            "%2e%2e",
            "%2E%2E%2F%2E%2E%2Fusers",
            "%00",
            "a%00b",
            "%FF%FE",
            "%C3%28",
            "\u00ff\u00fe",
            "%24where",
            "$ne",
            "1e400",
            "9223372036854775808",
            "-1",
            "0",
            "x".repeat(3000),
            "a;jsessionid=ABC",
            "%2F..%2Fadmin",
            "%7B%22%24ne%22%3Anull%7D",
            "%0D%0ASet-Cookie:%20x=1",
            "null",
            "%3Cscript%3E",
            NO_SUCH_ID,
            "FFFFFFFFFFFFFFFFFFFFFFFF%20",
            "%c0%ae%c0%ae",
            "%u002e%u002e");

    static final List<String> QUERY_VALUES = List.of(
            "1e400",
            "9223372036854775808",
            "-9223372036854775809",
            "-1",
            "0",
            "abc",
            "%00",
            "a%00b",
            "%FF%FE",
            "\u00ff",
            "%24where",
            "%7B%22%24ne%22%3Anull%7D",
            "%5B%5D",
            "",
            "%20",
            "x".repeat(5000),
            "..%2F..%2F",
            "true%00",
            "1.5",
            "0x10");

    /** Query parameters swept on every operation, declared or not (undeclared ones must be ignored). */
    static final List<String> COMMON_QUERY =
            List.of("q", "label", "status", "category", "page", "size", "sort", "includeArchived", "prefix", "strict");

    /** JSON values of the wrong type, or of the right type but hostile, for any field. */
    static final List<String> FIELD_VALUES = List.of(
            "123",
            "-1",
            "0",
            "true",
            "1e400",
            "-1e400",
            "9223372036854775808",
            "-9223372036854775809",
            "1.5",
            "[]",
            "[1,[2]]",
            "{}",
            "{\"$ne\":null}",
            "{\"$gt\":\"\"}",
            "{\"$where\":\"sleep(10000)\"}",
            "[\"$where\"]",
            "\"\\u0000\"",
            "\"a\\u0000b\"",
            "\"\\ud800\"",
            "\"" + "x".repeat(200_000) + "\"",
            "null");

    /** Whole request bodies that are not the JSON object a resource reads (UTF-8 unless raw bytes are given). */
    static final List<byte[]> BODIES = List.of(
            utf8(""),
            utf8("{"),
            utf8("}"),
            utf8("[]"),
            utf8("\"text\""),
            utf8("123"),
            utf8("null"),
            utf8("true"),
            utf8("{} trailing"),
            utf8("{'single':'quotes'}"),
            utf8("{/* comment */}"),
            utf8("{\"a\":1e999999999}"),
            utf8("{\"$where\":\"sleep(10000)\",\"$gt\":\"\"}"),
            utf8("{\"__proto__\":{\"admin\":true},\"constructor\":{\"prototype\":{}}}"),
            utf8("{\"title\":\"a\",\"title\":{\"$ne\":null}}"),
            utf8("[" + "[".repeat(9_999) + "]".repeat(10_000)),
            utf8("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)),
            utf8("{\"labels\":[" + "\"a\",".repeat(99_999) + "\"a\"]}"),
            manyKeys(50_000),
            bytes(new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'}),
            bytes(new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'}),
            bytes(new byte[] {'{', '"', 't', '"', ':', '"', 'a', 0, 'b', '"', '}'}),
            bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}),
            bytes(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'}),
            bytes(new byte[] {0, 0, 0, 0}));

    /** Over the 1 MB limit of a JSON body. */
    static byte[] huge() {
        return utf8("{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
    }

    /** Bodies for a restore or a drill that are no valid archive, none of which may touch any data. */
    static final List<byte[]> ARCHIVES = List.of(
            utf8(""),
            utf8("not a zip"),
            utf8("{\"format\":\"issuetracker-backup\"}"),
            bytes(new byte[] {'P', 'K', 3, 4, 0, 0, 0}),
            truncated(zip("manifest.json", "{\"format\":\"issuetracker-backup\",\"version\":1}")),
            zip("manifest.json", "garbage"),
            zip("manifest.json", "{\"format\":\"other\",\"version\":1,\"database\":\"x\",\"collections\":[]}"),
            zip("manifest.json", "{\"format\":\"issuetracker-backup\",\"version\":999,\"collections\":[]}"),
            zip("manifest.json", "{\"$where\":\"1\",\"format\":{\"$ne\":null}}"),
            zip(
                    "collections/issues.jsonl",
                    "{\"_id\":{\"$oid\":\"ffffffffffffffffffffffff\"},\"title\":\"Restored by an attacker\"}\n",
                    "manifest.json",
                    "{\"format\":\"issuetracker-backup\",\"version\":1,\"database\":\"issuetracker\","
                            + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"collections\":[{\"name\":\"issues\","
                            + "\"count\":5,\"sha256\":\"00\"}]}"),
            zip("../../../../tmp/evil.jsonl", "{}\n", "manifest.json", "{}"),
            zip("collections/users.jsonl", "{\"$where\":\"sleep(10000)\"}\n{not json\n"),
            zip("collections/issues.jsonl", "x".repeat(5 * 1024 * 1024)));

    /** Authorization values of every malformed kind; none is a guess at an account's password. */
    static final List<String> MALFORMED_AUTHORIZATION = List.of(
            "",
            "Basic",
            "Basic ",
            "Basic !!!",
            "Basic =====",
            "basic " + base64("no-colon".getBytes(StandardCharsets.UTF_8)),
            "Basic " + base64(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, 0x28}),
            "Basic " + "A".repeat(4_000),
            "Bearer",
            "Bearer garbage",
            "Bearer " + "x".repeat(10_000),
            "Bearer \u00ff\u00fe",
            "Digest username=\"admin\", realm=\"x\", response=\"00\"",
            "Negotiate YII=");

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(byte[] bytes) {
        return bytes;
    }

    private static byte[] manyKeys(int count) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":0");
        }
        return utf8(json.append('}').toString());
    }

    /** A zip of name, content pairs. */
    static byte[] zip(String... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entries[i]));
                zip.write(utf8(entries[i + 1]));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] truncated(byte[] archive) {
        return java.util.Arrays.copyOf(archive, archive.length / 2);
    }
}
