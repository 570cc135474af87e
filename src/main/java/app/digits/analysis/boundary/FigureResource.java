package app.digits.analysis.boundary;

import app.digits.analysis.control.ChartWidth;
import app.digits.analysis.control.Figures;
import app.digits.dataset.control.MnistReader;
import app.digits.dataset.entity.Split;
import app.digits.platform.control.Languages;
import app.digits.platform.control.Roles;
import app.digits.platform.control.WholeNumbers;
import app.digits.registry.control.ModelRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Serves the analysis figures ({@code /admin/figures/<name>?index=&digit=&model=&width=}) as PNG or SVG (charts
 * {@code wide}, or {@code narrow} for phones), with an ETag
 * made of the request and the data it was drawn from (stored counts, served model), so a browser asks again
 * cheaply and gets 304 until the data changes: a private cache of ten minutes, the one admin answer that may be
 * kept (its images show public MNIST data and cost seconds to draw). Charts speak the page's language (the
 * same choice as the pages: switch, cookie, browser). Bad parameters are the app's error answer.
 */
@Path("admin/figures/{name}")
@RolesAllowed(Roles.ADMIN)
public class FigureResource {

    /** What the language of a figure's words comes from, so a cached figure is not shown in another one. */
    private static final String LANGUAGE_SOURCES = "Cookie, Accept-Language";

    @Inject
    Figures figures;

    @Inject
    MnistReader reader;

    @Inject
    ModelRegistry registry;

    @GET
    public Response figure(@PathParam("name") String name, @QueryParam("index") String index,
                           @QueryParam("digit") String digit, @QueryParam("model") String model,
                           @QueryParam("width") String width, @Context Request request, @Context UriInfo uriInfo,
                           @Context HttpServletRequest servletRequest, @Context HttpServletResponse servletResponse) {
        var locale = Languages.choose(servletRequest, servletResponse);
        var version = name + "|" + locale.getLanguage() + "|" + uriInfo.getRequestUri().getRawQuery() + "|" + reader.count(Split.TRAIN) + "|"
                + reader.count(Split.TEST) + "|" + (model == null || model.isBlank() ? registry.servedId() : model);
        var etag = new EntityTag(HexFormat.of().formatHex(sha256(version)).substring(0, 32));
        var cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(600);
        var unchanged = request.evaluatePreconditions(etag);
        if (unchanged != null) {
            return unchanged.cacheControl(cache).header("Vary", LANGUAGE_SOURCES).build();
        }
        var figure = figures.render(name, numberOrZero(index, "index"), numberOrZero(digit, "digit"), model, locale,
                ChartWidth.named(width));
        return Response.ok(figure.body(), figure.contentType()).tag(etag).cacheControl(cache).header("Vary", LANGUAGE_SOURCES).build();
    }

    private static int numberOrZero(String value, String name) {
        var number = WholeNumbers.optional(value, name);
        return number == null ? 0 : number;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
