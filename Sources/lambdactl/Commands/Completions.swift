import ArgumentParser

/// `lambdactl completions bash|zsh|fish`: prints the shell's completion script, the same text as
/// ArgumentParser's `--generate-completion-script SHELL` (which keeps working).
struct Completions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the completion script for bash, zsh or fish.",
        discussion: """
            Save it where your shell looks for completions, e.g.
              bash: lambdactl completions bash > ~/.local/share/bash-completion/completions/lambdactl
              zsh:  lambdactl completions zsh > ~/.zfunc/_lambdactl   (fpath=(~/.zfunc $fpath) before compinit)
              fish: lambdactl completions fish > ~/.config/fish/completions/lambdactl.fish
            """)

    /// The shells ArgumentParser writes completion scripts for.
    enum Shell: String, ExpressibleByArgument, CaseIterable {
        case bash, zsh, fish

        /// ArgumentParser's name for the shell.
        var completionShell: CompletionShell {
            switch self {
            case .bash: .bash
            case .zsh: .zsh
            case .fish: .fish
            }
        }
    }

    @Argument(help: "The shell: bash, zsh or fish.")
    var shell: Shell

    func run() {
        print(LambdaCtl.completionScript(for: shell.completionShell))
    }
}
