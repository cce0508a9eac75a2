# Reference values for TSTables from R 4.2 base stats (secondary oracle; mpmath is primary).
# Run: Rscript Tests/Reference/tables_r.R  -> Tests/Fixtures/tables_r.csv (case,quantity,method,value)
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("--file=", "", args[grep("--file=", args)])))
out <- file.path(here, "..", "Fixtures", "tables_r.csv")
rows <- list()
emit <- function(case, quantity, method, value) rows[[length(rows) + 1]] <<- data.frame(case = case, quantity = quantity, method = method, value = sprintf("%.17g", value))
tabs <- list(
  t_12_5__3_9 = matrix(c(12, 5, 3, 9), 2, byrow = TRUE),
  t_56_14__48_32 = matrix(c(56, 14, 48, 32), 2, byrow = TRUE),
  t_150_1575__260_980 = matrix(c(150, 1575, 260, 980), 2, byrow = TRUE),
  t_3_1__1_3 = matrix(c(3, 1, 1, 3), 2, byrow = TRUE),
  t_30_15_5__18_20_12 = matrix(c(30, 15, 5, 18, 20, 12), 2, byrow = TRUE),
  t_700_520_505__380_410_450 = matrix(c(700, 520, 505, 380, 410, 450), 2, byrow = TRUE),
  t_3x3_small = matrix(c(3, 1, 0, 1, 4, 2, 0, 2, 5), 3, byrow = TRUE),
  t_3x4_sparse = matrix(c(2, 0, 1, 3, 0, 3, 1, 0, 1, 1, 4, 0), 3, byrow = TRUE),
  t_4x3_mixed = matrix(c(4, 1, 0, 2, 3, 1, 0, 2, 3, 1, 0, 4), 4, byrow = TRUE),
  t_2x4 = matrix(c(6, 4, 3, 1, 1, 3, 4, 7), 2, byrow = TRUE)
)
for (nm in names(tabs)) {
  m <- tabs[[nm]]
  ct <- suppressWarnings(chisq.test(m, correct = FALSE))
  emit(nm, "statistic", "pearson", ct$statistic); emit(nm, "p_value", "pearson", ct$p.value)
  emit(nm, "min_adjusted_residual", "haberman", min(ct$stdres)); emit(nm, "max_adjusted_residual", "haberman", max(ct$stdres))
  E <- ct$expected; G <- 2 * sum(ifelse(m > 0, m * log(m / E), 0))
  emit(nm, "statistic", "g_test", G); emit(nm, "p_value", "g_test", pchisq(G, ct$parameter, lower.tail = FALSE))
  if (all(dim(m) == 2)) {
    y <- chisq.test(m, correct = TRUE)
    emit(nm, "statistic", "yates", y$statistic); emit(nm, "p_value", "yates", y$p.value)
    f <- fisher.test(m)
    emit(nm, "p_value", "fisher_minlike", f$p.value); emit(nm, "estimate", "conditional_mle", f$estimate)
    emit(nm, "lower", "fisher_exact_ci", f$conf.int[1]); emit(nm, "upper", "fisher_exact_ci", f$conf.int[2])
    pt <- prop.test(m[, 1], rowSums(m), correct = FALSE)
    emit(nm, "statistic", "prop_test", pt$statistic)
  } else {
    f <- fisher.test(m, workspace = 2e8)
    emit(nm, "p_value", "ffh_exact", f$p.value)
  }
  if (nrow(m) == 2) {
    cols <- colSums(m)
    tr <- prop.trend.test(m[1, ], cols, score = seq_len(ncol(m)))
    emit(nm, "statistic", "cochran_armitage", tr$statistic); emit(nm, "p_value", "cochran_armitage", tr$p.value)
    g1 <- rep(seq_len(ncol(m)), m[1, ]); g2 <- rep(seq_len(ncol(m)), m[2, ])
    w <- suppressWarnings(wilcox.test(g1, g2, exact = FALSE, correct = FALSE))
    emit(nm, "statistic", "mann_whitney_u", w$statistic); emit(nm, "p_value", "mann_whitney_normal", w$p.value)
  }
}
for (xn in list(c(81, 263), c(15, 148), c(0, 20), c(1, 29), c(7, 50), c(29, 29), c(1725, 2965))) {
  b <- binom.test(xn[1], xn[2])
  nm <- sprintf("prop_%d_%d", xn[1], xn[2])
  emit(nm, "lower", "clopper_pearson", b$conf.int[1]); emit(nm, "upper", "clopper_pearson", b$conf.int[2])
  w <- prop.test(xn[1], xn[2], correct = FALSE)
  emit(nm, "lower", "wilson", w$conf.int[1]); emit(nm, "upper", "wilson", w$conf.int[2])
  w <- prop.test(xn[1], xn[2], correct = TRUE)
  emit(nm, "lower", "wilson_cc", w$conf.int[1]); emit(nm, "upper", "wilson_cc", w$conf.int[2])
}
emit("liang2022", "min_chi_square", "df2", qchisq(1e-4, 2, lower.tail = FALSE))
emit("liang2022", "min_chi_square", "df1", qchisq(1e-4, 1, lower.tail = FALSE))
write.csv(do.call(rbind, rows), out, row.names = FALSE, quote = FALSE)
cat("wrote", length(rows), "rows to", out, "\n")
# Slow case (about 2 minutes of FEXACT with a 2e8 workspace; R's default workspace fails on it):
# TABLES_SLOW=1 Rscript Tests/Reference/tables_r.R  -> Tests/Fixtures/tables_r_slow.csv
if (Sys.getenv("TABLES_SLOW") == "1") {
  rows <- list()
  m <- matrix(c(8, 12, 10, 15, 9, 11, 10, 9, 14, 8, 12, 7, 12, 11, 9, 10, 13, 12, 9, 13, 11, 12, 8, 13), 4, byrow = TRUE)
  emit("t_4x6_n258", "p_value", "ffh_exact", fisher.test(m, workspace = 2e8)$p.value)
  write.csv(do.call(rbind, rows), file.path(here, "..", "Fixtures", "tables_r_slow.csv"), row.names = FALSE, quote = FALSE)
}
