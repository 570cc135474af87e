package app.digits.captcha.boundary;

import app.digits.captcha.control.Captcha;
import app.digits.captcha.entity.Answer;
import app.digits.platform.boundary.RequestSizeLimit;
import app.digits.platform.control.BoundedInput;
import app.digits.platform.control.JsonBodies;
import app.digits.platform.control.ProblemException;
import app.digits.prediction.boundary.PredictionRequest;
import app.digits.prediction.control.Recognizer;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The captcha for programs: issue a challenge bound to the caller's session (cookie), answer it with a
 * drawing or the typed digit, and let another service check a pass once. Outcomes carry stable reasons
 * ({@code wrong-digit}, {@code expired}, {@code replayed}, ...).
 */
@Path("captcha")
@Produces(MediaType.APPLICATION_JSON)
public class CaptchaResource {

    public record IssuedChallenge(String token, int digit, Instant expiresAt) {
    }

    /** A drawing ({@code image} or {@code pixels}, as for predictions) or the digit typed as {@code text}. */
    public record ChallengeAnswer(String image, int[] pixels, String text) {
    }

    public record AnswerResult(boolean passed, String reason, String pass) {
    }

    public record PassCheck(String pass) {
    }

    public record PassResult(boolean valid, String reason) {
    }

    @Inject
    @ConfigProperty(name = RequestSizeLimit.MAX_BODY_BYTES, defaultValue = "3000000")
    long maxBodyBytes;

    @Inject
    Captcha captcha;

    @Inject
    Recognizer recognizer;

    @Context
    HttpServletRequest request;

    @POST
    @Path("challenges")
    @Operation(summary = "A new challenge for this session (cookie): the digit to draw, its token and deadline")
    public Response issue() {
        var challenge = captcha.issue(request.getSession(true), request.getRemoteAddr())
                .orElseThrow(() -> new ProblemException(429, "Too many requests", "Too many challenges from this address"));
        return Response.status(201).entity(new IssuedChallenge(challenge.token(), challenge.digit(), challenge.expiresAt())).build();
    }

    @POST
    @Path("challenges/{token}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a challenge once; a pass is returned when it is right")
    public AnswerResult answer(@PathParam("token") String token, InputStream body) {
        var answer = JsonBodies.parse(BoundedInput.readAtMost(body, maxBodyBytes, "The answer"), ChallengeAnswer.class);
        var verdict = captcha.answer(token, request.getSession(true), request.getRemoteAddr(), toAnswer(answer));
        return new AnswerResult(verdict.outcome().passed(), verdict.outcome().reason(), verdict.pass().orElse(null));
    }

    @POST
    @Path("verifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a pass: valid the first time only")
    public PassResult verify(InputStream body) {
        var check = JsonBodies.parse(BoundedInput.readAtMost(body, maxBodyBytes, "The check"), PassCheck.class);
        var outcome = captcha.redeem(check.pass());
        return new PassResult(outcome.passed(), outcome.reason());
    }

    private Answer toAnswer(ChallengeAnswer answer) {
        if (answer.text() != null) {
            return new Answer.Typed(answer.text());
        }
        var drawing = recognizer.recognize(new PredictionRequest(answer.image(), answer.pixels()).toInput());
        return new Answer.Drawn(drawing.getDigit(), drawing.getConfidence());
    }
}
