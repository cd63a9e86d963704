package org.afannotator.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/** Size limits that keep one record's memory bounded, and the parsers configured with them. */
final class Limits {
    /** JSON nesting deeper than this is refused (released records nest 5 deep at most). */
    static final int MAX_NESTING = 64;

    final int maxRecordBytes;
    final ObjectMapper json;
    /** A reader of one value per line: text after it is an error (JSON Lines); made once, immutable. */
    final ObjectReader lineReader;

    Limits(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
        JsonFactory f = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(maxRecordBytes)
                        .build())
                .build();
        this.json = new ObjectMapper(f);
        this.lineReader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
