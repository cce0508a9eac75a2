# R fisher.test values for the sparse small-p tables in Tests/TSTablesTests/FisherFreemanHaltonNetworkTests.swift
# (sparseSmallPTablesMatchRFisherTest). Run: Rscript Tests/Reference/ffh_sparse_r.R
t1 <- matrix(c(0,0,0,7,10, 0,0,10,11,3, 1,1,3,1,0, 0,0,0,0,2, 0,6,2,7,0), nrow = 5, byrow = TRUE)
t2 <- matrix(c(1,0,3,7,5,0, 0,0,1,0,0,1, 2,4,13,0,2,1, 0,0,2,1,5,0, 0,0,8,6,2,0), nrow = 5, byrow = TRUE)
for (m in list(t1, t2)) cat(sprintf("%.17g\n", fisher.test(m, workspace = 2e8)$p.value))
