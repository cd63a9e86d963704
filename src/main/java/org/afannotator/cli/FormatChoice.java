package org.afannotator.cli;

import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@link OutputFormat}s one command prints: the converter and the completion candidates of its
 * {@code --format}, so that it takes exactly those, its help lists them
 * ({@code ${COMPLETION-CANDIDATES}}) and a refused value is a usage error naming them.
 */
abstract class FormatChoice implements ITypeConverter<OutputFormat>, Iterable<String> {
    private final List<OutputFormat> formats;

    FormatChoice(OutputFormat... formats) {
        this.formats = List.of(formats);
    }

    @Override
    public OutputFormat convert(String value) {
        for (OutputFormat f : formats) {
            if (f.name().equals(value)) {
                return f;
            }
        }
        throw new TypeConversionException("expected one of " + names() + " but was '" + value + "'");
    }

    @Override
    public Iterator<String> iterator() {
        return names().iterator();
    }

    private List<String> names() {
        return formats.stream().map(OutputFormat::name).toList();
    }

    /** info, assign, import. */
    static final class TextJson extends FormatChoice {
        TextJson() {
            super(OutputFormat.text, OutputFormat.json);
        }
    }

    /** agreement. */
    static final class TextJsonCsv extends FormatChoice {
        TextJsonCsv() {
            super(OutputFormat.text, OutputFormat.json, OutputFormat.csv);
        }
    }

    /** compare. */
    static final class JsonCsv extends FormatChoice {
        JsonCsv() {
            super(OutputFormat.json, OutputFormat.csv);
        }
    }
}
