package app.digits.dataset.entity;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Repository;

/** The MNIST test images, read page by page for evaluation. */
@Repository
public interface TestImages extends BasicRepository<TestImage, String> {
}
