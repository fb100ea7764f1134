#include "SimCommand.h"

#include "SimulatorConfig.h"
#include "SsoSimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

SimCommand::SimCommand(CommandContext &context)
    : m_context(context)
{}

int SimCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("listen"),
                      QStringLiteral("Loopback address and port to listen on (port 0 picks a free one)."),
                      QStringLiteral("ADDRESS:PORT"), QStringLiteral("127.0.0.1:0")});
    parser.addOption({QStringLiteral("config"),
                      QStringLiteral("Simulator configuration (JSON): users, accounts, "
                                     "lifetimes, faults."),
                      QStringLiteral("FILE")});
    if (!parser.parse(arguments)) {
        return m_context.usageError(parser.errorText() + QLatin1Char('.'));
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_context.out() << parser.helpText();
        return 0;
    }
    const QString listen = parser.value(QStringLiteral("listen"));
    const int colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = listen.mid(colon + 1).toUInt(&portOk);
    QString host = listen.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']'))) {
        host = host.mid(1, host.size() - 2);
    }
    const QHostAddress address(host);
    if (colon <= 0 || !portOk || port > 65535 || address.isNull()) {
        return m_context.usageError(
            QStringLiteral("--listen wants ADDRESS:PORT, e.g. 127.0.0.1:8080, not \"%1\".").arg(listen));
    }
    SimulatorConfig simConfig;
    if (parser.isSet(QStringLiteral("config"))) {
        Result<SimulatorConfig> loaded = SimulatorConfig::load(parser.value(QStringLiteral("config")));
        if (!loaded) {
            return m_context.fail(loaded.error());
        }
        simConfig = std::move(loaded).value();
    }
    SsoSimulator simulator(simConfig);
    const Result<quint16> bound = simulator.listen(address, static_cast<quint16>(port));
    if (!bound) {
        return m_context.fail(bound.error());
    }
    const QString base = simulator.baseUrl().toString();
    m_context.out() << "export AWS_ENDPOINT_URL_SSO_OIDC=" << base << '\n'
                    << "export AWS_ENDPOINT_URL_SSO=" << base << Qt::endl;
    m_context.err() << "IAM Identity Center simulator listening on " << base << "; stop it with Ctrl+C."
                    << Qt::endl;
    return QCoreApplication::exec();
}
