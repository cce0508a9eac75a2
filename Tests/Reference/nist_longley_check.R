# Checks that Tests/Fixtures/nist/Longley.csv is R's datasets::longley in NIST's units, and prints
# what R's lm gives against the NIST certified coefficients (LRE), for comparison only.
# Run: Rscript Tests/Reference/nist_longley_check.R  (from the package root)
lines <- readLines("Tests/Fixtures/nist/Longley.csv")
body <- lines[!grepl("^(#|cert,)", lines)]
d <- read.csv(text = body)
stopifnot(all.equal(d$y, longley$Employed * 1000), all.equal(d$x1, longley$GNP.deflator),
          all.equal(d$x2, longley$GNP * 1000), all.equal(d$x3, longley$Unemployed * 10),
          all.equal(d$x4, longley$Armed.Forces * 10), all.equal(d$x5, longley$Population * 1000),
          all.equal(d$x6, longley$Year))
cert <- read.csv(text = lines[grepl("^cert,b", lines)], header = FALSE)
fit <- lm(y ~ x1 + x2 + x3 + x4 + x5 + x6, data = d)
lre <- -log10(abs(coef(fit) - cert$V3) / abs(cert$V3))
print(data.frame(term = names(coef(fit)), lm = sprintf("%.15g", coef(fit)), LRE = round(lre, 1)))
cat("Data matches datasets::longley (rescaled).\n")
