#include "WindowsRunKeyAutostart.h"

#include <QDir>
#include <utility>

const QString WindowsRunKeyAutostart::ValueName = QStringLiteral("AwsSsoTray");
const QString WindowsRunKeyAutostart::RunKeyPath =
    QStringLiteral(R"(HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run)");

namespace {

// One argument as the C runtime parses it: quoted when it has blanks or is empty, backslashes doubled only
// where they precede a quote, quotes escaped.
QString quotedArgument(const QString &argument)
{
    const bool needsQuotes =
        argument.isEmpty() || argument.contains(QLatin1Char(' ')) || argument.contains(QLatin1Char('\t'));
    QString quoted;
    qsizetype pendingBackslashes = 0;
    for (const QChar c : argument) {
        if (c == QLatin1Char('\\')) {
            ++pendingBackslashes;
            continue;
        }
        if (c == QLatin1Char('"')) {
            quoted += QString(pendingBackslashes * 2 + 1, QLatin1Char('\\'));
        } else {
            quoted += QString(pendingBackslashes, QLatin1Char('\\'));
        }
        pendingBackslashes = 0;
        quoted += c;
    }
    if (needsQuotes) {
        // Doubled, so the closing quote stays a quote.
        return QLatin1Char('"') + quoted + QString(pendingBackslashes * 2, QLatin1Char('\\')) +
               QLatin1Char('"');
    }
    return quoted + QString(pendingBackslashes, QLatin1Char('\\'));
}

} // namespace

WindowsRunKeyAutostart::WindowsRunKeyAutostart(std::unique_ptr<QSettings> runKey, QString program,
                                               QStringList arguments)
    : m_runKey(std::move(runKey))
    , m_program(std::move(program))
    , m_arguments(std::move(arguments))
{}

QString WindowsRunKeyAutostart::commandLine(const QString &program, const QStringList &arguments)
{
    // The program is always quoted (a path with blanks would otherwise run another program), and file
    // names cannot contain quotes, so it needs no escapes.
    QStringList words{QLatin1Char('"') + QDir::toNativeSeparators(program) + QLatin1Char('"')};
    for (const QString &argument : arguments) {
        words << quotedArgument(argument);
    }
    return words.join(QLatin1Char(' '));
}

QString WindowsRunKeyAutostart::location() const
{
    return m_runKey->fileName() + QLatin1Char('\\') + ValueName;
}

bool WindowsRunKeyAutostart::isEnabled() const
{
    return m_runKey->contains(ValueName);
}

Status WindowsRunKeyAutostart::setEnabled(bool enabled)
{
    if (enabled && m_program.contains(QLatin1Char('"'))) {
        return cannotEnable(
            QStringLiteral("The program path %1 contains a quote, which Windows paths cannot.")
                .arg(QDir::toNativeSeparators(m_program)),
            QStringLiteral("Start aws-sso-tray by its real path."));
    }
    const QVariant before = m_runKey->value(ValueName);
    if (enabled) {
        m_runKey->setValue(ValueName, commandLine(m_program, m_arguments));
    } else {
        m_runKey->remove(ValueName);
    }
    m_runKey->sync();
    if (m_runKey->status() == QSettings::NoError) {
        return Done{};
    }
    const QString reason = m_runKey->status() == QSettings::AccessError ? QStringLiteral("access denied")
                                                                        : QStringLiteral("unreadable");
    const QString whatFailed =
        QStringLiteral("Could not write %1 (%2).").arg(QDir::toNativeSeparators(location()), reason);
    // What was not stored must not look stored.
    if (before.isValid()) {
        m_runKey->setValue(ValueName, before);
    } else {
        m_runKey->remove(ValueName);
    }
    return enabled ? cannotEnable(whatFailed) : cannotDisable(whatFailed);
}
