package app.digits.drawing.entity;

import app.digits.prediction.entity.Drawing;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Repository;

/** The stored drawings, by id. */
@Repository
public interface Drawings extends BasicRepository<Drawing, String> {
}
