print("search-bench: not built yet")
