package app.digits.drawing.entity;

/** A model's score on people's labelled drawings: how many it read, and how many of them right. */
public record ModelOnDrawings(String modelId, long labelled, long right) {

    public double accuracy() {
        return labelled == 0 ? 0 : (double) right / labelled;
    }
}
