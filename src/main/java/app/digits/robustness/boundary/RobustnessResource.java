package app.digits.robustness.boundary;

import app.digits.platform.boundary.BodyLimit;
import app.digits.platform.boundary.JsonRequest;
import app.digits.robustness.control.RobustnessBenchmark;
import app.digits.robustness.control.RobustnessSets;
import app.digits.robustness.control.RobustnessTables;
import app.digits.robustness.entity.RobustnessTable;
import app.digits.platform.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.mvc.security.CsrfProtected;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The admin API of the robustness benchmark: {@code POST /api/admin/robustness} measures every registered
 * model in the background ({@code 202}; one measurement at a time), {@code GET} tells whether one runs and
 * gives the stored tables. The order is a JSON object whose absent fields take the defaults ({@code {}} for all). Behind the admin credentials and CSRF check of {@code /api/admin/*}.
 */
@RolesAllowed(Roles.ADMIN)
@CsrfProtected
@Path("api/admin/robustness")
@Produces(MediaType.APPLICATION_JSON)
public class RobustnessResource {

    /** Samples per digit set and per number set, and the seed; absent fields take 500, 200 and 1. */
    public record Order(@Positive(message = AT_LEAST_ONE) Integer digits, @Positive(message = AT_LEAST_ONE) Integer numbers,
                        Long seed) implements JsonRequest {
    }

    private static final String AT_LEAST_ONE = "must be a whole number 1 or more";

    public record Tables(RobustnessTables.Status status, int benchmarkVersion, List<RobustnessTable> tables) {
    }

    @Inject
    RobustnessTables robustness;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Measure every registered model on the robustness sets (in the background)")
    public Response start(@Valid @NotNull(message = JsonRequest.ABSENT) @BodyLimit(value = 1_000, what = "The robustness order") Order order) {
        var settings = new RobustnessBenchmark.Settings(order.digits() == null ? 500 : order.digits(),
                order.numbers() == null ? 200 : order.numbers(), order.seed() == null ? 1 : order.seed());
        return Response.accepted(robustness.start(settings)).build();
    }

    @GET
    @Operation(summary = "Whether a measurement runs, and the robustness table of each measured model")
    public Tables tables() {
        return new Tables(robustness.status(), RobustnessSets.VERSION, robustness.tables());
    }
}
