/// A value made when first asked for (an index for suggestions is made only when a
/// reference is unknown). For one thread.
final class Lazy<Value> {
    private let make: () -> Value
    private var made: Value?
    init(_ make: @escaping () -> Value) { self.make = make }
    var value: Value {
        if let made { return made }
        let v = make()
        made = v
        return v
    }
}
