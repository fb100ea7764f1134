#pragma once

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>

// One "machine NAME ..." or "default ..." entry of a .netrc file.
struct NetrcEntry
{
    QString machine; // empty for the default entry
    bool isDefault = false;
    QString login;
    QString account;
    QString password;
    int line = 0; // where the entry starts, for messages
};

// The entries of a .netrc file in file order. Macro definitions are read past and dropped.
class NetrcFile
{
public:
    explicit NetrcFile(QList<NetrcEntry> entries = {});

    const QList<NetrcEntry> &entries() const { return m_entries; }
    // The first "machine NAME" entry, as ftp and curl pick it; nullptr if there is none.
    const NetrcEntry *machine(const QString &name) const;
    // machine(host), else the default entry, else nullptr: what a client logging in to host would use.
    const NetrcEntry *lookup(const QString &host) const;

private:
    QList<NetrcEntry> m_entries;
};

// Reads .netrc files with the token rules of GNU inetutils and Python's netrc module: tokens are separated
// by blanks and newlines in any layout, a value may be "double quoted" to hold blanks, and a backslash
// takes the next character literally (inside and outside quotes). A word starting with '#' where a keyword
// is expected begins a comment that runs to the end of its line.
class NetrcReader
{
public:
    // $NETRC if set (as curl and Go honour it), else ~/.netrc.
    static QString
    defaultPath(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    // A missing or unreadable file and a malformed one are SsoError(Kind::Config) naming the file and,
    // for syntax, the line. Messages never quote a value, since any word may be someone's password.
    static Result<NetrcFile> readFile(const QString &path);
    static Result<NetrcFile> parse(const QByteArray &content, const QString &sourceName);
};
