package app.digits.platform.boundary;

import app.digits.platform.control.Exposition;
import app.digits.platform.control.MetricSource;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /metrics} in the Prometheus text format, written by the application itself. Payara Micro 7's
 * MicroProfile Metrics exporter was tried first and cannot be configured into a valid scrape: its unscoped
 * output repeats every base and vendor series (Payara issues 4579 and 6596 describe the same family of bugs),
 * its timers publish summary quantiles in nanoseconds under a {@code _seconds} name next to {@code _mean}
 * gauges without help, and it offers no histogram buckets. So Payara's endpoint is switched off in
 * {@code payara-config/post-boot-commands.asadmin} and each feature contributes its families through
 * {@link MetricSource}; {@link Exposition} refuses duplicate families and series.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    @Inject
    @Any
    Instance<MetricSource> sources;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var exposition = new Exposition();
        sources.forEach(source -> source.writeTo(exposition));
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(exposition.text());
    }
}
