package vn.motcua.platform.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * The live heap of this JVM for tests that prove a stream is not buffered: a full GC, then what each heap pool held
 * right after that collection ({@link MemoryPoolMXBean#getCollectionUsage()}). Reading the heap's current usage
 * after {@code System.gc()} instead also counts whatever other threads allocated since, which is tens of MB of
 * garbage while a transfer runs and once failed a margin on a loaded machine.
 */
public final class LiveHeap {

    private LiveHeap() {}

    public static long afterFullGc() {
        System.gc();
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null) {
                live += afterGc.getUsed();
            }
        }
        return live;
    }
}
