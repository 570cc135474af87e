package app.digits.captcha.boundary;

import app.digits.captcha.control.Captcha;
import app.digits.captcha.control.Questions;
import app.digits.captcha.entity.Answer;
import app.digits.captcha.entity.Challenge;
import app.digits.captcha.entity.Puzzle;
import app.digits.captcha.entity.Trajectory;
import app.digits.imaging.control.DataUrl;
import app.digits.imaging.control.PngImages;
import app.digits.platform.boundary.BodyLimit;
import app.digits.platform.boundary.JsonRequest;
import app.digits.platform.boundary.SessionCookie;
import app.digits.platform.control.ProblemException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The captcha for programs: issue a challenge bound to the caller's session (cookie) — a distorted image of
 * the digit to draw, or with {@code ?kind=question} a sentence whose answer is a digit — with a proof-of-work
 * puzzle; answer it with the drawing and its stroke trajectory (or the typed digit) and the puzzle's number;
 * let another service check a pass once. The expected digit is never in a response. Outcomes carry stable
 * reasons ({@code wrong-digit}, {@code no-trajectory}, {@code wrong-proof-of-work}, ...); a used-up
 * allowance is a 429 with {@code Retry-After}.
 */
@Path("api/captcha")
@Produces(MediaType.APPLICATION_JSON)
public class CaptchaResource {

    /** A challenge: {@code image} (a PNG data URL) to draw, or {@code question} (fr and en) to answer by typing. */
    public record IssuedChallenge(String token, String kind, String image, Map<String, String> question, Instant expiresAt,
                                  Puzzle pow) {
    }

    /**
     * The drawing ({@code image}, a PNG data URL of the canvas, with {@code strokes}: lists of {x, y, t}) or the
     * digit typed as {@code text}, and {@code powNumber}, the number that solves the puzzle.
     */
    public record ChallengeAnswer(
            String image,
            @Size(max = MAX_STROKES, message = "has more than " + MAX_STROKES + " strokes")
            List<@NotNull(message = "is not a stroke") @Size(max = MAX_POINTS, message = "has more than " + MAX_POINTS + " points")
                    List<Trajectory.@NotNull(message = "is not a point") Point>> strokes,
            @Pattern(regexp = "[0-9]", message = "must be one digit 0-9") String text,
            @PositiveOrZero(message = "must be a whole number 0 or more") Long powNumber) implements JsonRequest {
    }

    public record AnswerResult(boolean passed, String reason, String pass) {
    }

    public record PassCheck(@NotNull(message = "is missing") @Size(max = 200, message = "is longer than any pass") String pass)
            implements JsonRequest {
    }

    public record PassResult(boolean valid, String reason) {
    }

    private static final int MAX_STROKES = 200;
    private static final int MAX_POINTS = 5_000;

    @Inject
    Captcha captcha;

    @Context
    HttpServletRequest request;

    @POST
    @Path("challenges")
    @Operation(summary = "A new challenge for this session (cookie): a distorted image of the digit to draw "
            + "(or ?kind=question: a sentence whose answer is a digit), a proof-of-work puzzle, its token and deadline")
    public Response issue(@QueryParam("kind") @DefaultValue("draw") String kind) {
        var issued = captcha.issue(SessionCookie.id(request), request.getRemoteAddr(), kindOf(kind));
        var challenge = issued.challenge();
        var question = challenge.question() == null ? null
                : Map.of("fr", Questions.text(challenge.question(), "fr"), "en", Questions.text(challenge.question(), "en"));
        return Response.status(201).entity(new IssuedChallenge(challenge.token(), kind,
                issued.image() == null ? null : PngImages.dataUrl(issued.image()), question, challenge.expiresAt(),
                challenge.puzzle())).build();
    }

    @POST
    @Path("challenges/{token}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a challenge once; a pass is returned when it is right")
    public AnswerResult answer(@PathParam("token") String token, @Valid @NotNull(message = JsonRequest.ABSENT) ChallengeAnswer answer) {
        var verdict = captcha.answer(token, SessionCookie.id(request), request.getRemoteAddr(), toAnswer(answer));
        return new AnswerResult(verdict.outcome().passed(), verdict.outcome().reason(), verdict.pass().orElse(null));
    }

    @POST
    @Path("verifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a pass: valid the first time only")
    public PassResult verify(@Valid @NotNull(message = JsonRequest.ABSENT) @BodyLimit(value = 1_000, what = "The check") PassCheck check) {
        var outcome = captcha.redeem(check.pass());
        return new PassResult(outcome.passed(), outcome.reason());
    }

    private static Challenge.Kind kindOf(String kind) {
        return switch (kind) {
            case "draw" -> Challenge.Kind.DRAW;
            case "question" -> Challenge.Kind.QUESTION;
            default -> throw ProblemException.badRequest("The kind of challenge is draw or question");
        };
    }

    private static Answer toAnswer(ChallengeAnswer answer) {
        if (answer.text() != null) {
            return new Answer.Typed(answer.text(), answer.powNumber());
        }
        return new Answer.Drawn(answer.image() == null ? null : DataUrl.parse(answer.image()).bytes(),
                answer.strokes() == null ? null : new Trajectory(answer.strokes()), answer.powNumber());
    }
}
