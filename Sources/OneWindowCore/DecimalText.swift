extension String {
  /// One decimal, without Foundation formatting (12.5, 100.0).
  package init(format1 value: Double) {
    let tenths = Int((value * 10).rounded())
    self = "\(tenths / 10).\(abs(tenths % 10))"
  }
}
