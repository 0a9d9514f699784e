package vn.motcua.digitization.document.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.testing.LiveHeap;
import vn.motcua.proto.digitization.v1.Document;

/**
 * A 200 MB PDF streamed up and back down keeps the heap of the JVM that runs the service near its idle level: the
 * content is spooled to disk, inspected from the file and sent back from the blob store chunk by chunk, under gRPC
 * flow control both ways. Used heap is sampled after {@code System.gc()} (live objects only) throughout the upload,
 * the inspection and the download; the peak must stay below idle + 64 MB, less than a third of the file. Had the
 * service buffered the file anywhere, the live heap would have held it at least once during the call.
 */
@MicronautTest(transactional = false)
class LargeUploadKeepsServiceHeapNearIdleIT extends DocumentItSupport {

    static final long CONTENT_BYTES = 200L * 1000 * 1000;
    static final long MARGIN = 64L * 1024 * 1024;

    @Test
    void a200MbUploadAndItsDownloadKeepTheHeapNearIdle() throws Exception {
        counterDossier("HS-WARM", CITIZEN_A);
        counterDossier("HS-BIG", CITIZEN_A);
        // warm up: classes, pools and the database connections exist before the idle level is read
        upload(officer(), header("HS-WARM", "warm.pdf").build(), LargePdf.bytesOf(2 * MIB));
        long idle = LiveHeap.afterFullGc();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong peak = new AtomicLong(idle);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(LiveHeap.afterFullGc(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        LargePdf pdf = new LargePdf(CONTENT_BYTES);
        Document doc;
        Downloaded down;
        try {
            doc = upload(officer(), header("HS-BIG", "so-hoa-200mb.pdf").build(), pdf);
            down = download(officer(), doc.getId(), 0, false);
        } finally {
            running.set(false);
            sampler.join();
        }
        peak.accumulateAndGet(LiveHeap.afterFullGc(), Math::max);

        assertThat(doc.getVersions(0).getSize()).isEqualTo(pdf.totalSize()).isGreaterThan(CONTENT_BYTES);
        assertThat(doc.getVersions(0).getSha256()).isEqualTo(pdf.sha256());
        assertThat(doc.getVersions(0).getPageCount()).isEqualTo(1);
        assertThat(down.sha256()).isEqualTo(pdf.sha256());
        assertThat(down.size()).isEqualTo(pdf.totalSize());
        assertThat(peak.get() - idle)
                .as("live heap growth during a %d-byte upload and download (idle %d MB)", pdf.totalSize(), idle >> 20)
                .isLessThan(MARGIN);
    }

    /**
     * A valid one-page PDF whose extra stream object holds {@code dataBytes} of random bytes, generated chunk by
     * chunk as the upload asks for them (never whole in memory) and hashed on the way.
     */
    static final class LargePdf implements Iterator<ByteString> {
        private final byte[] prefix;
        private final long dataBytes;
        private final byte[] suffix;
        private final MessageDigest digest = DocumentItSupport.sha256();
        private final SplittableRandom random = new SplittableRandom(12);
        private final byte[] block = new byte[MIB];
        private long dataSent;
        private int part;

        LargePdf(long dataBytes) {
            this.dataBytes = dataBytes;
            StringBuilder head = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
            long[] offsets = new long[4];
            offsets[0] = head.length();
            head.append("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
            offsets[1] = head.length();
            head.append("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
            offsets[2] = head.length();
            head.append("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n");
            offsets[3] = head.length();
            head.append("4 0 obj\n<< /Length ").append(dataBytes).append(" >>\nstream\n");
            prefix = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            String end = "\nendstream\nendobj\n";
            long xref = prefix.length + dataBytes + end.length();
            StringBuilder tail = new StringBuilder(end).append("xref\n0 5\n0000000000 65535 f \n");
            for (long offset : offsets) {
                tail.append(String.format("%010d 00000 n \n", offset));
            }
            tail.append("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n")
                    .append(xref)
                    .append("\n%%EOF\n");
            suffix = tail.toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        static byte[] bytesOf(long dataBytes) {
            LargePdf pdf = new LargePdf(dataBytes);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            pdf.forEachRemaining(b -> out.writeBytes(b.toByteArray()));
            return out.toByteArray();
        }

        long totalSize() {
            return prefix.length + dataBytes + suffix.length;
        }

        private String sha256;

        /** The hash of everything generated; only once all of it has been. */
        String sha256() {
            if (sha256 == null) {
                sha256 = HexFormat.of().formatHex(digest.digest());
            }
            return sha256;
        }

        @Override
        public boolean hasNext() {
            return part < 2 || dataSent < dataBytes;
        }

        @Override
        public ByteString next() {
            byte[] out;
            if (part == 0) {
                part = 1;
                out = prefix;
            } else if (dataSent < dataBytes) {
                int n = (int) Math.min(block.length, dataBytes - dataSent);
                random.nextBytes(block);
                dataSent += n;
                out = n == block.length ? block : java.util.Arrays.copyOf(block, n);
            } else if (part == 1) {
                part = 2;
                out = suffix;
            } else {
                throw new NoSuchElementException();
            }
            digest.update(out);
            return ByteString.copyFrom(out);
        }
    }
}
