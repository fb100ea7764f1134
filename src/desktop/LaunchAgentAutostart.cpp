#include "LaunchAgentAutostart.h"

#include <QDir>
#include <QFile>
#include <QXmlStreamWriter>
#include <utility>

const QString LaunchAgentAutostart::Label = QStringLiteral(AWS_SSO_TRAY_APP_ID);

namespace {

// XML 1.0 cannot carry most control characters, not even escaped: a property list cannot hold them.
bool representableInXml(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 && c != QLatin1Char('\t') && c != QLatin1Char('\n') &&
            c != QLatin1Char('\r')) {
            return false;
        }
    }
    return true;
}

// A <string>; a carriage return goes as a character reference, or an XML parser would read it as a newline.
void writeString(QXmlStreamWriter &xml, const QString &value)
{
    xml.writeStartElement(QStringLiteral("string"));
    const QStringList lines = value.split(QLatin1Char('\r'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0) {
            xml.writeEntityReference(QStringLiteral("#13"));
        }
        xml.writeCharacters(lines.at(i));
    }
    xml.writeEndElement();
}

} // namespace

LaunchAgentAutostart::LaunchAgentAutostart(QString launchAgentsDirectory, QString program,
                                           QStringList arguments)
    : m_directory(std::move(launchAgentsDirectory))
    , m_program(std::move(program))
    , m_arguments(std::move(arguments))
{}

QString LaunchAgentAutostart::defaultDirectory()
{
    return QDir::homePath() + QStringLiteral("/Library/LaunchAgents");
}

QString LaunchAgentAutostart::location() const
{
    return m_directory + QLatin1Char('/') + Label + QStringLiteral(".plist");
}

QByteArray LaunchAgentAutostart::propertyList() const
{
    QByteArray plist;
    QXmlStreamWriter xml(&plist);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDTD(QStringLiteral("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                                "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">"));
    xml.writeStartElement(QStringLiteral("plist"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.0"));
    xml.writeStartElement(QStringLiteral("dict"));
    const auto stringEntry = [&xml](const QString &key, const QString &value) {
        xml.writeTextElement(QStringLiteral("key"), key);
        writeString(xml, value);
    };
    stringEntry(QStringLiteral("Label"), Label);
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("ProgramArguments"));
    xml.writeStartElement(QStringLiteral("array"));
    writeString(xml, m_program);
    for (const QString &argument : m_arguments) {
        writeString(xml, argument);
    }
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("RunAtLoad"));
    xml.writeEmptyElement(QStringLiteral("true"));
    // A user-facing app: not throttled like a background daemon, and only in the graphical session.
    stringEntry(QStringLiteral("ProcessType"), QStringLiteral("Interactive"));
    stringEntry(QStringLiteral("LimitLoadToSessionType"), QStringLiteral("Aqua"));
    xml.writeEndElement(); // dict
    xml.writeEndElement(); // plist
    xml.writeEndDocument();
    return plist;
}

bool LaunchAgentAutostart::isEnabled() const
{
    return QFile::exists(location());
}

Status LaunchAgentAutostart::setEnabled(bool enabled)
{
    if (!enabled) {
        return removeEntryFile(location());
    }
    for (const QString &word : QStringList{m_program} + m_arguments) {
        if (!representableInXml(word)) {
            return cannotEnable(QStringLiteral("The command line of %1 contains control characters a launch "
                                               "agent cannot hold.")
                                    .arg(QDir::toNativeSeparators(m_program)),
                                QStringLiteral("Start aws-sso-tray from a path without them."));
        }
    }
    return writeEntryFile(m_directory, location(), propertyList());
}
