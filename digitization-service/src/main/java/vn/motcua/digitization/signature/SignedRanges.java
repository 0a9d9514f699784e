package vn.motcua.digitization.signature;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSTypedData;

/**
 * The bytes a PDF signature covers (its /ByteRange: the file around the /Contents hole), streamed from the file for
 * Bouncy Castle's digest each time it asks: never held in memory, however large the PDF.
 */
final class SignedRanges implements CMSTypedData {

    private static final int BUFFER = 64 * 1024;

    private final FileChannel file;
    private final long[] ranges;

    /** @param ranges offset, length, offset, length ... (already checked to lie inside the file) */
    SignedRanges(FileChannel file, long... ranges) {
        this.file = file;
        this.ranges = ranges.clone();
    }

    @Override
    public ASN1ObjectIdentifier getContentType() {
        return CMSObjectIdentifiers.data;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        for (int i = 0; i + 1 < ranges.length; i += 2) {
            long position = ranges[i];
            long end = ranges[i] + ranges[i + 1];
            while (position < end) {
                buffer.clear().limit((int) Math.min(BUFFER, end - position));
                int read = file.read(buffer, position);
                if (read < 0) {
                    throw new IOException("file ends inside the signed byte range");
                }
                out.write(buffer.array(), 0, read);
                position += read;
            }
        }
    }

    @Override
    public Object getContent() {
        // detached content is only ever written into a digest, never handed out whole
        return null;
    }

    /** Reads {@code length} bytes at {@code position} (a small part: the /Contents hole, the file's tail). */
    static byte[] read(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("file ends early");
            }
        }
        return buffer.array();
    }
}
