/// Namespace for the special functions the distributions are built on: regularized incomplete gamma
/// and beta ratios and their inverses, and the log-gamma corrections they need.
///
/// Each function lives in its own file and names its source (paper and equation) in its doc comment.
enum Special {}
