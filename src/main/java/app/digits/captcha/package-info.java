/**
 * The digit captcha: a challenge bound to a browser session, single-use and short-lived, shows its digit only
 * as a distorted image; the answer is a drawing with its stroke trajectory, which must look drawn by a hand,
 * plus the solution of a small proof-of-work. People who cannot draw answer a short question with a digit
 * instead (weak against a script that parses it, still gated by the proof-of-work and the limits). Success
 * marks the session as human for a while and yields a one-time pass another page or service can check.
 * Challenges, passes and attempt counters per client address and per session live in MongoDB, so limits
 * survive dropped cookies and several instances can share them. Nothing of an answer is stored.
 */
package app.digits.captcha;
