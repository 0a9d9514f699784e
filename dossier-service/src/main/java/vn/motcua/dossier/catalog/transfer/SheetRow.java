package vn.motcua.dossier.catalog.transfer;

import java.util.Map;

/**
 * One data row of a catalogue file as text, keyed by column name.
 *
 * @param number the row number a person sees in a spreadsheet: the header is row 1
 */
record SheetRow(int number, Map<String, String> cells) {

    String cell(String column) {
        String value = cells.get(column);
        return value == null ? "" : value.strip();
    }
}
