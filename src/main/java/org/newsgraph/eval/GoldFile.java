package org.newsgraph.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/** Reads a gold file: JSON Lines, one event per line, in the format of events.md. */
public final class GoldFile {

    private GoldFile() {
    }

    public static List<GoldEvent> read(Path file) throws IOException {
        List<GoldEvent> out = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(event(JSON.parse(line)));
            } catch (JsonException | ClassCastException | NullPointerException e) {
                throw new IOException(file.getFileName() + " line " + n + ": not a gold event (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    private static GoldEvent event(JsonObject o) {
        List<List<String>> targets = new ArrayList<>();
        JsonValue ts = o.get("targets");
        if (ts != null && ts.isArray()) {
            for (JsonValue t : ts.getAsArray()) {
                targets.add(names(t));
            }
        }
        List<GoldEvent.GoldQuantity> qs = new ArrayList<>();
        JsonValue qv = o.get("quantities");
        if (qv != null && qv.isArray()) {
            for (JsonValue q : qv.getAsArray()) {
                JsonObject qo = q.getAsObject();
                qs.add(new GoldEvent.GoldQuantity(number(qo.get("value")), number(qo.get("min")), number(qo.get("max"))));
            }
        }
        return new GoldEvent(string(o.get("doc")), names(o.get("actor")), names(o.get("agent")), string(o.get("action")),
                targets, qs, names(o.get("place")), string(o.get("date")), names(o.get("source")), string(o.get("modality")),
                string(o.get("evidence")));
    }

    /** An entity's label then aliases; a bare string is its own label. */
    private static List<String> names(JsonValue v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isString()) {
            out.add(v.getAsString().value());
            return out;
        }
        JsonObject o = v.getAsObject();
        String label = string(o.get("label"));
        out.add(label == null ? "" : label);
        JsonValue aliases = o.get("aliases");
        if (aliases != null && aliases.isArray()) {
            JsonArray a = aliases.getAsArray();
            for (JsonValue x : a) {
                if (x.isString()) {
                    out.add(x.getAsString().value());
                }
            }
        }
        return out;
    }

    private static String string(JsonValue v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isString() ? v.getAsString().value() : v.toString();
    }

    private static Double number(JsonValue v) {
        return v == null || v.isNull() || !v.isNumber() ? null : v.getAsNumber().value().doubleValue();
    }
}
