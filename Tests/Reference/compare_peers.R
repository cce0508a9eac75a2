# R 4.2 values at the mpmath fixture points, for Tests/Reference/compare_peers.py.
# Run by hand from the package root:  Rscript Tests/Reference/compare_peers.R
# Reads Tests/Fixtures/distributions_mpmath.csv, writes Tests/Reference/out/r.csv
# (dist,func,p1,p2,p3,arg,computed; 17 significant digits).
# Vectorised base R: d/p/q functions; sf = lower.tail = FALSE, isf = q*(lower.tail = FALSE),
# logpdf = d*(log = TRUE); noncentral t via dt/pt/qt with ncp.
# Note: inputs are parsed by R's own strtod; R documents pt/qt with ncp as accurate to ~1e-12 only.

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
here <- if (length(script)) dirname(normalizePath(script)) else "Tests/Reference"
fixture <- file.path(here, "..", "Fixtures", "distributions_mpmath.csv")
outdir <- file.path(here, "out")
dir.create(outdir, showWarnings = FALSE)

fx <- read.csv(fixture, colClasses = "character")
num <- function(s) suppressWarnings(as.numeric(s))
p1 <- num(fx$p1); p2 <- num(fx$p2); p3 <- num(fx$p3); x <- num(fx$arg)
val <- rep(NA_real_, nrow(fx))

run <- function(dist, func, d, p, q, params) {
  i <- which(fx$dist == dist & fx$func == func)
  if (!length(i)) return(invisible())
  a <- lapply(params, function(v) v[i])
  xi <- x[i]
  v <- suppressWarnings(switch(func,
    pdf = , pmf = do.call(d, c(list(xi), a)),
    logpdf = , logpmf = do.call(d, c(list(xi), a, list(log = TRUE))),
    cdf = do.call(p, c(list(xi), a)),
    sf = do.call(p, c(list(xi), a, list(lower.tail = FALSE))),
    quantile = do.call(q, c(list(xi), a)),
    isf = do.call(q, c(list(xi), a, list(lower.tail = FALSE)))))
  val[i] <<- v
}
# qt(p, df, ncp) never returns for some points (e.g. qt(0.02275013194817921, 0.5, 2), where p is
# pt(0, 0.5, 2), and far lower-tail p with df = 1000, ncp = 20): each noncentral quantile is
# evaluated in a forked child (package parallel, base R) and given up after 5 s (recorded as NA).
qt_guarded <- function(p, df, ncp, lower.tail = TRUE) {
  vapply(seq_along(p), function(j) {
    job <- parallel::mcparallel(suppressWarnings(qt(p[j], df[j], ncp[j], lower.tail = lower.tail)))
    r <- parallel::mccollect(job, wait = FALSE, timeout = 5)
    if (is.null(r)) {
      tools::pskill(job$pid)
      suppressWarnings(parallel::mccollect(job, wait = TRUE))
      message(sprintf("R qt(%.17g, %g, %g, lower.tail = %s) did not return within 5 s",
                      p[j], df[j], ncp[j], lower.tail))
      return(NA_real_)
    }
    as.numeric(r[[1]])
  }, numeric(1))
}
funcs <- c("pdf", "logpdf", "pmf", "logpmf", "cdf", "sf", "quantile", "isf")
for (f in funcs) {
  run("normal", f, dnorm, pnorm, qnorm, list(mean = p1, sd = p2))
  run("t", f, dt, pt, qt, list(df = p1))
  run("nct", f, dt, pt, qt_guarded, list(df = p1, ncp = p2))
  run("chisq", f, dchisq, pchisq, qchisq, list(df = p1))
  run("f", f, df, pf, qf, list(df1 = p1, df2 = p2))
  run("beta", f, dbeta, pbeta, qbeta, list(shape1 = p1, shape2 = p2))
  run("gamma", f, dgamma, pgamma, qgamma, list(shape = p1, scale = p2))
  run("binom", f, dbinom, pbinom, qbinom, list(size = p1, prob = p2))
  run("pois", f, dpois, ppois, qpois, list(lambda = p1))
  run("hyper", f, dhyper, phyper, qhyper, list(m = p1, n = p2, k = p3))
}
out <- data.frame(fx[, c("dist", "func", "p1", "p2", "p3", "arg")],
                  computed = ifelse(is.na(val), "NA", sprintf("%.17g", val)))
write.csv(out, file.path(outdir, "r.csv"), row.names = FALSE, quote = FALSE)
cat("R", R.version.string, "values ->", file.path(outdir, "r.csv"), "\n")
