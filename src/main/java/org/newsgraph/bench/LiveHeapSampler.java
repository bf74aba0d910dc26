package org.newsgraph.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap while open: the most it held after any GC (what the work really keeps), and its peak with garbage.
 * {@code try (LiveHeapSampler s = LiveHeapSampler.start()) { work(); s.largestAfterGc(); }}
 */
final class LiveHeapSampler implements AutoCloseable {

    private final AtomicLong largestAfterGc = new AtomicLong();
    private final AtomicLong largestBeforeGc = new AtomicLong();
    private final Set<String> heapPools;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;

    private LiveHeapSampler() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    }

    /** Collects garbage once and starts listening to every collector. */
    static LiveHeapSampler start() {
        LiveHeapSampler s = new LiveHeapSampler();
        System.gc();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(s.listener, null, null);
                s.emitters.add(emitter);
            }
        }
        return s;
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
                used += e.getValue().getUsed();
            }
        }
        largestAfterGc.accumulateAndGet(used, Math::max);
        long before = 0;
        for (var e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
                before += e.getValue().getUsed();
            }
        }
        largestBeforeGc.accumulateAndGet(before, Math::max);
    }

    /**
     * The most heap in use right after a collection, in bytes: live data plus old garbage not yet collected. A small
     * piece of work may need no collection at all; then the heap in use now, garbage included, bounds what it kept.
     */
    long largestAfterGc() {
        long largest = largestAfterGc.get();
        return largest > 0 ? largest : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The most heap in use at one time, garbage included, in bytes: the fullest it was just before a collection, or
     * now. (The pools' own peaks come at different times, so their sum overstated it, past the maximum heap.)
     */
    long peak() {
        return Math.max(largestBeforeGc.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
