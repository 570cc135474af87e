/**
 * The administrators' side: Jakarta Security for it (an HTTP Basic authentication mechanism with the login
 * throttle, an identity store of the configured or generated credentials, the {@code admin} role), and the
 * dashboard, as Jakarta MVC controllers: the sortable comparison table of models
 * (McNemar's test against the best, "serve this model"), the training form with live per-model progress,
 * past runs (restart the failed ones), each model's page (confusion heatmap, per-digit metrics, grid search
 * table and plot, gallery of mistakes), the accuracy on people's labelled drawings, and the review of their labels.
 */
package app.digits.admin;
