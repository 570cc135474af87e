/**
 * What every feature stands on: the JAX-RS application and its RFC 9457 problem responses, the MongoDB
 * connection (embedded wire-protocol server or a real one), the JNoSQL wiring, Thymeleaf views with their
 * French and English messages, security headers, metrics and attempt limits. It depends on no feature.
 */
package app.digits.platform;
