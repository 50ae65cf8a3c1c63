package id.anycheck.auth.application;

import java.util.List;
import java.util.Optional;

/** One page of a list, with the cursor of the next page, or empty on the last page. */
public record Page<T, C>(List<T> items, Optional<C> nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /** Largest page size a caller may ask for. */
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;
}
