package app.digits.drawing.boundary;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Bean Validation constraint of the {@code pixels} of a prediction request: a 28x28 image as MNIST stores
 * it, so exactly 784 values, each a grey level 0-255. The refusal says which value is wrong and where, which
 * a generic size or range constraint cannot say of an array of {@code int}. Absent pixels are valid here
 * (the request may carry an image instead).
 */
@Constraint(validatedBy = GreyLevels.Validator.class)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface GreyLevels {

    int SIDE = 28;
    int MAX = 255;

    String message() default "must be 784 grey levels 0-255";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the count, then each value, and names the first wrong one. */
    class Validator implements ConstraintValidator<GreyLevels, int[]> {

        @Override
        public boolean isValid(int[] levels, ConstraintValidatorContext context) {
            if (levels == null) {
                return true;
            }
            String refusal = null;
            if (levels.length != SIDE * SIDE) {
                refusal = "has " + levels.length + " values; a drawing is " + SIDE * SIDE + " grey levels (28x28)";
            }
            for (int i = 0; refusal == null && i < levels.length; i++) {
                if (levels[i] < 0 || levels[i] > MAX) {
                    refusal = "has " + levels[i] + " at index " + i + "; grey levels are whole numbers 0-" + MAX;
                }
            }
            if (refusal == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(refusal).addConstraintViolation();
            return false;
        }
    }
}
