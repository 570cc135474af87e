package app.digits.platform.control;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with its unique indexes ordered without serializing keys ({@link IndexKeys})
 * and with index keys and documents written compactly ({@link IndexKeys}, {@link DocumentValues}) instead of
 * as Java serializations. The library opens each map by name with H2's default types; an MVStore hands back
 * the map already open under that name, so opening it first with these types is enough (types are not stored
 * in the file). Everything else is the library's.
 */
final class EmbeddedBackend extends H2Backend {

    EmbeddedBackend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    private static final class Database extends H2Database {

        private final MVStore store;

        Database(String name, MVStore store, CursorRegistry cursors) {
            this.store = store; // before super(...): the library opens the existing indexes from its constructor
            super(name, store, cursors);
        }

        /** The library's own map name for a collection's documents ({@code H2Database.DATABASES_PREFIX}). */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
            store.openMap("databases." + getFullCollectionNamespace(collection),
                    new MVMap.Builder<Object, Object>().valueType(new DocumentValues()));
            return super.openOrCreateCollection(collection, options);
        }

        /** The library's own map name for an index ({@code H2Database.mapNameForIndex}, private there). */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collection, String index, List<IndexKey> keys, boolean sparse) {
            store.openMap(getFullCollectionNamespace(collection) + "._index_" + index,
                    new MVMap.Builder<Object, Object>().keyType(new IndexKeys()));
            return super.openOrCreateUniqueIndex(collection, index, keys, sparse);
        }
    }
}
