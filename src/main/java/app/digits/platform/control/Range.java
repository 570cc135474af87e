package app.digits.platform.control;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole numbers a record component of a JSON body accepts, and the word people know it by, so that
 * {@link JsonBodies} refuses a value out of the domain with a sentence such as "Pixel 12 is 256; values must
 * be whole numbers 0-255" before any code sees it. On an array or a list it bounds each element.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Range {

    long min();

    long max();

    /** What a value is called in a sentence: "Pixel" (of an array, followed by the index), "digit". */
    String name();
}
