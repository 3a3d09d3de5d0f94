package org.hcert.telemetry.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.Reader;

/**
 * Jackson's CSV parser, which also tells whether the current cell was quoted (the format reads a
 * quoted and an unquoted {@code []}, or an empty cell and {@code ""}, differently), and which words
 * its two syntax errors in hcert's terms: a quoted cell not closed before the end of the file, at the
 * cell's opening quote; a character after a closing quote, at that character.
 */
final class CellParser extends CsvParser {

    /** Make {@link CellParser}s: {@code FACTORY.createParser(reader)}. */
    static final CsvFactory FACTORY = new Factory();

    private CellParser(IOContext context, int features, int csvFeatures, ObjectCodec codec, Reader in) {
        super(context, features, csvFeatures, codec, in);
    }

    /** Whether the current cell was written between quotes. */
    boolean quoted() {
        return _reader.isCurrentTokenQuoted();
    }

    /** Jackson calls this when the input ends inside a quoted cell (and for value decorators, unused here). */
    @Override
    public void _reportParsingError(String msg) throws JsonProcessingException {
        if (!quoted()) {
            super._reportParsingError(msg);
        }
        throw new JsonParseException(this, "the quoted cell is not closed before the end of the file", currentTokenLocation());
    }

    /** Jackson calls this with the character it has just read after a closing quote. */
    @Override
    public void _reportUnexpectedCsvChar(int ch, String msg) throws JsonProcessingException {
        JsonLocation after = currentLocation();
        JsonLocation at = new JsonLocation(after.contentReference(), after.getCharOffset() - 1, after.getLineNr(),
                after.getColumnNr() - 1);
        throw new JsonParseException(this, "unexpected '%c' after the closing quote; write a quote inside a quoted cell as \"\""
                .formatted((char) ch), at);
    }

    private static final class Factory extends CsvFactory {

        private static final long serialVersionUID = 1L;

        @Override
        protected CsvParser _createParser(Reader in, IOContext context) {
            return new CellParser(context, _parserFeatures, _csvParserFeatures, _objectCodec, in);
        }
    }
}
