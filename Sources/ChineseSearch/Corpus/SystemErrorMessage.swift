import Glibc

/// The system's message for an `errno` value, e.g. "No such file or directory" (wraps `strerror`).
func systemErrorMessage(_ code: Int32) -> String {
    String(cString: strerror(code))
}
