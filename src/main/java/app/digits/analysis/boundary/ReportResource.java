package app.digits.analysis.boundary;

import app.digits.analysis.control.AnalysisReport;
import app.digits.platform.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.mvc.security.CsrfProtected;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/admin/analysis/report}: regenerates the analysis report (Markdown and figures) from the
 * database and the registered models into the configured folder ({@code digits.analysis.dir}, the repository's
 * {@code analysis/} when the server runs from it). Behind the admin credentials.
 */
@RolesAllowed(Roles.ADMIN)
@CsrfProtected
@Path("api/admin/analysis/report")
public class ReportResource {

    /** Where the report went and which files were written. */
    public record Written(String directory, List<String> files) {
    }

    @Inject
    AnalysisReport report;

    @Inject
    @ConfigProperty(name = "digits.analysis.dir", defaultValue = "analysis")
    String directory;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Regenerate the analysis report from the data and the models")
    public Written regenerate() throws IOException {
        var target = java.nio.file.Path.of(directory).toAbsolutePath();
        var files = report.write(target).stream().map(file -> target.relativize(file).toString()).toList();
        return new Written(target.toString(), files);
    }
}
