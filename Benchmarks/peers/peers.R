# R 4.2 side of the TrialStats benchmarks: the same inputs as tsbench, vectorised base R, one core.
#   Rscript Benchmarks/peers/peers.R DATA_DIR OUT_DIR REPS [cases]
# cases: comma-separated subset of dist,batch,tables,ffh46,lm,e2e (default: all but ffh46).
# Prints one JSON line per case (median and min wall seconds over REPS runs after one warm-up) and writes
# the computed values as raw float64 (OUT_DIR/<case>.R.f64) for peers/compare.py.
args <- commandArgs(trailingOnly = TRUE)
data <- args[1]; out <- args[2]; reps <- as.integer(args[3])
cases <- if (length(args) >= 4) strsplit(args[4], ",")[[1]] else c("dist", "batch", "tables", "lm", "e2e")
Sys.setenv(OMP_NUM_THREADS = "1", OPENBLAS_NUM_THREADS = "1")
have_dt <- requireNamespace("data.table", quietly = TRUE)
if (have_dt) data.table::setDTthreads(1)

now <- function() proc.time()[["elapsed"]]
bench <- function(name, reps, f, warmup = 1, items = 1, note = "", per = 1) {
  for (i in seq_len(warmup)) f()
  t <- numeric(reps)
  for (i in seq_len(reps)) { t0 <- now(); f(); t[i] <- (now() - t0) / per }
  cat(sprintf('{"case": "%s", "impl": "R", "median_s": %.9g, "min_s": %.9g, "reps": %d, "items": %d%s}\n',
              name, median(t), min(t), reps, items, if (nzchar(note)) sprintf(', "note": "%s"', note) else ""))
  flush(stdout())
}
save <- function(v, name) writeBin(as.double(v), file.path(out, paste0(name, ".R.f64")), endian = "little")

# Grid: identical formulas in Sources/tsbench/Inputs.swift and peers_scipy.py.
N <- 100000; i <- 0:(N - 1)
gp <- (i + 0.5) / N; gdf <- 0.5 + 0.25 * (i %% 997); gdf1 <- 1 + (i %% 13); gx <- 0.01 + 0.05 * (i %% 1009)

if ("dist" %in% cases) {
  fs <- list(
    dist_t_quantile = function() qt(gp, gdf),
    dist_t_sf = function() pt(gx, gdf, lower.tail = FALSE),
    dist_chisq_quantile = function() qchisq(gp, gdf),
    dist_chisq_sf = function() pchisq(gx, gdf, lower.tail = FALSE),
    dist_f_quantile = function() qf(gp, gdf1, gdf),
    dist_f_sf = function() pf(gx, gdf1, gdf, lower.tail = FALSE))
  for (nm in names(fs)) { bench(nm, reps, fs[[nm]], items = N); save(fs[[nm]](), nm) }
}

welch <- function(n1, m1, s1, n2, m2, s2, level = 0.95) {
  v1 <- s1^2 / n1; v2 <- s2^2 / n2; se <- sqrt(v1 + v2)
  df <- (v1 + v2)^2 / (v1^2 / (n1 - 1) + v2^2 / (n2 - 1))
  d <- m1 - m2; cr <- qt(0.5 + level / 2, df); t <- d / se
  list(estimate = d, se = se, ci_lower = d - cr * se, ci_upper = d + cr * se, statistic = t, df = df,
       p_value = 2 * pt(-abs(t), df))
}
rows_file <- file.path(data, "rows.csv")
if ("batch" %in% cases) {
  d <- if (have_dt) data.table::fread(rows_file) else read.csv(rows_file)
  r <- NULL
  bench("batch_inprocess_1e6", reps, function() r <<- with(d, welch(n1, mean1, sd1, n2, mean2, sd2)), items = nrow(d))
  save(r$ci_lower, "batch_lower"); save(r$ci_upper, "batch_upper"); save(r$p_value, "batch_p"); save(r$df, "batch_df")
}
if ("e2e" %in% cases) {
  # CSV -> CSV like `trialstats means --data`: read, recompute, write 17 significant digits.
  e2e <- function() {
    d <- if (have_dt) data.table::fread(rows_file) else read.csv(rows_file)
    r <- as.data.frame(with(d, welch(n1, mean1, sd1, n2, mean2, sd2)))
    f <- file.path(out, "e2e.R.csv")
    if (have_dt) data.table::fwrite(r, f, nThread = 1) else write.csv(signif(r, 17), f, row.names = FALSE)
  }
  bench("batch_e2e_csv_1e6", max(1, reps %/% 2), e2e, warmup = 0, items = 1000000,
        note = if (have_dt) "data.table fread/fwrite, 1 thread" else "read.csv/write.csv")
}

t2x3 <- matrix(c(700, 520, 505, 380, 410, 450), 2, byrow = TRUE)
t4x6 <- matrix(c(8, 12, 10, 15, 9, 11, 10, 9, 14, 8, 12, 7, 12, 11, 9, 10, 13, 12, 9, 13, 11, 12, 8, 13), 4, byrow = TRUE)
t2x2 <- matrix(c(2510, 2440, 2490, 2560), 2)   # rows: arm 1 (2510 events of 5000), arm 2 (2440 of 5000)
if ("tables" %in% cases) {
  p <- NA
  bench("ffh_2x3_n2965", reps, function() p <<- fisher.test(t2x3, workspace = 2e8)$p.value)
  save(p, "ffh_2x3_n2965")
  bench("fisher_2x2_n10000", reps, function() for (k in 1:20) p <<- fisher.test(t2x2, conf.int = FALSE)$p.value,
        per = 20, note = "fisher.test also computes the conditional MLE")
  save(p, "fisher_2x2_n10000")
}
if ("ffh46" %in% cases) {   # about a minute or two of FEXACT: run once
  p <- NA
  bench("ffh_4x6_n258", 1, function() p <<- fisher.test(t4x6, workspace = 2e8)$p.value, warmup = 0)
  save(p, "ffh_4x6_n258")
}
if ("lm" %in% cases) {
  d <- if (have_dt) as.data.frame(data.table::fread(file.path(data, "lm.csv"))) else read.csv(file.path(data, "lm.csv"))
  fit <- NULL
  bench("lm_100000x20", reps, function() fit <<- summary(lm(y ~ ., data = d)), warmup = 0, items = nrow(d))
  save(coef(fit)[, 1], "lm_coef"); save(coef(fit)[, 2], "lm_se")
}
