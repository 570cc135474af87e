/**
 * What runs inside Payara Micro itself, outside the WAR (built into {@code target/digits-valve.jar}, given to
 * Payara with {@code --addlibs} and carried in {@code target/digits.jar}): fixes for requests Payara 7.2025.1
 * refuses before the application exists for them, so that the application answers them like any other. A
 * host valve escapes the colon in the path the authorization reads ({@code ColonPathValve}); a Grizzly filter
 * sends paths the connector cannot decode to the application's 400 ({@code UnreadableAddressFilter}, put into
 * the HTTP listener by {@code UnreadableAddressValve}, with its rules in {@code UnreadableAddresses}). Compiled
 * against the Payara jars it runs with; nothing here depends on the application's packages.
 */
package app.digits.valve;
