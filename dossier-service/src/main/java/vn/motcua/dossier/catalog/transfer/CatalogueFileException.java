package vn.motcua.dossier.catalog.transfer;

/** The file as a whole cannot be read (not UTF-8, not a workbook, no header, too many rows). */
class CatalogueFileException extends Exception {

    CatalogueFileException(String message) {
        super(message, null, false, false);
    }
}
