import Foundation

/// The reference for `search query --json`: any `Encodable` value as one line of JSON with object keys in the
/// order the value encodes them (Foundation's `JSONEncoder` orders keys by hash or sorts them), in `JSONText`'s
/// layout: `{"key": value, …}`. It was the CLI's encoder before the hand-written `JSONBytes.results`, which must
/// give the same bytes.
///
/// Numbers are written in Swift's shortest round-trip form, so decoding gives back the same `Double`;
/// a non-finite number becomes `null`. Strings are escaped scalar by scalar (`quote`), apart from the CLI's code.
enum OrderedJSONEncoder {
    /// The JSON text of `value`.
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let root = Node()
        try root.store(value, codingPath: [])
        var out = ""
        root.render(into: &out)
        return out
    }
}

/// One JSON value under construction; containers are filled in place after they are handed out.
private final class Node {
    enum Content {
        case empty
        case scalar(String)
        case object([(key: String, value: Node)])
        case array([Node])
    }

    var content = Content.empty

    /// Stores `value`: scalars directly, everything else through its `encode(to:)`.
    func store<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        switch value {
        case let v as String: content = .scalar(quote(v))
        case let v as Bool: content = .scalar(v ? "true" : "false")
        case let v as Double: content = .scalar(v.isFinite ? "\(v)" : "null")
        case let v as Float: content = .scalar(v.isFinite ? "\(v)" : "null")
        case let v as any BinaryInteger: content = .scalar("\(v)")
        default: try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
        }
    }

    func child(forKey key: String) -> Node {
        let node = Node()
        if case .object(var pairs) = content {
            pairs.append((key, node))
            content = .object(pairs)
        } else {
            content = .object([(key, node)])
        }
        return node
    }

    func appendChild() -> Node {
        let node = Node()
        if case .array(var items) = content {
            items.append(node)
            content = .array(items)
        } else {
            content = .array([node])
        }
        return node
    }

    var count: Int {
        switch content {
        case .object(let pairs): return pairs.count
        case .array(let items): return items.count
        default: return 0
        }
    }

    func render(into out: inout String) {
        switch content {
        case .empty: out += "null"
        case .scalar(let text): out += text
        case .object(let pairs):
            out += "{"
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += ", " }
                out += quote(pair.key) + ": "
                pair.value.render(into: &out)
            }
            out += "}"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                item.render(into: &out)
            }
            out += "]"
        }
    }
}

private struct NodeEncoder: Encoder {
    let node: Node
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(node: node, codingPath: codingPath) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(forKey: key.stringValue).content = .scalar("null") }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try node.child(forKey: key.stringValue).store(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.child(forKey: "super"), codingPath: codingPath) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws { node.appendChild().content = .scalar("null") }

    mutating func encode<T: Encodable>(_ value: T) throws { try node.appendChild().store(value, codingPath: codingPath) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.appendChild(), codingPath: codingPath).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.appendChild(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.appendChild(), codingPath: codingPath) }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .scalar("null") }

    mutating func encode<T: Encodable>(_ value: T) throws { try node.store(value, codingPath: codingPath) }
}

/// A JSON string literal of `s`, scalar by scalar: `"` and `\` escaped, `\n`, `\r`, `\t` by name, other control
/// characters and U+2028, U+2029 as `\u00xx`.
private func quote(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                out += String(format: "\\u%04x", u.value)
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}
