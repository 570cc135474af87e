package app.digits.dataset.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.dataset.entity.MnistImage;
import app.digits.dataset.entity.Split;
import app.digits.dataset.entity.TestImages;
import app.digits.dataset.entity.TrainingImages;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.BasicRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a split back from MongoDB through the JNoSQL repositories, a page at a time: the embedded server
 * answers a query in one reply, and all 60,000 images at once would exceed the driver's message limit.
 * Pages are ordered by id, so the same limit always gives the same images.
 */
@ApplicationScoped
public class MnistReader {

    @Inject
    TrainingImages trainingImages;

    @Inject
    TestImages testImages;

    @Inject
    DocumentTemplate template;

    @Inject
    @ConfigProperty(name = "digits.read.page-size", defaultValue = "5000")
    int pageSize;

    private volatile List<LabelledImage> testSet = List.of();

    /**
     * The whole test set in its stable order, read once and kept (7.8 MB): every model is scored on it and
     * the galleries index into it. Read again when the stored count changes (an import finished).
     */
    public List<LabelledImage> testSet() {
        var cached = testSet;
        if (cached.isEmpty() || cached.size() != count(Split.TEST)) {
            cached = List.copyOf(read(Split.TEST, (int) count(Split.TEST)));
            testSet = cached;
        }
        return cached;
    }

    /** Up to {@code limit} images of the split, in a stable order. */
    public List<LabelledImage> read(Split split, int limit) {
        return split == Split.TRAIN ? read(trainingImages, limit) : read(testImages, limit);
    }

    public long count(Split split) {
        return template.count(split.collection());
    }

    private <T extends MnistImage> List<LabelledImage> read(BasicRepository<T, String> repository, int limit) {
        var images = new ArrayList<LabelledImage>();
        Order<T> byId = Order.by(Sort.asc("id"));
        var request = PageRequest.ofSize(Math.min(pageSize, Math.max(1, limit)));
        while (images.size() < limit) {
            var page = repository.findAll(request, byId);
            for (var image : page.content()) {
                if (images.size() < limit) {
                    images.add(image.toLabelledImage());
                }
            }
            if (!page.hasNext() || page.content().isEmpty()) {
                break;
            }
            request = page.nextPageRequest();
        }
        return images;
    }
}
