package app.digits.admin.control;

import app.digits.training.control.ModelComparison;
import java.util.List;

/**
 * One page of the dashboard's model comparison, sorted over every registered model first, then cut. Every
 * training run adds its models (nine for the default job), so the table, and the robustness table with one
 * column per model beside it, would otherwise grow without end; a page number past the last shows the last.
 */
public record ComparisonPage(List<ModelComparison.Row> rows, int page, int pages, int total) {

    /** Models a page: two default runs and the first start's model. */
    public static final int SIZE = 20;

    public ComparisonPage {
        rows = List.copyOf(rows);
    }

    public static ComparisonPage of(List<ModelComparison.Row> sorted, int page, int size) {
        int pages = Math.max(1, (sorted.size() + size - 1) / size);
        int current = Math.clamp(page, 1, pages);
        var shown = sorted.subList(Math.min(sorted.size(), (current - 1) * size), Math.min(sorted.size(), current * size));
        return new ComparisonPage(shown, current, pages, sorted.size());
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    /** The ids of the models on this page, in its order. */
    public List<String> modelIds() {
        return rows.stream().map(row -> row.model().id()).toList();
    }
}
