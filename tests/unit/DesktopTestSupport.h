#pragma once

// Small helpers shared by the tests of src/desktop.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>
#include <initializer_list>

namespace DesktopTestSupport {

// A QStringList from UTF-8 literals (the build forbids implicit casts from char *).
inline QStringList words(std::initializer_list<const char *> utf8)
{
    QStringList list;
    for (const char *word : utf8) {
        list << QString::fromUtf8(word);
    }
    return list;
}

inline bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace DesktopTestSupport
