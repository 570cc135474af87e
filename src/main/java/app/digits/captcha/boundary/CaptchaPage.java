package app.digits.captcha.boundary;

import app.digits.captcha.control.Captcha;
import app.digits.captcha.control.Questions;
import app.digits.captcha.entity.Answer;
import app.digits.captcha.entity.Challenge;
import app.digits.captcha.entity.Trajectory;
import app.digits.imaging.control.DataUrl;
import app.digits.imaging.control.PngImages;
import app.digits.platform.control.JsonBodies;
import app.digits.site.control.PageModels;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Views;
import app.digits.platform.control.WholeNumbers;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The captcha page and the demo page it unlocks. {@code /captcha} shows a fresh challenge: the distorted
 * image of a digit to draw, or with {@code ?kind=question} a question to answer by typing a digit; the
 * page's script records the strokes and solves the proof-of-work, and HTMX posts the answer to
 * {@code /captcha/answer}, which either sends the browser on to the demo or swaps in the reason and a new
 * challenge of the same kind. {@code /demo} sends sessions that have not proved human to the captcha first.
 */
@WebServlet(urlPatterns = {"/captcha", "/captcha/answer", "/demo"})
public class CaptchaPage extends HttpServlet {

    @Inject
    Views views;

    @Inject
    Captcha captcha;

    @Inject
    PageModels pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/demo".equals(request.getServletPath())) {
            if (captcha.isHuman(request.getSession(false))) {
                views.page("demo", model(request), request, response);
            } else {
                var query = request.getQueryString();
                response.sendRedirect(request.getContextPath() + "/captcha" + (query == null ? "" : "?" + query));
            }
            return;
        }
        var model = model(request);
        putChallenge(request, kind(request), model);
        views.page("captcha", model, request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var model = model(request);
        var kind = kind(request);
        try {
            var verdict = captcha.answer(request.getParameter("token"), request.getSession(true), request.getRemoteAddr(),
                    answer(request, kind));
            if (verdict.outcome().passed()) {
                response.setHeader("HX-Redirect", request.getContextPath() + "/demo");
                return;
            }
            model.put("outcome", verdict.outcome());
        } catch (ProblemException e) {
            putProblem(e, model);
        }
        putChallenge(request, kind, model);
        views.fragment("captcha", "challenge", model, request, response);
    }

    private static Challenge.Kind kind(HttpServletRequest request) {
        return "question".equals(request.getParameter("kind")) ? Challenge.Kind.QUESTION : Challenge.Kind.DRAW;
    }

    private static Answer answer(HttpServletRequest request, Challenge.Kind kind) {
        var proof = powNumber(request.getParameter("powNumber"));
        if (kind == Challenge.Kind.QUESTION) {
            return new Answer.Typed(request.getParameter("typed"), proof);
        }
        var image = request.getParameter("image");
        var strokes = request.getParameter("strokes");
        return new Answer.Drawn(image == null || image.isBlank() ? null : DataUrl.parse(image).bytes(),
                strokes == null || strokes.isBlank() ? null
                        : JsonBodies.parse(strokes.getBytes(StandardCharsets.UTF_8), Trajectory.class), proof);
    }

    private static Long powNumber(String value) {
        var number = WholeNumbers.optional(value, "The proof-of-work number");
        return number == null ? null : number.longValue();
    }

    private void putChallenge(HttpServletRequest request, Challenge.Kind kind, Map<String, Object> model) {
        model.put("kind", kind.name().toLowerCase());
        try {
            var issued = captcha.issue(request.getSession(true), request.getRemoteAddr(), kind);
            model.put("challenge", issued.challenge());
            if (issued.image() != null) {
                model.put("image", PngImages.dataUrl(issued.image()));
            }
            if (issued.challenge().question() != null) {
                model.put("question", Map.of("fr", Questions.text(issued.challenge().question(), "fr"),
                        "en", Questions.text(issued.challenge().question(), "en")));
            }
        } catch (ProblemException e) {
            if (e.retryAfter().isEmpty()) {
                throw e;
            }
            putProblem(e, model);
        }
    }

    /** A used-up allowance says how long to wait; any other problem is shown as such. */
    private static void putProblem(ProblemException problem, Map<String, Object> model) {
        problem.retryAfter().ifPresentOrElse(wait -> model.put("waitSeconds", ProblemException.wholeSeconds(wait)),
                () -> model.put("problem", problem));
    }

    private Map<String, Object> model(HttpServletRequest request) {
        if ("/demo".equals(request.getServletPath())) {
            return pages.of("captcha", "/demo");
        }
        return pages.of("captcha", kind(request) == Challenge.Kind.QUESTION ? "/captcha?kind=question" : "/captcha");
    }
}
