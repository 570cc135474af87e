/**
 * Turning MNIST into served models: the {@code train-models} Jakarta Batch job fits nine classifiers, each
 * behind one adapter per library (Smile: decision tree, random forest, SVM and k-NN on PCA features, MLP,
 * logistic regression; Weka: J48 and random forest; DJL on PyTorch: a CNN), tunes them by grid search with
 * stratified k-fold cross-validation on the training set, scores them on the test set, records each run in
 * {@code training_runs}, and serves the best. Only this package imports Smile, Weka or DJL. The default model
 * is trained at first start so that a fresh installation recognizes digits without any manual step.
 */
package app.digits.training;
