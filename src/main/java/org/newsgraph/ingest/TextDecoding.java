package org.newsgraph.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a file as text: BOM-aware, strict UTF-8 otherwise, refusing empty and binary files. */
final class TextDecoding {

    /** Larger files are refused: no news article is this long, and a crawler's mistakes can be. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private TextDecoding() {
    }

    static String read(Path file) throws BadInputException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new BadInputException("file too large (" + size / (1024 * 1024) + " MB; limit "
                        + MAX_BYTES / (1024 * 1024) + " MB)");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException("cannot read file (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length == 0) {
            throw new BadInputException("empty file");
        }
        Charset charset = StandardCharsets.UTF_8;
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (looksBinary(bytes)) {
            throw new BadInputException("binary file, not text");
        }
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException("not valid " + charset.name() + " text");
        }
        if (text.isBlank()) {
            throw new BadInputException("empty file (only whitespace)");
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    // NUL bytes do not occur in UTF-8 text; a share of control characters marks other binaries.
    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x09 || (b > 0x0D && b < 0x20)) {
                control++;
            }
        }
        return control > n / 20;
    }
}
