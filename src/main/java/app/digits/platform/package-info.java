/**
 * What every feature stands on: the JAX-RS application (API and MVC pages), the RFC 9457 problem shape, the
 * Thymeleaf views with their French and English messages and the view engine and locale resolver that give
 * them to Jakarta MVC, the strict JSON body reader, the CSRF check, the MongoDB connection (embedded
 * wire-protocol server or a real one), the JNoSQL wiring, security headers, metrics and attempt limits. It
 * depends on no feature.
 */
package app.digits.platform;
