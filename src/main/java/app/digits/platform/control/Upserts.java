package app.digits.platform.control;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One atomic "update this counter, creating it if need be" for the counters several instances share in
 * MongoDB (attempt limits, failed logins). Two first updates of the same {@code _id} may race to insert it,
 * and the loser gets a duplicate-key error instead of an update: it retries once, and then finds the document
 * and updates it. Valid on MongoDB 7/8 and the embedded server alike.
 */
public final class Upserts {

    private Upserts() {
    }

    /** Applies {@code update} to the document {@code id}, inserting it when absent; the document afterwards. */
    public static Document apply(MongoCollection<Document> collection, String id, Bson update) {
        var options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        try {
            return collection.findOneAndUpdate(Filters.eq("_id", id), update, options);
        } catch (MongoWriteException | MongoCommandException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return collection.findOneAndUpdate(Filters.eq("_id", id), update, options);
        }
    }
}
