package org.newsgraph.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/** JSON Lines (.jsonl): one article per line with id and text, and optional url, title, published, publisher, language. */
public final class JsonLinesArticleReader implements ArticleReader {

    @Override
    public boolean accepts(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
    }

    @Override
    public List<Ingested> read(Path file, String key, Metadata metadata) throws BadInputException {
        List<Ingested> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String name = file.getFileName().toString();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String where = name + " line " + n;
                try {
                    Article a = article(JSON.parse(line), key, metadata);
                    if (!ids.add(a.doc())) {
                        out.add(new Ingested.Failed(where, "duplicate id \"" + a.doc() + "\""));
                    } else {
                        out.add(new Ingested.Read(a));
                    }
                } catch (JsonException e) {
                    out.add(new Ingested.Failed(where, "not a JSON object (" + firstLine(e.getMessage()) + ")"));
                } catch (BadInputException e) {
                    out.add(new Ingested.Failed(where, e.getMessage()));
                }
            }
        } catch (CharacterCodingException e) {
            throw new BadInputException("not valid UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException("cannot read file (" + e.getClass().getSimpleName() + ")");
        }
        if (out.isEmpty()) {
            throw new BadInputException("empty file");
        }
        return out;
    }

    private static Article article(JsonObject o, String fileKey, Metadata fileMetadata) throws BadInputException {
        String id = string(o, "id");
        String text = string(o, "text");
        if (id == null || id.isBlank()) {
            throw new BadInputException("missing \"id\"");
        }
        if (text == null || text.isBlank()) {
            throw new BadInputException("missing or empty \"text\"");
        }
        Metadata m = new Metadata(string(o, "url"), string(o, "title"), string(o, "published"),
                string(o, "publisher"), string(o, "language")).or(fileMetadata);
        String title = m.title() != null ? m.title() : text.strip().lines().findFirst().orElse("");
        return new Article(fileKey + "#" + id, id, title, text.replace("\r\n", "\n"), m.url(), m.published(),
                m.publisher(), m.language());
    }

    private static String string(JsonObject o, String field) throws BadInputException {
        JsonValue v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString()) {
            return v.getAsString().value();
        }
        if (v.isNumber() && field.equals("id")) {
            return v.getAsNumber().value().toString();
        }
        throw new BadInputException("\"" + field + "\" must be a string");
    }

    private static String firstLine(String s) {
        return s == null ? "syntax error" : s.lines().findFirst().orElse("syntax error");
    }
}
