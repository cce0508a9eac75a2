import RealModule

/// Shared quantile search for the discrete distributions (Binomial, Poisson, Hypergeometric).
///
/// Definition (exact, no fuzz): `quantile(p)` is the smallest k in the support with cdf(k) ≥ p and
/// `inverseSF(q)` the smallest k with sf(k) ≤ q, evaluated with the distribution's own computed
/// cdf/sf. Hence `quantile(cdf(k)) == k` and `inverseSF(sf(k)) == k` whenever the computed tail is
/// strictly monotone at k. For p > 1/2 the test cdf(k) ≥ p is also accepted in its equivalent form
/// sf(k) ≤ 1 − p (1 − p is exact there by Sterbenz's lemma), because the directly computed sf is the
/// more accurate of the two near 1; symmetrically for inverseSF with q > 1/2.
///
/// Search: start at the Cornish–Fisher guess k₀ = ⌊μ + σ(z + γ(z² − 1)/6) + ½⌋ (Cornish & Fisher 1937;
/// z from Abramowitz & Stegun 26.2.23), gallop (steps 1, 2, 4, …) to bracket the answer, then bisect
/// on integers: O(log) tail evaluations even when the start is poor.
enum DiscreteQuantile {
    struct Moments {
        var mean: Double
        var sd: Double
        var skewness: Double
    }

    static func quantile(_ p: Double, lower: Int, upper: Int, moments: Moments,
                         cdf: (Int) -> Double, sf: (Int) -> Double) -> Int {
        precondition(p >= 0 && p <= 1, "quantile: p must be in [0, 1] (got \(p))")
        if p == 0 { return lower }
        if p == 1 { return upper }   // Int.max for unbounded support: no finite k has cdf(k) = 1
        let q = 1 - p
        // Decide on the smaller tail only: for p > ½, 1 − p is exact (Sterbenz) and sf(k) keeps full relative
        // accuracy, while a cdf rounded near 1 ties with p over several k (Poisson(1e4) at p = 1 − 1e-15
        // was off by up to 7).
        let accept: (Int) -> Bool = { k in p > 0.5 ? sf(k) <= q : cdf(k) >= p }
        let guess = cornishFisher(lowerTail: p, moments: moments, lower: lower, upper: upper)
        return smallestAccepted(lower: lower, upper: upper, guess: guess, accept: accept)
    }

    static func inverseSF(_ q: Double, lower: Int, upper: Int, moments: Moments,
                          cdf: (Int) -> Double, sf: (Int) -> Double) -> Int {
        precondition(q >= 0 && q <= 1, "inverseSF: q must be in [0, 1] (got \(q))")
        if q == 1 { return lower }
        if q == 0 { return upper }   // smallest k with sf(k) = 0 (Int.max for unbounded support)
        let p = 1 - q
        // As in `quantile`: the smaller tail decides.
        let accept: (Int) -> Bool = { k in q > 0.5 ? cdf(k) >= p : sf(k) <= q }
        let guess = cornishFisher(lowerTail: p, moments: moments, lower: lower, upper: upper)
        return smallestAccepted(lower: lower, upper: upper, guess: guess, accept: accept)
    }

    /// Smallest k in [lower, upper] with accept(k); accept must be monotone and true at `upper`
    /// (the caller's p < 1 / q > 0 guarantees that for the computed tails).
    static func smallestAccepted(lower: Int, upper: Int, guess: Int, accept: (Int) -> Bool) -> Int {
        let g = min(max(guess, lower), upper)
        var bad: Int       // a rejected point, or lower − 1
        var good: Int      // an accepted point (upper is accepted by assumption)
        var step = 1
        if accept(g) {
            good = g
            bad = lower - 1
            while good > lower {
                let c = good - min(step, good - lower)
                if accept(c) { good = c; step = min(step * 2, 1 << 62) } else { bad = c; break }
            }
        } else {
            bad = g
            good = upper
            while true {
                let c = bad + min(step, upper - bad)
                if c == upper { break }
                if accept(c) { good = c; break } else { bad = c; step = min(step * 2, 1 << 62) }
            }
        }
        while good - bad > 1 {
            let mid = bad + (good - bad) / 2
            if accept(mid) { good = mid } else { bad = mid }
        }
        return good
    }

    static func cornishFisher(lowerTail p: Double, moments m: Moments, lower: Int, upper: Int) -> Int {
        guard m.sd > 0, m.sd.isFinite else { return lower }
        let z = roughNormalQuantile(p)
        let x = m.mean + m.sd * (z + m.skewness * (z * z - 1) / 6) + 0.5
        if !(x > Double(lower)) { return lower }
        if x >= Double(upper) || x >= 9.0e18 { return upper }
        return Int(x.rounded(.down))
    }

    /// Normal quantile to ~4.5e-4 (Abramowitz & Stegun 26.2.23); only a starting point for the search.
    static func roughNormalQuantile(_ p: Double) -> Double {
        let pp = min(p, 1 - p)
        if pp <= 0 { return p < 0.5 ? -38 : 38 }
        let t = (-2 * Double.log(pp)).squareRoot()
        let z = t - (2.515517 + t * (0.802853 + t * 0.010328))
            / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)))
        return p < 0.5 ? -z : z
    }
}
