# Reference values for TSEffects from R 4.2 (stats + metafor 3.8).
# Reads Tests/Reference/effects_cases.csv, writes Tests/Fixtures/effects_r.csv.
# Run from the package root:  Rscript Tests/Reference/effects_r.R
# t-based quantities use R's qt/pt with the summary-statistic formulas of t.test
# (one-sample: mean/(sd/sqrt(n)); Student: pooled SD; Welch: Satterthwaite df).
# As a cross-check, t.test() is also run on synthetic data rescaled to have exactly the
# given mean and SD; the script stops if the two disagree by more than 1e-9 relative.
suppressPackageStartupMessages(library(metafor))
cases <- read.csv("Tests/Reference/effects_cases.csv", stringsAsFactors = FALSE)
g <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
exact_sample <- function(n, m, s) { z <- rnorm(n); m + s * (z - mean(z)) / sd(z) }
rel <- function(a, b) abs(a - b) / max(abs(b), 1e-300)
set.seed(20110313)
out <- list()
for (i in seq_len(nrow(cases))) {
  cs <- cases[i, ]; lv <- cs$level; a <- 1 - lv
  n1 <- cs$n1; n2 <- cs$n2; m1 <- cs$m1; m2 <- cs$m2; s1 <- cs$s1; s2 <- cs$s2
  arm <- function(n, m, s) {
    se <- s / sqrt(n); q <- qt(1 - a / 2, n - 1); t <- m / se
    c(m - q * se, m + q * se, t, 2 * pt(-abs(t), n - 1))
  }
  A1 <- arm(n1, m1, s1); A2 <- arm(n2, m2, s2)
  sp <- sqrt(((n1 - 1) * s1^2 + (n2 - 1) * s2^2) / (n1 + n2 - 2))
  d <- m1 - m2
  se_st <- sp * sqrt(1 / n1 + 1 / n2); df_st <- n1 + n2 - 2
  v1 <- s1^2 / n1; v2 <- s2^2 / n2
  se_we <- sqrt(v1 + v2); df_we <- (v1 + v2)^2 / (v1^2 / (n1 - 1) + v2^2 / (n2 - 1))
  tt <- function(se, df) { q <- qt(1 - a / 2, df); t <- d / se; c(d - q * se, d + q * se, t, df, 2 * pt(-abs(t), df)) }
  ST <- tt(se_st, df_st); WE <- tt(se_we, df_we)
  # cross-check against t.test on data with exactly these summary statistics
  x <- exact_sample(n1, m1, s1); y <- exact_sample(n2, m2, s2)
  chk <- function(r, ref) { v <- c(r$conf.int, r$statistic, r$p.value); stopifnot(all(mapply(rel, v, ref[c(1, 2, 3, length(ref))]) < 1e-9)) }
  chk(t.test(x, conf.level = lv), A1); chk(t.test(y, conf.level = lv), A2)
  chk(t.test(x, y, var.equal = TRUE, conf.level = lv), ST); chk(t.test(x, y, conf.level = lv), WE)
  es <- function(measure, vtype) escalc(measure, m1i = m1, sd1i = s1, n1i = n1, m2i = m2, sd2i = s2, n2i = n2, vtype = vtype)
  md_ls <- es("MD", "LS"); md_ho <- es("MD", "HO")
  smd_ls <- es("SMD", "LS"); smd_ub <- es("SMD", "UB"); smd_ls2 <- es("SMD", "LS2")
  smd1 <- es("SMD1", "LS")
  rom_ls <- if (m1 > 0 && m2 > 0) es("ROM", "LS") else list(yi = NA, vi = NA)
  rom_ho <- if (m1 > 0 && m2 > 0) es("ROM", "HO") else list(yi = NA, vi = NA)
  romc <- if (m1 > 0 && m2 > 0) escalc("ROMC", m1i = m1, sd1i = s1, m2i = m2, sd2i = s2, ni = n1, ri = 0.6) else list(yi = NA, vi = NA)
  out[[i]] <- data.frame(
    case = cs$case,
    arm1_lo = g(A1[1]), arm1_hi = g(A1[2]), arm1_t = g(A1[3]), arm1_p = g(A1[4]),
    arm2_lo = g(A2[1]), arm2_hi = g(A2[2]), arm2_t = g(A2[3]), arm2_p = g(A2[4]),
    student_lo = g(ST[1]), student_hi = g(ST[2]), student_t = g(ST[3]), student_df = g(ST[4]), student_p = g(ST[5]),
    welch_lo = g(WE[1]), welch_hi = g(WE[2]), welch_t = g(WE[3]), welch_df = g(WE[4]), welch_p = g(WE[5]),
    md_yi = g(md_ls$yi), md_v_ls = g(md_ls$vi), md_v_ho = g(md_ho$vi),
    smd_yi = g(smd_ls$yi), smd_v_ls = g(smd_ls$vi), smd_v_ub = g(smd_ub$vi), smd_v_ls2 = g(smd_ls2$vi),
    smd1_yi = g(smd1$yi), smd1_v_ls = g(smd1$vi),
    rom_yi = g(rom_ls$yi), rom_v_ls = g(rom_ls$vi), rom_v_ho = g(rom_ho$vi),
    romc_r = "0.6", romc_yi = g(romc$yi), romc_v = g(romc$vi))
}
res <- do.call(rbind, out)
write.csv(res, "Tests/Fixtures/effects_r.csv", row.names = FALSE, quote = FALSE)
cat("R", R.version$major, R.version$minor, "metafor", as.character(packageVersion("metafor")), "\n")
