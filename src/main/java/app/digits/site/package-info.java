/**
 * What every page shares: the page model (language, start-up status, served model for the footer), and the
 * one error path: the exception mappers and the container's error page both answer through
 * {@code ErrorResponses}, problem+json for programs and the app's translated error page for browsers.
 */
package app.digits.site;
