/// `search completions bash|zsh|fish`: a completion script made from `CommandTable`.
enum CompletionsCommand {
    static func run(_ words: [String]) throws -> Int32 {
        let args = try Arguments(words, for: CommandTable["completions"])
        if args.has("--help") { print(Help.text(for: CommandTable["completions"])); return 0 }
        guard args.positional.count == 1, let shell = Shell(rawValue: args.positional[0]) else {
            throw UsageError("completions takes one shell: bash, zsh or fish")
        }
        Output.line(CompletionScript.script(for: shell))
        return 0
    }
}

/// The shells completion scripts are made for.
enum Shell: String, CaseIterable {
    case bash, zsh, fish
}

/// Completion scripts for every command, flag and fixed value in `CommandTable`.
enum CompletionScript {
    /// What a command's operand completes to: folders, command names, fixed words, or nothing.
    enum Operand: Equatable {
        case none, folders, words([String])
    }

    /// Derived from the usage text: `DIR` is a folder, `[COMMAND]` a command name, `a|b|c` one of those words.
    static func operand(of command: Command) -> Operand {
        switch command.operands {
        case "DIR": return .folders
        case "[COMMAND]": return .words(CommandTable.all.map(\.name))
        case let text where text.contains("|"): return .words(text.split(separator: "|").map(String.init))
        default: return .none
        }
    }

    static func script(for shell: Shell) -> String {
        switch shell {
        case .bash: return bash()
        case .zsh: return zsh()
        case .fish: return fish()
        }
    }

    static func bash() -> String {
        var s = """
        # bash completion for search (made by `search completions bash`)
        _search() {
            local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
            if [ "$COMP_CWORD" -eq 1 ]; then
                COMPREPLY=($(compgen -W "\(CommandTable.all.map(\.name).joined(separator: " ")) --help --version" -- "$cur"))
                return
            fi
            case "${COMP_WORDS[1]}" in

        """
        for command in CommandTable.all {
            s += "        \(command.name))\n            case \"$prev\" in\n"
            for flag in command.flags where flag.value != nil {
                let reply = !flag.choices.isEmpty ? "COMPREPLY=($(compgen -W \"\(flag.choices.joined(separator: " "))\" -- \"$cur\"))"
                    : flag.takesPath ? "COMPREPLY=($(compgen -f -- \"$cur\"))" : "COMPREPLY=()"
                s += "                \(flag.name)) \(reply); return ;;\n"
            }
            s += "            esac\n"
            let flags = (command.flags.map(\.name) + ["--help"]).joined(separator: " ")
            s += "            COMPREPLY=($(compgen -W \"\(flags)\" -- \"$cur\"))\n"
            switch operand(of: command) {
            case .folders: s += "            [ \"${cur#-}\" = \"$cur\" ] && COMPREPLY+=($(compgen -d -- \"$cur\"))\n"
            case .words(let words): s += "            [ \"${cur#-}\" = \"$cur\" ] && COMPREPLY+=($(compgen -W \"\(words.joined(separator: " "))\" -- \"$cur\"))\n"
            case .none: break
            }
            s += "            ;;\n"
        }
        s += "    esac\n}\ncomplete -F _search search"
        return s
    }

    static func zsh() -> String {
        /// Text inside a single-quoted zsh word, with `_arguments`' special characters escaped.
        func quoted(_ text: String) -> String {
            text.replacingAll("'", with: "'\\''").replacingAll(":", with: "\\:").replacingAll("[", with: "\\[")
                .replacingAll("]", with: "\\]")
        }
        var s = "#compdef search\n# zsh completion for search (made by `search completions zsh`)\n_search() {\n"
        s += "    local -a commands\n    commands=(\n"
        for command in CommandTable.all { s += "        '\(command.name):\(quoted(command.summary))'\n" }
        s += "    )\n    if (( CURRENT == 2 )); then\n        _describe 'command' commands\n        return\n    fi\n"
        s += "    local command=$words[2]\n    shift words\n    (( CURRENT-- ))\n    case $command in\n"
        for command in CommandTable.all {
            var specs = (command.flags + [Flag("--help", "this help")]).map { flag -> String in
                let head = "'\(flag.name)[\(quoted(flag.help))]"
                guard let value = flag.value else { return head + "'" }
                let action = !flag.choices.isEmpty ? "(\(flag.choices.joined(separator: " ")))" : flag.takesPath ? "_files" : " "
                return head + ":\(quoted(value)):\(action)'"
            }
            switch operand(of: command) {
            case .folders: specs.append("'*:\(quoted(command.operands)):_files -/'")
            case .words(let words): specs.append("'*:\(quoted(command.operands)):(\(words.joined(separator: " ")))'")
            case .none: if !command.operands.isEmpty { specs.append("'*:\(quoted(command.operands)): '") }
            }
            s += "        \(command.name)) _arguments \\\n            " + specs.joined(separator: " \\\n            ") + " ;;\n"
        }
        s += "    esac\n}\n_search \"$@\""
        return s
    }

    static func fish() -> String {
        func quoted(_ text: String) -> String { "'" + text.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'") + "'" }
        var lines = ["# fish completion for search (made by `search completions fish`)", "complete -c search -f",
                     "complete -c search -n __fish_use_subcommand -l help -d 'show help'",
                     "complete -c search -n __fish_use_subcommand -l version -d 'print the version'"]
        for command in CommandTable.all {
            lines.append("complete -c search -n __fish_use_subcommand -a \(command.name) -d \(quoted(command.summary))")
        }
        for command in CommandTable.all {
            let when = "-n " + quoted("__fish_seen_subcommand_from \(command.name)")
            for flag in command.flags + [Flag("--help", "this help")] {
                let name = String(flag.name.dropFirst(2))
                var line = "complete -c search \(when) -l \(name)"
                if flag.value != nil {
                    line += !flag.choices.isEmpty ? " -x -a \(quoted(flag.choices.joined(separator: " ")))" : flag.takesPath ? " -r -F" : " -x"
                }
                lines.append(line + " -d \(quoted(flag.help))")
            }
            switch operand(of: command) {
            case .folders: lines.append("complete -c search \(when) -a '(__fish_complete_directories)'")
            case .words(let words): lines.append("complete -c search \(when) -a \(quoted(words.joined(separator: " ")))")
            case .none: break
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The string with every `target` replaced by `replacement`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        components(separatedBy: target).joined(separator: replacement)
    }
}
