package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.WriteConcern;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The write concern setting, and that the embedded server takes the default one. */
class WriteConcernTest {

    @Test
    void readsMajorityANumberOrATagSet() {
        assertEquals(WriteConcern.MAJORITY, MongoConnection.writeConcern(" Majority "));
        assertEquals(WriteConcern.W1, MongoConnection.writeConcern("1"));
        assertEquals(new WriteConcern("eastCoast"), MongoConnection.writeConcern("eastCoast"));
    }

    @Test
    void theEmbeddedServerAcceptsMajorityWrites() {
        try (var mongo = new InMemoryMongo()) {
            var collection = mongo.database("concern-test").getCollection("things").withWriteConcern(WriteConcern.MAJORITY);
            collection.insertOne(new Document("_id", "a").append("n", 1));
            var updated = collection.findOneAndUpdate(Filters.eq("_id", "a"), Updates.inc("n", 1),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            assertEquals(2, updated.getInteger("n"));
            assertEquals(1, collection.deleteOne(Filters.eq("_id", "a")).getDeletedCount());
        }
    }
}
