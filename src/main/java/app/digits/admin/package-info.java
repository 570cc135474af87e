/**
 * The administrators' side: credentials (configured, or generated and logged once at start), CSRF
 * protection for everything that changes state, and the dashboard: the models with the served one marked
 * and a "serve this model" action, the model's accuracy on people's labelled drawings beside its MNIST test
 * accuracy, and the gallery of drawings people corrected.
 */
package app.digits.admin;
