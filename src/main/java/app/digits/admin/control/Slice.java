package app.digits.admin.control;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list already sorted over all its items: the admin pages show long lists a page at a time (the
 * model comparison, since every training run adds its models; a model's mistakes), and a page number past the
 * last shows the last.
 */
public record Slice<T>(List<T> items, int page, int pages, int total) {

    public Slice {
        items = List.copyOf(items);
    }

    public static <T> Slice<T> of(List<T> sorted, int page, int size) {
        int pages = Math.max(1, (sorted.size() + size - 1) / size);
        int current = Math.clamp(page, 1, pages);
        var shown = sorted.subList(Math.min(sorted.size(), (current - 1) * size), Math.min(sorted.size(), current * size));
        return new Slice<>(shown, current, pages, sorted.size());
    }

    /** The same page of the same list, each item made into another. */
    public <R> Slice<R> map(Function<T, R> mapper) {
        return new Slice<>(items.stream().map(mapper).toList(), page, pages, total);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
