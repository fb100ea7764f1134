# fish completion for aws-sso-tray: commands, options, and profile / sso-session names read from the
# AWS config (aws-sso-tray status --names ..., so AWS_CONFIG_FILE is honoured).

set -l commands status login credentials console profiles export-credentials logout secret sim

function __aws_sso_tray_names
    set -l app (commandline -opc)[1]
    command $app status --names $argv[1] 2>/dev/null
end

complete -c aws-sso-tray -f
complete -c aws-sso-tray -n "not __fish_seen_subcommand_from $commands" -l help -d 'Show help'
complete -c aws-sso-tray -n "not __fish_seen_subcommand_from $commands" -l version -d 'Show the version'
complete -c aws-sso-tray -n "not __fish_seen_subcommand_from $commands" -a status -d 'Sessions and profiles, token state'
complete -c aws-sso-tray -n "not __fish_seen_subcommand_from $commands" -a login -d 'Sign a session in'
complete -c aws-sso-tray -n "not __fish_seen_subcommand_from $commands" -a credentials -d 'credential_process JSON'
complete -c aws-sso-tray -n "not __fish_seen_subcommand_from $commands" -a console -d 'Open the AWS console'
complete -c aws-sso-tray -n "not __fish_seen_subcommand_from $commands" -a profiles -d 'Generate profiles'
complete -c aws-sso-tray -n "not __fish_seen_subcommand_from $commands" -a export-credentials -d 'Write the credentials file'
complete -c aws-sso-tray -n "not __fish_seen_subcommand_from $commands" -a logout -d 'End sessions'
complete -c aws-sso-tray -n "not __fish_seen_subcommand_from $commands" -a secret -d 'Sign-in secrets in the keychain'
complete -c aws-sso-tray -n "not __fish_seen_subcommand_from $commands" -a sim -d 'Run the simulator'

complete -c aws-sso-tray -n "__fish_seen_subcommand_from $commands" -l help -d 'Show help'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from login credentials console export-credentials logout secret" \
    -l profile -x -a '(__aws_sso_tray_names profiles)' -d 'AWS profile'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from login profiles logout secret" \
    -l sso-session -x -a '(__aws_sso_tray_names sessions)' -d 'sso-session'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from status" -l json -d 'Machine-readable JSON'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from login" -l device-code -d 'Device code flow'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from login" -l show-browser -d 'Show the sign-in window'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from login" -l no-browser -d 'Print the approval URL'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from login" -l force -d 'Sign in even while valid'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from login secret" -l timeout -x -d 'Seconds'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from login" -l stdin -d 'Complete aws sso login --no-browser'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from credentials" -l login -d 'Sign in when needed'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from console" -l print -d 'Print the sign-in URL'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from console" -l destination -x -d 'Console page URL'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from console" -l duration -x -d 'Session seconds'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from profiles; and not __fish_seen_subcommand_from generate" -a generate -d 'A profile per account and role'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from profiles" -l name-template -x -d 'Profile names'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from profiles" -l region -x -d 'Region of new profiles'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from profiles" -l prune -d 'Remove generated profiles of gone roles'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from profiles" -l dry-run -d 'Print the change only'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from logout" -l all -d 'Every session'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from secret; and not __fish_seen_subcommand_from set set-totp delete import-netrc show" -a 'set set-totp delete import-netrc show'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from secret" -l start-url -x -d 'Start URL'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from secret" -l username -x -d 'User name'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from secret" -l machine -x -d 'netrc machine'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from secret" -l netrc -r -F -d 'netrc file'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from sim" -l listen -x -d '127.0.0.1:PORT'
complete -c aws-sso-tray -n "__fish_seen_subcommand_from sim" -l config -r -F -d 'Simulator JSON'
