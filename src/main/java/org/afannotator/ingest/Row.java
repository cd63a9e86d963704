package org.afannotator.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One record of an input file as a JSON object (CSV rows become objects of text cells; empty
 * cells are left out), with typed accessors whose errors name the field.
 *
 * @param index 0-based record index in the file
 * @param line  1-based line the record starts on, or -1
 */
record Row(long index, long line, ObjectNode node) {

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** Text of a scalar field, or null when absent / null. Objects and arrays are refused. */
    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isContainerNode()) {
            throw error(field, "expected text, got " + kind(v));
        }
        return v.asText();
    }

    String requiredText(String field) {
        String s = text(field);
        if (s == null) {
            throw error(field, "missing");
        }
        return s;
    }

    /** A number (or numeric text), or null when absent. */
    Double number(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber() && Double.isFinite(v.asDouble())) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? 1.0 : 0.0;
        }
        if (v.isTextual()) {
            String s = v.asText().strip();
            if (s.isEmpty()) {
                return null;
            }
            try {
                double d = Double.parseDouble(s);
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw error(field, "expected a number, got " + kind(v) + " " + shortText(v));
    }

    ArrayNode array(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw error(field, "expected an array, got " + kind(v));
        }
        return (ArrayNode) v;
    }

    ObjectNode object(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw error(field, "expected an object, got " + kind(v));
        }
        return (ObjectNode) v;
    }

    List<String> fieldNames() {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The fields not in {@code used}, as text (objects and arrays as JSON), for transcript metadata. */
    Map<String, String> rest(Set<String> used) {
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (used.contains(e.getKey()) || e.getValue().isNull()) {
                continue;
            }
            out.put(e.getKey(), e.getValue().isContainerNode() ? e.getValue().toString() : e.getValue().asText());
        }
        return out;
    }

    RecordException error(String field, String reason) {
        return RecordException.of(index, line, field, reason);
    }

    static String kind(JsonNode v) {
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isTextual()) {
            return "text";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isNumber()) {
            return "a number";
        }
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String shortText(JsonNode v) {
        String s = v.isTextual() ? v.asText() : v.toString();
        return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
    }
}
