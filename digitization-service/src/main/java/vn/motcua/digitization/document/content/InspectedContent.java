package vn.motcua.digitization.document.content;

/** What the inspection found in an acceptable file: its type from the bytes and its page count (images: 1). */
public record InspectedContent(String mediaType, int pageCount) {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
}
