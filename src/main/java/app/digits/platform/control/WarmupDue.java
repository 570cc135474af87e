package app.digits.platform.control;

/**
 * The CDI event start-up fires once the indexes exist and before the server reports ready: a feature whose
 * first request after a restart is slow (cold classes, a cold embedded database) observes it to pay that cost
 * then, and start-up needs to know none of them. The context path lets an observer visit its own pages.
 */
public record WarmupDue(String contextPath) {
}
