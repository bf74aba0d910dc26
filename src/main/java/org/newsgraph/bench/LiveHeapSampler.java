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
 * Watches the heap while open: the most the work kept live (a full collection once a minute, then the heap in use),
 * the most in use after any collection, and its peak with garbage.
 * {@code try (LiveHeapSampler s = LiveHeapSampler.start()) { work(); s.largestLive(); }}
 */
final class LiveHeapSampler implements AutoCloseable {

    private final AtomicLong largestAfterGc = new AtomicLong();
    private final AtomicLong largestBeforeGc = new AtomicLong();
    private final AtomicLong largestLive = new AtomicLong();
    private final java.util.concurrent.ScheduledExecutorService fullGc = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "newsgraph-live-heap");
                t.setDaemon(true);
                return t;
            });
    private final Set<String> heapPools;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;

    private LiveHeapSampler() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    }

    /**
     * Collects garbage once, starts listening to every collector, and collects fully once a minute. After a young
     * collection the old generation still holds garbage G1 has not collected yet (at 100,000 articles that read as
     * the whole 2 GB heap); only a full collection leaves the live data alone. One costs about a second on a 2 GB
     * heap, so once a minute.
     */
    static LiveHeapSampler start() {
        LiveHeapSampler s = new LiveHeapSampler();
        System.gc();
        s.fullGc.scheduleAtFixedRate(s::sampleLive, 1, 1, java.util.concurrent.TimeUnit.MINUTES);
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

    private void sampleLive() {
        System.gc();
        largestLive.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
    }

    /**
     * The most heap the work kept live, in bytes: the largest heap in use right after the full collections made once
     * a period; for work shorter than a period, the largest after any collection (an upper bound).
     */
    long largestLive() {
        long live = largestLive.get();
        return live > 0 ? live : largestAfterGc();
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
        fullGc.shutdownNow();
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
