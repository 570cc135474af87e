package app.digits.registry.entity;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Repository;

/** The {@code models} collection, by model id. */
@Repository
public interface ModelRecords extends BasicRepository<ModelRecord, String> {
}
