package app.digits.training.entity;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Repository;

/** The stored training runs, by id ({@code run-<UTC time>}, so that id order is start order). */
@Repository
public interface TrainingRuns extends BasicRepository<TrainingRun, String> {
}
