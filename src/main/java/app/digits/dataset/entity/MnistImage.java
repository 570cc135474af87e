package app.digits.dataset.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Id;
import jakarta.nosql.MappedSuperclass;

/**
 * The stored form of an MNIST image, shared by the training and test collections: the content digest as id,
 * the label, the 784 pixels as one BSON binary, and where the image came from (file and position).
 */
@MappedSuperclass
public abstract class MnistImage {

    @Id
    private String id;

    @Column
    private int label;

    @Column
    private byte[] pixels;

    @Column
    private String source;

    @Column
    private int sourceIndex;

    public String getId() {
        return id;
    }

    public int getLabel() {
        return label;
    }

    public byte[] getPixels() {
        return pixels;
    }

    public LabelledImage toLabelledImage() {
        return new LabelledImage(label, pixels);
    }
}
