#pragma once

#include "Result.h"

#include <QList>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// ~/.aws/config (or AWS_CONFIG_FILE) read the way botocore's configloader reads it:
// [default], [profile X], [sso-session X], [services X], '#'/';' comment lines,
// and nested sub-sections (a key with an empty value followed by indented key = value lines).
class AwsConfigFile
{
public:
    struct Value
    {
        QString text;                  // the value for "key = value"; empty for a nested block
        QMap<QString, QString> nested; // the indented "sub = value" lines of a nested block
        int line = 0;                  // 1-based line of the key, for error messages

        bool isNested() const { return !nested.isEmpty(); }
    };

    struct Section
    {
        QString kind; // "profile" (also for [default]), "sso-session", "services", or "" for others
        QString name; // profile/session/services name; the raw header text for other sections
        // Keys lowercased, as configparser does; includes the keys inherited from [DEFAULT].
        QMap<QString, Value> values;
        int line = 0;   // 1-based line of the header
        QString header; // the text between the brackets, e.g. "profile dev" or "default"
        // The keys in botocore's order: the section's own, then those inherited from [DEFAULT].
        QStringList keyOrder;

        bool contains(const QString &key) const { return values.contains(key); }
        // The value of "key = value", or an empty string when the key is absent or holds a nested block.
        QString text(const QString &key) const { return values.value(key).text; }
    };

    // Reads and parses a file. A missing file is an empty config, not an error.
    static Result<AwsConfigFile> load(const QString &path);
    // The raw text of a file (config or credentials) for an in-place edit, once it has parsed: a missing
    // file is empty text; an unreadable or broken one is the error that says what to fix.
    static Result<QByteArray> readParsableText(const QString &path);
    // Parses text; errors name the source and line, in one sentence that says what to fix.
    static Result<AwsConfigFile> parse(const QByteArray &text, const QString &sourceName);

    // The path botocore would read: $AWS_CONFIG_FILE (with $VARS and ~ expanded) or ~/.aws/config.
    static QString defaultPath();
    static QString defaultPath(const QProcessEnvironment &environment);
    // The shared credentials file botocore would read: $AWS_SHARED_CREDENTIALS_FILE (expanded the same
    // way) or ~/.aws/credentials.
    static QString credentialsPath(const QProcessEnvironment &environment);

    const QList<Section> &sections() const { return m_sections; }
    QStringList profileNames() const;
    // nullptr when absent. Profile "default" is [default] or [profile default].
    const Section *profile(const QString &name) const;
    const Section *ssoSession(const QString &name) const;
    const Section *services(const QString &name) const;
    // How messages name the file: the path with the home directory shortened to "~".
    const QString &sourceName() const { return m_sourceName; }
    // The file load() read; empty for parse().
    const QString &path() const { return m_path; }

private:
    const Section *find(const QString &kind, const QString &name) const;

    // One per (kind, name): a later section replaces an earlier one in its place, as in botocore.
    QList<Section> m_sections;
    QString m_sourceName;
    QString m_path;
};
