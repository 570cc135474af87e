package app.digits.drawing.boundary;

import app.digits.prediction.control.PredictionMetrics;
import app.digits.prediction.control.PredictionMetrics.Kind;
import app.digits.prediction.control.PredictionMetrics.Outcome;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Counts every answer of {@code POST /api/predictions} in one place, after the resource or an exception mapper
 * has decided it, so refused requests are counted by reason and never as recognitions. The recognition time
 * is the one the recognizer measured and the answer carries.
 */
@Provider
public class PredictionMetricsFilter implements ContainerResponseFilter {

    @Inject
    PredictionMetrics metrics;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"POST".equals(request.getMethod()) || !"api/predictions".equals(stripSlashes(request.getUriInfo().getPath()))) {
            return;
        }
        var kind = "number".equals(request.getUriInfo().getQueryParameters().getFirst("as")) ? Kind.NUMBER : Kind.DIGIT;
        if (response.getEntity() instanceof PredictionResponse answer && response.getStatus() < 300) {
            metrics.record(kind, Outcome.ofAnswer(answer.reason()), Optional.of(answer.serverMillis()));
        } else {
            metrics.record(kind, Outcome.ofStatus(response.getStatus()), Optional.empty());
        }
    }

    private static String stripSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
