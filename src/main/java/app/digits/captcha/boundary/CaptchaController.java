package app.digits.captcha.boundary;

import app.digits.captcha.control.Captcha;
import app.digits.captcha.control.Questions;
import app.digits.captcha.entity.Answer;
import app.digits.captcha.entity.Challenge;
import app.digits.captcha.entity.Trajectory;
import app.digits.imaging.control.DataUrl;
import app.digits.imaging.control.PngImages;
import app.digits.platform.boundary.SessionCookie;
import app.digits.platform.control.JsonBodies;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.WholeNumbers;
import app.digits.site.control.PageModels;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The captcha page and the demo page it unlocks. {@code /captcha} shows a fresh challenge: the distorted
 * image of a digit to draw, or with {@code ?kind=question} a question to answer by typing a digit; the
 * page's script records the strokes and solves the proof-of-work, and HTMX posts the answer to
 * {@code /captcha/answer}, which either sends the browser on to the demo or swaps in the reason and a new
 * challenge of the same kind. An address or session that used up its allowance is told how long to wait, in
 * the page; a malformed answer is a problem for the app's error path. {@code /demo} sends sessions that have
 * not proved human to the captcha first, with a relative redirect.
 */
@Controller
@Path("")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CaptchaController {

    @Inject
    Models models;

    @Inject
    Captcha captcha;

    @Inject
    PageModels pages;

    @Context
    HttpServletRequest request;

    @GET
    @Path("demo")
    public Response demo() {
        if (!captcha.isHuman(SessionCookie.existing(request))) {
            var query = request.getQueryString();
            return Response.status(Response.Status.FOUND)
                    .header("Location", request.getContextPath() + "/captcha" + (query == null ? "" : "?" + query)).build();
        }
        pages.of("captcha", "/demo").forEach(models::put);
        return Response.ok("demo.html").build();
    }

    @GET
    @Path("captcha")
    public String page(@QueryParam("kind") String kind) {
        putChallenge(kind(kind));
        return "captcha.html";
    }

    @POST
    @Path("captcha/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@FormParam("kind") String kindName, @FormParam("token") String token,
                           @FormParam("typed") String typed, @FormParam("image") String image,
                           @FormParam("strokes") String strokes, @FormParam("powNumber") String powNumber) {
        var kind = kind(kindName);
        var proof = WholeNumbers.optional(powNumber, "The proof-of-work number");
        var answer = kind == Challenge.Kind.QUESTION ? new Answer.Typed(typed, proof == null ? null : proof.longValue())
                : new Answer.Drawn(image == null || image.isBlank() ? null : DataUrl.parse(image).bytes(),
                        strokes == null || strokes.isBlank() ? null
                                : JsonBodies.parse(strokes.getBytes(StandardCharsets.UTF_8), Trajectory.class),
                        proof == null ? null : proof.longValue());
        try {
            var verdict = captcha.answer(token, SessionCookie.id(request), request.getRemoteAddr(), answer);
            if (verdict.outcome().passed()) {
                return Response.noContent().header("HX-Redirect", request.getContextPath() + "/demo").build();
            }
            models.put("outcome", verdict.outcome());
        } catch (ProblemException e) {
            models.put("waitSeconds", waitSeconds(e));
        }
        putChallenge(kind);
        return Response.ok("captcha.html::challenge").build();
    }

    private static Challenge.Kind kind(String name) {
        return "question".equals(name) ? Challenge.Kind.QUESTION : Challenge.Kind.DRAW;
    }

    private void putChallenge(Challenge.Kind kind) {
        pages.of("captcha", kind == Challenge.Kind.QUESTION ? "/captcha?kind=question" : "/captcha").forEach(models::put);
        models.put("kind", kind.name().toLowerCase(Locale.ROOT));
        try {
            var issued = captcha.issue(SessionCookie.id(request), request.getRemoteAddr(), kind);
            models.put("challenge", issued.challenge());
            if (issued.image() != null) {
                models.put("image", PngImages.dataUrl(issued.image()));
            }
            if (issued.challenge().question() != null) {
                models.put("question", Map.of("fr", Questions.text(issued.challenge().question(), "fr"),
                        "en", Questions.text(issued.challenge().question(), "en")));
            }
        } catch (ProblemException e) {
            models.put("waitSeconds", waitSeconds(e));
        }
    }

    /** A used-up allowance says how long to wait, in the page; any other problem takes the error path. */
    private static long waitSeconds(ProblemException problem) {
        return ProblemException.wholeSeconds(problem.retryAfter().orElseThrow(() -> problem));
    }
}
