package app.digits.registry.entity;

/** A model's serialized file: its name in the store, its size, and the SHA-256 checked before it is loaded. */
public record ModelFile(String name, long bytes, String sha256) {
}
