#include "CommandContext.h"

#include <cstdio>

CommandContext::CommandContext(FILE *results)
    : m_environment(QProcessEnvironment::systemEnvironment())
    , m_out(results)
    , m_err(stderr)
{}

Result<const SsoConfig *> CommandContext::config()
{
    if (!m_config) {
        const Result<AwsConfigFile> file = AwsConfigFile::load(AwsConfigFile::defaultPath());
        if (!file) {
            return file.error();
        }
        m_config = std::make_unique<SsoConfig>(SsoConfig::fromFile(file.value()));
    }
    return static_cast<const SsoConfig *>(m_config.get());
}

int CommandContext::fail(const SsoError &error)
{
    m_out.flush();
    m_err << "aws-sso-tray: " << error.message() << Qt::endl;
    return error.exitCode();
}

int CommandContext::usageError(const QString &message)
{
    return fail(SsoError(SsoError::Kind::Usage, message + QStringLiteral(" See 'aws-sso-tray --help'.")));
}
