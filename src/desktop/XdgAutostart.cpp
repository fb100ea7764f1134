#include "XdgAutostart.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <utility>

namespace {

// Characters that make the Desktop Entry Specification require an argument to be quoted.
const QString ReservedCharacters = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
// Inside double quotes these take a backslash.
const QString EscapedInQuotes = QStringLiteral("\"`$\\");

QString quotedArgument(const QString &argument)
{
    QString quoted;
    bool needsQuotes = argument.isEmpty();
    for (const QChar c : argument) {
        needsQuotes = needsQuotes || ReservedCharacters.contains(c);
    }
    for (const QChar c : argument) {
        if (needsQuotes && EscapedInQuotes.contains(c)) {
            quoted += QLatin1Char('\\');
        }
        quoted += c;
        if (c == QLatin1Char('%')) {
            quoted += QLatin1Char('%'); // %% is a literal %, anything else a field code
        }
    }
    return needsQuotes ? QLatin1Char('"') + quoted + QLatin1Char('"') : quoted;
}

// The escapes of a string value, applied to the whole line after quoting.
QString escapedValue(const QString &value)
{
    QString escaped;
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '\\':
            escaped += QStringLiteral("\\\\");
            break;
        case '\n':
            escaped += QStringLiteral("\\n");
            break;
        case '\t':
            escaped += QStringLiteral("\\t");
            break;
        case '\r':
            escaped += QStringLiteral("\\r");
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

// The value of `key` in the [Desktop Entry] group of a desktop entry file; empty when absent.
QString desktopEntryValue(const QByteArray &file, const QString &key)
{
    bool inMainGroup = false;
    QString value;
    for (const QByteArray &rawLine : file.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.startsWith(QLatin1Char('['))) {
            inMainGroup = line == QStringLiteral("[Desktop Entry]");
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (inMainGroup && equals > 0 && line.left(equals).trimmed() == key) {
            value = line.mid(equals + 1).trimmed();
        }
    }
    return value;
}

} // namespace

XdgAutostart::XdgAutostart(QString autostartDirectory, QString program, QStringList arguments,
                           QStringList systemDirectories)
    : m_directory(std::move(autostartDirectory))
    , m_systemDirectories(std::move(systemDirectories))
    , m_program(std::move(program))
    , m_arguments(std::move(arguments))
{}

QString XdgAutostart::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/autostart");
}

QStringList XdgAutostart::defaultSystemDirectories()
{
    QString configDirectories = qEnvironmentVariable("XDG_CONFIG_DIRS");
    if (configDirectories.isEmpty()) {
        configDirectories = QStringLiteral("/etc/xdg");
    }
    QStringList directories;
    for (const QString &directory : configDirectories.split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
        directories << directory + QStringLiteral("/autostart");
    }
    return directories;
}

QString XdgAutostart::systemEntry() const
{
    for (const QString &directory : m_systemDirectories) {
        const QString path = directory + QLatin1Char('/') + EntryName + QStringLiteral(".desktop");
        if (QFile::exists(path)) {
            return path;
        }
    }
    return {};
}

QString XdgAutostart::execValue(const QString &program, const QStringList &arguments)
{
    QStringList words{quotedArgument(program)};
    for (const QString &argument : arguments) {
        words << quotedArgument(argument);
    }
    return escapedValue(words.join(QLatin1Char(' ')));
}

QString XdgAutostart::location() const
{
    return m_directory + QLatin1Char('/') + EntryName + QStringLiteral(".desktop");
}

QByteArray XdgAutostart::desktopEntry(bool hidden) const
{
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=AWS SSO Tray\n"
                                         "Comment=Stay logged in to AWS IAM Identity Center\n"
                                         "Exec=%1\n"
                                         "Icon=%2\n"
                                         "Terminal=false\n"
                                         "X-GNOME-Autostart-enabled=%3\n")
                              .arg(execValue(m_program, m_arguments), EntryName,
                                   hidden ? QStringLiteral("false\nHidden=true") : QStringLiteral("true"));
    return entry.toUtf8();
}

bool XdgAutostart::isEnabled() const
{
    QFile file(QFile::exists(location()) ? location() : systemEntry());
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray content = file.readAll();
    return desktopEntryValue(content, QStringLiteral("Hidden")) != QStringLiteral("true") &&
           desktopEntryValue(content, QStringLiteral("X-GNOME-Autostart-enabled")) != QStringLiteral("false");
}

Status XdgAutostart::setEnabled(bool enabled)
{
    if (enabled) {
        return writeEntryFile(m_directory, location(), desktopEntry());
    }
    // Without our file the system's entry would start us again.
    return systemEntry().isEmpty() ? removeEntryFile(location())
                                   : writeEntryFile(m_directory, location(), desktopEntry(true), false);
}
