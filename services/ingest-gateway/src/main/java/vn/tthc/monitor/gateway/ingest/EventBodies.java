package vn.tthc.monitor.gateway.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a request body into the original bytes of each event, without judging the events:
 * a JSON array gives its elements, NDJSON its non-blank lines. Only a body that is not UTF-8
 * JSON of that shape is refused; whether each piece is a valid event is {@code EventParser}'s
 * business.
 */
public final class EventBodies {

    private EventBodies() {
    }

    /** The elements of a top-level JSON array, each as the exact bytes it had in the body. */
    public static List<byte[]> fromJsonArray(final byte[] body) throws MalformedBodyException {
        requireUtf8(body);
        requireContent(body);
        final List<byte[]> events = new ArrayList<>();
        JsonParser parser = null;
        try {
            parser = JsonLimits.FACTORY.createParser(body);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedBodyException("the body must be a JSON array of events");
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new MalformedBodyException("the JSON array is not closed");
                }
                final int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                // A string value is read lazily: finish it so that the location is past its closing quote.
                parser.finishToken();
                final int end = (int) parser.currentLocation().getByteOffset();
                events.add(Arrays.copyOfRange(body, start, end));
            }
            if (parser.nextToken() != null) {
                throw new MalformedBodyException("content after the JSON array at byte "
                    + parser.currentTokenLocation().getByteOffset());
            }
        } catch (final JsonProcessingException e) {
            throw new MalformedBodyException(JsonLimits.reason(e, parser));
        } catch (final IOException e) {
            throw new MalformedBodyException("the body could not be read as JSON");
        } finally {
            close(parser);
        }
        return events;
    }

    /** The non-blank lines of an NDJSON body, each of which must be one JSON value. */
    public static List<byte[]> fromNdjson(final byte[] body) throws MalformedBodyException {
        requireUtf8(body);
        requireContent(body);
        final List<byte[]> events = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start <= body.length) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            lineNumber++;
            int contentEnd = end;
            if (contentEnd > start && body[contentEnd - 1] == '\r') {
                contentEnd--;
            }
            final byte[] line = Arrays.copyOfRange(body, start, contentEnd);
            if (!isBlank(line)) {
                requireOneJsonValue(line, lineNumber);
                events.add(line);
            }
            start = end + 1;
        }
        return events;
    }

    private static void requireOneJsonValue(final byte[] line, final int lineNumber) throws MalformedBodyException {
        JsonParser parser = null;
        try {
            parser = JsonLimits.FACTORY.createParser(line);
            parser.nextToken();
            parser.skipChildren();
            parser.finishToken();
            if (parser.nextToken() != null) {
                throw new MalformedBodyException("line " + lineNumber + ": more than one JSON value");
            }
        } catch (final JsonProcessingException e) {
            throw new MalformedBodyException("line " + lineNumber + ": " + JsonLimits.reason(e, parser));
        } catch (final IOException e) {
            throw new MalformedBodyException("line " + lineNumber + ": could not be read as JSON");
        } finally {
            close(parser);
        }
    }

    /** An empty body (or one of white space only) carries no array and no line: say so rather than "not JSON". */
    private static void requireContent(final byte[] body) throws MalformedBodyException {
        if (allWhiteSpace(body)) {
            throw new MalformedBodyException("the body is empty");
        }
    }

    private static boolean allWhiteSpace(final byte[] body) {
        for (final byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static void close(final JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (final IOException e) {
                // A parser over a byte array holds no resource that could fail to close.
            }
        }
    }

    private static boolean isBlank(final byte[] line) {
        for (final byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Refuses bodies that are not strict UTF-8, and NUL bytes, which JSON text never holds but
     * which would let the parser guess UTF-16 or UTF-32 and the topic get non-UTF-8 values.
     */
    public static void requireUtf8(final byte[] body) throws MalformedBodyException {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                throw new MalformedBodyException("NUL byte at byte " + i + ": the body must be UTF-8 JSON");
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body));
        } catch (final CharacterCodingException e) {
            throw new MalformedBodyException("the body is not valid UTF-8");
        }
    }
}
