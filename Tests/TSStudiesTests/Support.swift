import Foundation
import TSTestSupport

/// The package root (`Fixtures.packageRoot`: the folder holding Package.swift, found from TSTestSupport's path).
func packageRoot() -> URL { Fixtures.packageRoot }
