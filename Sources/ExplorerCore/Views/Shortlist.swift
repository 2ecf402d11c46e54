/// A list written out only as far as a screen can show: items joined until about
/// `budget` characters, then "… and N more". A partner in a hundred thousand deals or a
/// deal with two million parties costs a screenful of text, not all of it.
enum Shortlist {
    static func text(_ count: Int, separator: String, budget: Int = 1200, _ item: (Int) -> String) -> String {
        var out = ""
        var k = 0
        while k < count && out.count < budget {
            if k > 0 { out += separator }
            out += item(k)
            k += 1
        }
        if k < count { out += "… and \(count - k) more" }
        return out
    }
}
