/**
 * The administrators' side: credentials (configured, or generated and logged once at start), CSRF
 * protection for everything that changes state, and the dashboard: the sortable comparison table of models
 * (McNemar's test against the best, "serve this model"), the training form with live per-model progress,
 * past runs (restart the failed ones), each model's page (confusion heatmap, per-digit metrics, grid search
 * table and plot, gallery of mistakes), the accuracy on people's labelled drawings, and the review of their labels.
 */
package app.digits.admin;
