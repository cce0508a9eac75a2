import Foundation
import Testing
import TSTestSupport

/// The shared error measures of TSTestSupport: a NaN never passes, a zero reference is handled as documented.
@Suite struct ToleranceMeasures {
    @Test func relativeError() {
        #expect(Tolerance.relativeError(1.5, 1) == 0.5)
        #expect(Tolerance.relativeError(0, 0) == 0)
        #expect(Tolerance.relativeError(.infinity, .infinity) == 0)
        #expect(Tolerance.relativeError(1e-300, 0) == .infinity)
        #expect(Tolerance.relativeError(.nan, 1) == .infinity)
        #expect(Tolerance.relativeError(1, .nan) == .infinity)
        // Powers of two, so that the quotient |x − y|/floor is exact in binary (1e-20/1e-10 is not 1e-10).
        #expect(Tolerance.relativeError(0x1p-60, 0, floor: 0x1p-30) == 0x1p-30)
        #expect(Tolerance.relativeError(.nan, 0, floor: 1e-10) == .infinity)
    }

    @Test func mixedAndScaledError() {
        #expect(Tolerance.mixedError(1e-9, 0) == 1e-9)
        #expect(Tolerance.mixedError(3, 2) == 0.5)
        #expect(Tolerance.mixedError(.nan, 0) == .infinity)
        #expect(Tolerance.scaledError(0.1, 0.3, scale: 2) == abs(0.1 - 0.3) / 2)
        #expect(Tolerance.scaledError(.nan, 0.3, scale: 2) == .infinity)
    }

    @Test func logRelativeError() {
        #expect(abs(Tolerance.lre(1.0001, 1) - 4) < 1e-9)
        #expect(abs(Tolerance.lre(1e-9, 0) - 9) < 1e-9)
        #expect(Tolerance.lre(2, 2) == 15)
        #expect(Tolerance.lre(2, 2, cap: 17) == 17)
        #expect(Tolerance.lre(.nan, 2) == 0)   // Swift's min(15, NaN) would give 15
        #expect(Tolerance.lre(-.infinity, 2) == 0)
        #expect(Tolerance.lre(5, 1) == 0)
    }

    @Test func ulps() {
        #expect(Tolerance.ulps(1, 1) == 0)
        #expect(Tolerance.ulps(0, -0.0) == 0)
        #expect(Tolerance.ulps(1, 1.0.nextUp) == 1)
        #expect(Tolerance.ulps(1.0.nextDown, 1.0.nextUp) == 2)
        #expect(Tolerance.ulps(-Double.leastNonzeroMagnitude, Double.leastNonzeroMagnitude) == 2)
        #expect(Tolerance.ulps(.nan, 1) == .infinity)
        #expect(Tolerance.ulps(-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude) > 1e19)
    }

    @Test func isClose() {
        #expect(Tolerance.isClose(1 + 1e-10, 1, rel: 1e-9))
        #expect(!Tolerance.isClose(1 + 1e-8, 1, rel: 1e-9))
        #expect(!Tolerance.isClose(.nan, .nan, rel: 1))
    }
}
