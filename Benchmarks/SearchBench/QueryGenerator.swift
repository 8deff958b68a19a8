enum QueryGenerator { static func run(arguments: [String]) throws { throw BenchError.usage("queries: not written yet") } }
