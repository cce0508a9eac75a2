# Reference values for TSModels from R's lm and glm on real data sets of R's `datasets` package.
# Writes the data (Tests/Fixtures/models_data_*.csv, with their source in a leading comment-free header
# documented here) and R's results (Tests/Fixtures/models_r.csv, long format: model,quantity,term,value).
# Run from the package root: LC_ALL=C Rscript Tests/Reference/models_r.R   (R 4.2)
#
# Data sources (R `datasets` package documentation):
#   ToothGrowth: Crampton (1947), J. Nutrition 33:491-504; guinea-pig odontoblast length by supplement and dose.
#   warpbreaks:  Tippett (1950), Technological Applications of Statistics; warp breaks by wool and tension.
#   infert:      Trichopoulos et al. (1976), Br. J. Obstet. Gynaec. 83:645-650; infertility after abortion
#                (matched case-control data, analysed here as plain logistic regression as in ?infert).
options(digits = 17)
out <- data.frame(model = character(), quantity = character(), term = character(), value = character())
add <- function(model, quantity, term, value) {
  out <<- rbind(out, data.frame(model = model, quantity = quantity, term = term, value = sprintf("%.17g", value)))
}
write_data <- function(d, name) write.csv(d, sprintf("Tests/Fixtures/models_data_%s.csv", name), row.names = FALSE, quote = FALSE)
read_data <- function(name) read.csv(sprintf("Tests/Fixtures/models_data_%s.csv", name), stringsAsFactors = TRUE)

lm_ref <- function(model, fit) {
  s <- summary(fit); ci <- confint(fit)
  for (t in rownames(s$coefficients)) {
    add(model, "estimate", t, s$coefficients[t, 1]); add(model, "se", t, s$coefficients[t, 2])
    add(model, "t", t, s$coefficients[t, 3]); add(model, "p", t, s$coefficients[t, 4])
    add(model, "ci_lower", t, ci[t, 1]); add(model, "ci_upper", t, ci[t, 2])
  }
  add(model, "residual_sd", "", s$sigma); add(model, "r_squared", "", s$r.squared)
  add(model, "adj_r_squared", "", s$adj.r.squared); add(model, "f", "", s$fstatistic[1])
  add(model, "f_p", "", pf(s$fstatistic[1], s$fstatistic[2], s$fstatistic[3], lower.tail = FALSE))
  a <- anova(fit)
  for (t in rownames(a)) { add(model, "anova_ss", t, a[t, "Sum Sq"]); if (!is.na(a[t, "F value"])) add(model, "anova_f", t, a[t, "F value"]) }
}

# Accurate profile-likelihood limits: uniroot on the signed root deviance, each point a glm with an offset.
profile_limits <- function(fit, data, formula, term, level = 0.95) {
  X <- model.matrix(fit); y <- fit$y; bhat <- coef(fit)[term]; se <- sqrt(diag(vcov(fit)))[term]
  D0 <- deviance(fit); q <- qchisq(level, 1)
  others <- X[, colnames(X) != term, drop = FALSE]
  prof <- function(b) {
    g <- glm.fit(others, y, offset = X[, term] * b, family = binomial(), intercept = FALSE,
                 control = glm.control(epsilon = 1e-14, maxit = 200))
    sign(b - bhat) * sqrt(max(0, g$deviance - D0))
  }
  lo <- uniroot(function(b) prof(b) + sqrt(q), c(bhat - 8 * se, bhat), tol = 1e-13)$root
  hi <- uniroot(function(b) prof(b) - sqrt(q), c(bhat, bhat + 8 * se), tol = 1e-13)$root
  c(lo, hi)
}

glm_ref <- function(model, fit, data, formula) {
  s <- summary(fit); z <- qnorm(0.975)
  for (t in rownames(s$coefficients)) {
    add(model, "estimate", t, s$coefficients[t, 1]); add(model, "se", t, s$coefficients[t, 2])
    add(model, "z", t, s$coefficients[t, 3]); add(model, "p", t, s$coefficients[t, 4])
    add(model, "wald_lower", t, s$coefficients[t, 1] - z * s$coefficients[t, 2])
    add(model, "wald_upper", t, s$coefficients[t, 1] + z * s$coefficients[t, 2])
    pl <- profile_limits(fit, data, formula, t)
    add(model, "profile_lower", t, pl[1]); add(model, "profile_upper", t, pl[2])
  }
  add(model, "deviance", "", deviance(fit)); add(model, "null_deviance", "", fit$null.deviance); add(model, "aic", "", AIC(fit))
}

tg <- ToothGrowth[, c("len", "supp", "dose")]
write_data(tg, "toothgrowth"); tg <- read_data("toothgrowth")
lm_ref("toothgrowth_adjusted", lm(len ~ supp + dose, data = tg))
lm_ref("toothgrowth_unadjusted", lm(len ~ supp, data = tg))

wb <- warpbreaks[, c("breaks", "wool", "tension")]
wb$tension <- as.character(wb$tension)
write_data(wb, "warpbreaks"); wb <- read_data("warpbreaks")
lm_ref("warpbreaks", lm(breaks ~ wool + tension, data = wb))

inf <- infert[, c("case", "education", "spontaneous", "induced")]
inf$education <- gsub(" ", "", as.character(inf$education))
write_data(inf, "infert"); inf <- read_data("infert")
f1 <- case ~ education + spontaneous + induced
glm_ref("infert_adjusted", glm(f1, family = binomial, data = inf, control = glm.control(epsilon = 1e-14, maxit = 200)), inf, f1)
f0 <- case ~ education
glm_ref("infert_unadjusted", glm(f0, family = binomial, data = inf, control = glm.control(epsilon = 1e-14, maxit = 200)), inf, f0)

write.csv(out, "Tests/Fixtures/models_r.csv", row.names = FALSE, quote = FALSE)
cat("wrote", nrow(out), "reference values\n")
