// Declarations of the reference LAPACK routines TrialStats calls (Debian liblapack-dev).
// Fortran calling convention as compiled by gfortran: every argument by pointer, and one hidden
// trailing `size_t` length per CHARACTER argument (pass 1).
#ifndef TRIALSTATS_CLAPACK_SHIM_H
#define TRIALSTATS_CLAPACK_SHIM_H
#include <stddef.h>

/// QR factorisation with column pivoting: A P = Q R.
void dgeqp3_(const int *m, const int *n, double *a, const int *lda, int *jpvt, double *tau,
             double *work, const int *lwork, int *info);
/// Multiply by Q or Q^T from a QR factorisation.
void dormqr_(const char *side, const char *trans, const int *m, const int *n, const int *k,
             const double *a, const int *lda, const double *tau, double *c, const int *ldc,
             double *work, const int *lwork, int *info, size_t side_len, size_t trans_len);
/// Solve a triangular system.
void dtrtrs_(const char *uplo, const char *trans, const char *diag, const int *n, const int *nrhs,
             const double *a, const int *lda, double *b, const int *ldb, int *info,
             size_t uplo_len, size_t trans_len, size_t diag_len);
/// Reciprocal condition number estimate of a triangular matrix (Higham's 1-norm estimator, dlacn2).
void dtrcon_(const char *norm, const char *uplo, const char *diag, const int *n, const double *a,
             const int *lda, double *rcond, double *work, int *iwork, int *info,
             size_t norm_len, size_t uplo_len, size_t diag_len);
/// Inverse of a triangular matrix.
void dtrtri_(const char *uplo, const char *diag, const int *n, double *a, const int *lda, int *info,
             size_t uplo_len, size_t diag_len);
/// Cholesky factorisation of a symmetric positive definite matrix.
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t uplo_len);
/// Solve using a Cholesky factorisation.
void dpotrs_(const char *uplo, const int *n, const int *nrhs, const double *a, const int *lda,
             double *b, const int *ldb, int *info, size_t uplo_len);
/// Solve a symmetric indefinite system (Bunch–Kaufman).
void dsysv_(const char *uplo, const int *n, const int *nrhs, double *a, const int *lda, int *ipiv,
            double *b, const int *ldb, double *work, const int *lwork, int *info, size_t uplo_len);
/// Machine parameters.
double dlamch_(const char *cmach, size_t cmach_len);

#endif
