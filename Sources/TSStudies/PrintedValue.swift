import TSCore

/// A number as a paper printed it: the text, the value, the number of decimals it was printed with, and
/// whether it is a bound ("P<0.0001") rather than a rounded value. It is `TSCore.PrintedInterval`, the one
/// printed-value type, under the name the dataset reader has always used: "0.70" and "0.7" have the same
/// value but different precision, so they stand for different intervals of unrounded values.
public typealias PrintedValue = PrintedInterval
