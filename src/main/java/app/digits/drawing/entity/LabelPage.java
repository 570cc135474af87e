package app.digits.drawing.entity;

import java.util.List;

/**
 * One page of labelled drawings, newest label first, with the total the server counted so the page can
 * say where it stands without reading the rest.
 */
public record LabelPage(List<LabelledDrawing> drawings, int page, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }
}
