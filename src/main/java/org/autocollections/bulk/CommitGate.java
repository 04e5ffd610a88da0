package org.autocollections.bulk;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where a chunk pipeline can be held between two commits, so that a test stops a run at a chunk it chooses rather
 * than racing it: a process killed while held has committed exactly that many chunks, and a run held is certain to
 * be still going while the test acts on it. Open unless a test holds it, in this process through {@link #holdAfter}
 * or in a started jar through {@code collections.bulk.test-hold-after-chunks}; a production service sets neither.
 */
@ApplicationScoped
public class CommitGate {

    private static final Logger LOG = Logger.getLogger(CommitGate.class);

    @ConfigProperty(name = "collections.bulk.test-hold-after-chunks")
    Optional<Long> holdAfterChunks;

    private final AtomicReference<Hold> hold = new AtomicReference<>();

    /** Pipelines that commit more than {@code chunks} chunks wait before the next one until the hold is closed. */
    public final class Hold implements AutoCloseable {

        private final long chunks;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(long chunks) {
            this.chunks = chunks;
        }

        /** Waits until a pipeline has committed its chunks and is held. */
        public boolean awaitHeld(long timeout, TimeUnit unit) throws InterruptedException {
            return reached.await(timeout, unit);
        }

        private void await() throws InterruptedException {
            LOG.infof("Chunk pipeline held after %d chunks", chunks);
            reached.countDown();
            released.await();
        }

        /** Lets every held pipeline go on. */
        @Override
        public void close() {
            hold.compareAndSet(this, null);
            released.countDown();
        }
    }

    @PostConstruct
    void configured() {
        holdAfterChunks.ifPresent(this::holdAfter);
    }

    /** Holds every pipeline once it has committed {@code chunks} chunks, until the returned hold is closed. */
    public Hold holdAfter(long chunks) {
        Hold h = new Hold(chunks);
        if (!hold.compareAndSet(null, h)) {
            throw new IllegalStateException("the chunk pipelines are already held");
        }
        return h;
    }

    /** The pipeline's commit, passing this gate before each chunk. */
    public <R> ChunkPipeline.Commit<R> guard(ChunkPipeline.Commit<R> commit) {
        long[] committed = { 0 }; // touched only by the pipeline's one committing thread
        return result -> {
            Hold h = hold.get();
            if (h != null && committed[0] >= h.chunks) {
                h.await();
            }
            committed[0]++;
            return commit.accept(result);
        };
    }
}
