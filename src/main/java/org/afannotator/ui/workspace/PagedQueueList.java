package org.afannotator.ui.workspace;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import javafx.collections.ObservableListBase;
import org.afannotator.app.QueueItem;

/**
 * A queue of any length as an observable list that holds only the pages someone looked at. A
 * virtualised ListView asks only for the rows it shows; a row not loaded yet reads as null (drawn
 * as a placeholder) and asks for its page, which arrives later through {@link #pageLoaded}.
 */
public final class PagedQueueList extends ObservableListBase<QueueItem> {
    public static final int PAGE = 200;
    private final IntConsumer pageRequester;
    private final Map<Integer, List<QueueItem>> pages = new HashMap<>();
    private final Set<Integer> requested = new HashSet<>();
    private int size;

    /** {@code pageRequester} is asked for page numbers; it answers later with {@link #pageLoaded}. */
    public PagedQueueList(IntConsumer pageRequester) {
        this.pageRequester = pageRequester;
    }

    @Override
    public QueueItem get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / PAGE;
        List<QueueItem> items = pages.get(page);
        if (items == null) {
            if (requested.add(page)) {
                pageRequester.accept(page);
            }
            items = pages.get(page);
            if (items == null) {
                return null;
            }
        }
        int i = index % PAGE;
        return i < items.size() ? items.get(i) : null;
    }

    @Override
    public int size() {
        return size;
    }

    /** How many pages are held (a 100k queue scrolled a little holds a few). */
    public int pagesHeld() {
        return pages.size();
    }

    /** A page arrived: rows {@code page * PAGE ...} now show their items (an update for each row that changed). */
    public void pageLoaded(int page, List<QueueItem> items) {
        if (!requested.contains(page)) {
            return; // from before a reset
        }
        List<QueueItem> before = pages.put(page, List.copyOf(items));
        int from = page * PAGE;
        int to = Math.min(size, from + items.size());
        if (to > from) {
            // A page read again after a save differs in a row or two: only those are redrawn.
            boolean changed = false;
            for (int i = from; i < to; i++) {
                int k = i - from;
                if (before == null || k >= before.size() || !before.get(k).equals(items.get(k))) {
                    if (!changed) {
                        beginChange();
                        changed = true;
                    }
                    nextUpdate(i);
                }
            }
            if (changed) {
                endChange();
            }
        }
    }

    /** Drops every held page and changes the length to {@code newSize}; rows reload as shown. */
    public void reset(int newSize) {
        int old = size;
        pages.clear();
        requested.clear();
        beginChange();
        if (old > 0) {
            nextRemove(0, new Nulls(old));
        }
        size = newSize;
        if (newSize > 0) {
            nextAdd(0, newSize);
        }
        endChange();
    }

    /** Reloads held pages in place (statuses changed, length did not). */
    public void refreshHeld() {
        Set<Integer> held = new HashSet<>(pages.keySet());
        requested.removeAll(held);
        for (int page : held) {
            requested.add(page);
            pageRequester.accept(page);
        }
    }

    /** A list of n nulls, to report the removed rows without materialising them. */
    private static final class Nulls extends AbstractList<QueueItem> {
        private final int n;

        Nulls(int n) {
            this.n = n;
        }

        @Override
        public QueueItem get(int index) {
            return null;
        }

        @Override
        public int size() {
            return n;
        }
    }
}
