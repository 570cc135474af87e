package app.digits.dataset.entity;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Repository;

/** The MNIST training images, read page by page. */
@Repository
public interface TrainingImages extends BasicRepository<TrainingImage, String> {
}
