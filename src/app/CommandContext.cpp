#include "CommandContext.h"

#include <QJsonDocument>
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
    event(QStringLiteral("failed"),
          {{QStringLiteral("message"), error.message()}, {QStringLiteral("exitCode"), error.exitCode()}});
    return error.exitCode();
}

int CommandContext::usageError(const QString &message)
{
    return fail(SsoError(SsoError::Kind::Usage, message + QStringLiteral(" See 'aws-sso-tray --help'.")));
}

void CommandContext::progress(const QString &step)
{
    m_err << step << "..." << Qt::endl;
    event(QStringLiteral("progress"), {{QStringLiteral("text"), step}});
}

void CommandContext::event(const QString &kind, const QJsonObject &fields)
{
    if (!m_eventsEnabled) {
        return;
    }
    QJsonObject line = fields;
    line.insert(QStringLiteral("event"), kind);
    m_out << QJsonDocument(line).toJson(QJsonDocument::Compact) << Qt::endl;
}
