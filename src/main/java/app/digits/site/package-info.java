/**
 * What every page shares: the page model (language, start-up status, served model for the footer) and the
 * app's own translated error page, answered for every error status of a page (problem+json under /api).
 */
package app.digits.site;
