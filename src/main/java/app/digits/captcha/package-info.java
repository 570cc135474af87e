/**
 * The digit captcha: a challenge ("draw a 4") bound to a browser session, single-use and short-lived; a
 * drawing (or, for people who cannot draw, the digit typed from its name) answers it; success marks the
 * session as human for a while and yields a one-time pass another page or service can check. Attempts are
 * limited per session and per client address.
 */
package app.digits.captcha;
