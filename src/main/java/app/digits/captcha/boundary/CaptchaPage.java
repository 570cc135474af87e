package app.digits.captcha.boundary;

import app.digits.captcha.control.Captcha;
import app.digits.captcha.control.ChallengeBook;
import app.digits.captcha.entity.Answer;
import app.digits.imaging.control.DataUrl;
import app.digits.platform.control.PageModels;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Views;
import app.digits.prediction.control.DrawingInput;
import app.digits.prediction.control.Recognizer;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The captcha page and the demo page it unlocks. {@code /captcha} shows a fresh challenge; the answer (a
 * drawing, or the digit typed from its name) is posted by HTMX to {@code /captcha/answer}, which either
 * sends the browser on to the demo or swaps in the reason and a new challenge. {@code /demo} sends sessions that have not proved
 * human to the captcha first.
 */
@WebServlet(urlPatterns = {"/captcha", "/captcha/answer", "/demo"})
public class CaptchaPage extends HttpServlet {

    @Inject
    Views views;

    @Inject
    Captcha captcha;

    @Inject
    Recognizer recognizer;

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
        putChallenge(request, model);
        views.page("captcha", model, request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var model = model(request);
        var session = request.getSession(true);
        ChallengeBook.Verdict verdict;
        try {
            verdict = captcha.answer(request.getParameter("token"), session, request.getRemoteAddr(), answer(request));
        } catch (ProblemException e) {
            model.put("problem", e);
            putChallenge(request, model);
            views.fragment("captcha", "challenge", model, request, response);
            return;
        }
        if (verdict.outcome().passed()) {
            response.setHeader("HX-Redirect", request.getContextPath() + "/demo");
            return;
        }
        model.put("outcome", verdict.outcome());
        putChallenge(request, model);
        views.fragment("captcha", "challenge", model, request, response);
    }

    private Answer answer(HttpServletRequest request) {
        var typed = request.getParameter("typed");
        if (typed != null && !typed.isBlank()) {
            return new Answer.Typed(typed);
        }
        var drawing = recognizer.recognize(new DrawingInput.EncodedImage(DataUrl.parse(request.getParameter("image")).bytes()));
        return new Answer.Drawn(drawing.getDigit(), drawing.getConfidence());
    }

    private void putChallenge(HttpServletRequest request, Map<String, Object> model) {
        captcha.issue(request.getSession(true), request.getRemoteAddr()).ifPresentOrElse(challenge -> {
            model.put("challenge", challenge);
            model.put("digitNames", Map.of("fr", ChallengeBook.nameOf(challenge.digit(), "fr"),
                    "en", ChallengeBook.nameOf(challenge.digit(), "en")));
        }, () -> model.put("exhausted", true));
    }

    private Map<String, Object> model(HttpServletRequest request) {
        return pages.of("captcha", "/demo".equals(request.getServletPath()) ? "/demo" : "/captcha");
    }
}
