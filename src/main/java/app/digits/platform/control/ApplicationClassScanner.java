package app.digits.platform.control;

import io.github.classgraph.ClassGraph;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.DataRepository;
import jakarta.data.repository.Repository;
import jakarta.nosql.Embeddable;
import jakarta.nosql.Entity;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jnosql.mapping.NoSQLRepository;
import org.eclipse.jnosql.mapping.metadata.ClassScanner;

/**
 * Tells JNoSQL where the entities and repositories are. Its default scanner walks the whole server class
 * path (tens of seconds on Payara); this one scans only the application's own package, cutting the
 * deployment time by half. Registered through {@code META-INF/services}.
 */
public final class ApplicationClassScanner implements ClassScanner {

    private static final String APPLICATION_PACKAGE = "app.digits";

    private final Set<Class<?>> entities;
    private final Set<Class<?>> embeddables;
    private final Set<Class<?>> repositories;
    private final Set<Class<?>> customRepositories;

    public ApplicationClassScanner() {
        var graph = new ClassGraph().enableAnnotationInfo().enableClassInfo()
                .acceptPackages(APPLICATION_PACKAGE)
                .overrideClassLoaders(ApplicationClassScanner.class.getClassLoader());
        try (var scan = graph.scan()) {
            entities = Set.copyOf(scan.getClassesWithAnnotation(Entity.class).loadClasses());
            embeddables = Set.copyOf(scan.getClassesWithAnnotation(Embeddable.class).loadClasses());
            // Superinterfaces outside the scanned package are not in the scan: ask the loaded classes instead.
            var annotated = scan.getClassesWithAnnotation(Repository.class).getInterfaces().loadClasses();
            repositories = annotated.stream().filter(DataRepository.class::isAssignableFrom)
                    .collect(Collectors.toUnmodifiableSet());
            customRepositories = annotated.stream().filter(c -> !DataRepository.class.isAssignableFrom(c))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    @Override
    public Set<Class<?>> entities() {
        return entities;
    }

    @Override
    public Set<Class<?>> repositories() {
        return repositories;
    }

    @Override
    public Set<Class<?>> embeddables() {
        return embeddables;
    }

    @Override
    public <T extends DataRepository<?, ?>> Set<Class<?>> repositories(Class<T> filter) {
        return repositories.stream()
                .filter(filter::isAssignableFrom)
                .filter(c -> Arrays.asList(c.getInterfaces()).contains(filter))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<Class<?>> repositoriesStandard() {
        var standard = List.of(CrudRepository.class, BasicRepository.class, NoSQLRepository.class, DataRepository.class);
        return repositories.stream()
                .filter(c -> Arrays.stream(c.getInterfaces()).anyMatch(standard::contains))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<Class<?>> customRepositories() {
        return customRepositories;
    }
}
