/// A row of Unicode block characters (▁▂▃▄▅▆▇█) for a series of values. Pure.
enum Sparkline {
    /// The eight levels, lowest first.
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// At most `width` characters for `values`: one per value when they fit, else each
    /// character stands for a run of consecutive values, `combine`d (sum for counts, maximum
    /// otherwise). Counts (`fromZero`) are scaled from 0 to the largest value, where 0 is the
    /// lowest block and any positive value at least the second; other series from their
    /// smallest to their largest value (a flat one sits in the middle). No value: a space.
    static func render(
        _ values: [Double?], width: Int, fromZero: Bool = true, combine: ([Double]) -> Double = { $0.max() ?? 0 }
    ) -> String {
        let columns = resample(values, width: width, combine: combine)
        let present = columns.compactMap { $0 }
        let top = present.max() ?? 0
        let bottom = fromZero ? 0 : present.min() ?? 0
        let steps = Double(blocks.count - 1)
        return String(columns.map { value -> Character in
            guard let value else { return " " }
            if fromZero {
                guard top > 0, value > 0 else { return blocks[0] }
                return blocks[min(blocks.count - 1, max(1, Int((value / top * steps).rounded())))]
            }
            guard top > bottom else { return blocks[blocks.count / 2 - 1] }
            return blocks[Int(((value - bottom) / (top - bottom) * steps).rounded())]
        })
    }

    /// `values` in `width` buckets of consecutive values (as even as integer division allows);
    /// a bucket with no value is nil.
    static func resample(_ values: [Double?], width: Int, combine: ([Double]) -> Double) -> [Double?] {
        guard width > 0, values.count > width else { return values }
        return (0..<width).map { column in
            let lower = column * values.count / width
            let upper = (column + 1) * values.count / width
            let present = values[lower..<upper].compactMap { $0 }
            return present.isEmpty ? nil : combine(present)
        }
    }
}
