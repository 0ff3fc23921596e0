/**
 * The completion scripts. Each one only asks `pyroad __complete -- WORDS...` what to offer, so the
 * commands, options and ids always come from the program and the roadmap in use, never from a
 * list written here. The answer is one word per line, or `:file` / `:dir` for the shell's own
 * path completion.
 */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const BASH = `# pyroad completion for bash: add to ~/.bashrc
#   source <(pyroad completion bash)
_pyroad_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" out
  out=$(pyroad __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
  local IFS=$'\\n'
  case "$out" in
    :file) COMPREPLY=($(compgen -f -- "$cur")) ;;
    :dir) COMPREPLY=($(compgen -d -- "$cur")) ;;
    *) COMPREPLY=($out) ;;
  esac
}
complete -o filenames -F _pyroad_complete pyroad
`;

const ZSH = `#compdef pyroad
# pyroad completion for zsh: add to ~/.zshrc, after compinit
#   source <(pyroad completion zsh)
_pyroad() {
  local -a out
  out=("\${(@f)$(pyroad __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  case "$out[1]" in
    :file) _files ;;
    :dir) _files -/ ;;
    '') return 1 ;;
    *) compadd -Q -- "\${out[@]}" ;;
  esac
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then
  _pyroad "$@"
else
  compdef _pyroad pyroad
fi
`;

const FISH = `# pyroad completion for fish: save as ~/.config/fish/completions/pyroad.fish
#   pyroad completion fish > ~/.config/fish/completions/pyroad.fish
function __pyroad_complete
    set -l words (commandline -opc) (commandline -ct)
    set -e words[1]
    set -l out (pyroad __complete -- $words 2>/dev/null)
    switch "$out[1]"
        case :file
            __fish_complete_path (commandline -ct)
        case :dir
            __fish_complete_directories (commandline -ct)
        case '*'
            printf '%s\\n' $out
    end
end
complete -c pyroad -f -a '(__pyroad_complete)'
`;

export const SCRIPTS: Record<Shell, string> = { bash: BASH, zsh: ZSH, fish: FISH };
