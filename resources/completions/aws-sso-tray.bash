# bash completion for aws-sso-tray                                  -*- shell-script -*-
# Commands, their options, and profile / sso-session names read from the AWS config
# (aws-sso-tray status --names ..., so AWS_CONFIG_FILE is honoured).

_aws_sso_tray_names()
{
    local kind=$1 app=${COMP_WORDS[0]}
    command -v "$app" >/dev/null 2>&1 || app=aws-sso-tray
    "$app" status --names "$kind" 2>/dev/null
}

# COMPREPLY from newline-separated candidates that start with the current word.
_aws_sso_tray_reply()
{
    local IFS=$'\n'
    mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
}

_aws_sso_tray()
{
    local cur prev
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}

    local commands="status login credentials console profiles export-credentials logout secret sim help"
    local command="" word i
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word != -* ]]; then
            command=$word
            break
        fi
    done

    case $prev in
        --profile)
            _aws_sso_tray_reply "$(_aws_sso_tray_names profiles)"
            return
            ;;
        --sso-session)
            _aws_sso_tray_reply "$(_aws_sso_tray_names sessions)"
            return
            ;;
        --config | --netrc)
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return
            ;;
        --timeout | --duration | --listen | --destination | --region | --name-template | --username | \
            --start-url | --machine)
            return
            ;;
    esac

    local options
    case $command in
        "") options="--help --version"
            if [[ $cur != -* ]]; then
                _aws_sso_tray_reply "${commands// /$'\n'}"
                return
            fi
            ;;
        status) options="--json --help" ;;
        login) options="--profile --sso-session --device-code --show-browser --no-browser --force --timeout --stdin --help" ;;
        credentials) options="--profile --login --help" ;;
        console) options="--profile --print --destination --duration --help" ;;
        profiles)
            options="--sso-session --name-template --region --prune --dry-run --help"
            if [[ $cur != -* && " ${COMP_WORDS[*]:2:COMP_CWORD-2} " != *" generate "* ]]; then
                _aws_sso_tray_reply "generate"
                return
            fi
            ;;
        export-credentials) options="--profile --help" ;;
        logout) options="--sso-session --profile --all --help" ;;
        secret)
            options="--sso-session --profile --start-url --username --machine --netrc --timeout --help"
            local subcommands="set set-totp delete import-netrc show" has_sub=""
            for ((i = 2; i < COMP_CWORD; i++)); do
                [[ " $subcommands " == *" ${COMP_WORDS[i]} "* ]] && has_sub=1
            done
            if [[ $cur != -* && -z $has_sub ]]; then
                _aws_sso_tray_reply "${subcommands// /$'\n'}"
                return
            fi
            ;;
        sim) options="--listen --config --help" ;;
        *) return ;;
    esac
    _aws_sso_tray_reply "${options// /$'\n'}"
}

complete -F _aws_sso_tray aws-sso-tray
