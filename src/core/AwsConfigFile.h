#pragma once

#include "Result.h"

#include <QList>
#include <QMap>
#include <QString>

// ~/.aws/config (or AWS_CONFIG_FILE) read the way botocore's configloader reads it:
// [default], [profile X], [sso-session X], [services X], '#'/';' comment lines,
// and nested sub-sections (a key with an empty value followed by indented key = value lines).
class AwsConfigFile
{
public:
    struct Value
    {
        QString text;                   // the value for "key = value"; empty for a nested block
        QMap<QString, QString> nested;  // the indented "sub = value" lines of a nested block
        int line = 0;                   // 1-based line of the key, for error messages
    };

    struct Section
    {
        QString kind;   // "profile" (also for [default]), "sso-session", "services", or "" for others
        QString name;   // profile/session/services name; the raw header text for other sections
        QMap<QString, Value> values;
        int line = 0;   // 1-based line of the header
    };

    // Reads and parses a file. A missing file is an empty config, not an error.
    static Result<AwsConfigFile> load(const QString &path);
    // Parses text; errors name the source and line, in one sentence that says what to fix.
    static Result<AwsConfigFile> parse(const QByteArray &text, const QString &sourceName);

    // The path botocore would read: $AWS_CONFIG_FILE (with ~ expanded) or ~/.aws/config.
    static QString defaultPath();

    const QList<Section> &sections() const { return m_sections; }
    QStringList profileNames() const;
    // nullptr when absent. Profile "default" is [default] or [profile default].
    const Section *profile(const QString &name) const;
    const Section *ssoSession(const QString &name) const;
    const Section *services(const QString &name) const;
    const QString &sourceName() const { return m_sourceName; }

private:
    const Section *find(const QString &kind, const QString &name) const;

    QList<Section> m_sections;
    QString m_sourceName;
};
