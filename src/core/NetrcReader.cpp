#include "NetrcReader.h"

#include <QDir>
#include <QFile>
#include <optional>
#include <utility>

namespace {

struct Token
{
    QString text;
    int line = 0;
    bool quoted = false;
    bool endedLine = false; // the blank that ended it was a newline
};

// Splits .netrc text into words the way Python's netrc._netrclex and inetutils do.
class Lexer
{
public:
    explicit Lexer(QString text)
        : m_text(std::move(text))
    {}

    int line() const { return m_line; }
    const QString &problem() const { return m_problem; }

    // The next word, or nullopt at the end or on a problem (then problem() says which).
    std::optional<Token> next()
    {
        if (m_pushedBack) {
            return std::exchange(m_pushedBack, std::nullopt);
        }
        while (m_position < m_text.size() && isBlank(m_text.at(m_position))) {
            read();
        }
        if (m_position >= m_text.size()) {
            return std::nullopt;
        }
        Token token;
        token.line = m_line;
        if (m_text.at(m_position) == QLatin1Char('"')) {
            read();
            token.quoted = true;
            while (true) {
                if (m_position >= m_text.size()) {
                    m_problem =
                        QStringLiteral("line %1: a quoted value is never closed with '\"'").arg(token.line);
                    return std::nullopt;
                }
                QChar character = read();
                if (character == QLatin1Char('"')) {
                    return token;
                }
                if (character == QLatin1Char('\\') && m_position < m_text.size()) {
                    character = read();
                }
                token.text.append(character);
            }
        }
        while (m_position < m_text.size()) {
            QChar character = read();
            if (isBlank(character)) {
                token.endedLine = character == QLatin1Char('\n');
                return token;
            }
            if (character == QLatin1Char('\\')) {
                if (m_position >= m_text.size()) {
                    break;
                }
                character = read();
            }
            token.text.append(character);
        }
        return token;
    }

    void pushBack(Token token) { m_pushedBack = std::move(token); }

    // Consumes the rest of the current line with its newline; false at the end of the text.
    bool skipLine(QString *content = nullptr)
    {
        if (m_position >= m_text.size()) {
            return false;
        }
        QString skipped;
        while (m_position < m_text.size()) {
            const QChar character = read();
            if (character == QLatin1Char('\n')) {
                break;
            }
            skipped.append(character);
        }
        if (content) {
            *content = skipped;
        }
        return true;
    }

private:
    static bool isBlank(QChar character)
    {
        return character == QLatin1Char(' ') || character == QLatin1Char('\t') ||
               character == QLatin1Char('\n') || character == QLatin1Char('\r');
    }

    QChar read()
    {
        const QChar character = m_text.at(m_position++);
        if (character == QLatin1Char('\n')) {
            ++m_line;
        }
        return character;
    }

    QString m_text;
    int m_position = 0;
    int m_line = 1;
    std::optional<Token> m_pushedBack;
    QString m_problem;
};

bool isComment(const Token &token)
{
    return !token.quoted && token.text.startsWith(QLatin1Char('#'));
}

bool isEntryStart(const Token &token)
{
    return token.text == QLatin1String("machine") || token.text == QLatin1String("default") ||
           token.text == QLatin1String("macdef");
}

} // namespace

NetrcFile::NetrcFile(QList<NetrcEntry> entries)
    : m_entries(std::move(entries))
{}

const NetrcEntry *NetrcFile::machine(const QString &name) const
{
    for (const NetrcEntry &entry : m_entries) {
        if (!entry.isDefault && entry.machine == name) {
            return &entry;
        }
    }
    return nullptr;
}

const NetrcEntry *NetrcFile::lookup(const QString &host) const
{
    if (const NetrcEntry *named = machine(host)) {
        return named;
    }
    for (const NetrcEntry &entry : m_entries) {
        if (entry.isDefault) {
            return &entry;
        }
    }
    return nullptr;
}

QString NetrcReader::defaultPath(const QProcessEnvironment &environment)
{
    const QString configured = environment.value(QStringLiteral("NETRC"));
    if (!configured.isEmpty()) {
        return configured;
    }
    const QString home = environment.value(QStringLiteral("HOME"), QDir::homePath());
    return QDir(home).filePath(QStringLiteral(".netrc"));
}

Result<NetrcFile> NetrcReader::readFile(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        return SsoError(SsoError::Kind::Config, QStringLiteral("There is no netrc file at %1.").arg(path));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return SsoError(SsoError::Kind::Config,
                        QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString()));
    }
    return parse(file.readAll(), path);
}

Result<NetrcFile> NetrcReader::parse(const QByteArray &content, const QString &sourceName)
{
    const auto malformed = [&sourceName](const QString &problem) {
        return SsoError(SsoError::Kind::Config, QStringLiteral("%1, %2.").arg(sourceName, problem));
    };
    Lexer lexer(QString::fromUtf8(content));
    QList<NetrcEntry> entries;
    while (true) {
        std::optional<Token> keyword = lexer.next();
        if (!keyword) {
            break;
        }
        if (isComment(*keyword)) {
            if (!keyword->endedLine) {
                lexer.skipLine();
            }
            continue;
        }
        NetrcEntry entry;
        entry.line = keyword->line;
        if (keyword->text == QLatin1String("machine")) {
            const std::optional<Token> name = lexer.next();
            if (!name || name->text.isEmpty()) {
                return malformed(
                    lexer.problem().isEmpty()
                        ? QStringLiteral("line %1: \"machine\" is not followed by a name").arg(entry.line)
                        : lexer.problem());
            }
            entry.machine = name->text;
        } else if (keyword->text == QLatin1String("default")) {
            entry.isDefault = true;
        } else if (keyword->text == QLatin1String("macdef")) {
            // A macro (ftp commands) runs from the next line to the first empty line; nothing here uses it.
            const std::optional<Token> name = lexer.next();
            if (!name || name->text.isEmpty()) {
                return malformed(
                    lexer.problem().isEmpty()
                        ? QStringLiteral("line %1: \"macdef\" is not followed by a name").arg(entry.line)
                        : lexer.problem());
            }
            if (!name->endedLine) {
                lexer.skipLine();
            }
            QString bodyLine;
            while (true) {
                if (!lexer.skipLine(&bodyLine)) {
                    return malformed(
                        QStringLiteral("line %1: the macdef that starts here is not ended by an empty "
                                       "line")
                            .arg(entry.line));
                }
                if (bodyLine.isEmpty() || bodyLine == QLatin1String("\r")) {
                    break;
                }
            }
            continue;
        } else {
            return malformed(
                lexer.problem().isEmpty()
                    ? QStringLiteral("line %1: expected \"machine\", \"default\" or \"macdef\" but found "
                                     "another word")
                          .arg(keyword->line)
                    : lexer.problem());
        }

        const QString entryName = entry.isDefault ? QStringLiteral("the default entry")
                                                  : QStringLiteral("machine \"%1\"").arg(entry.machine);
        while (true) {
            std::optional<Token> field = lexer.next();
            if (!field) {
                if (!lexer.problem().isEmpty()) {
                    return malformed(lexer.problem());
                }
                break;
            }
            if (isComment(*field)) {
                if (!field->endedLine) {
                    lexer.skipLine();
                }
                continue;
            }
            if (isEntryStart(*field)) {
                lexer.pushBack(std::move(*field));
                break;
            }
            QString *target = nullptr;
            if (field->text == QLatin1String("login") || field->text == QLatin1String("user")) {
                target = &entry.login;
            } else if (field->text == QLatin1String("password")) {
                target = &entry.password;
            } else if (field->text == QLatin1String("account")) {
                target = &entry.account;
            } else {
                return malformed(
                    QStringLiteral("line %1: unexpected word in %2; expected login, password, account, "
                                   "machine, default or macdef (a value with blanks needs \"quotes\")")
                        .arg(field->line)
                        .arg(entryName));
            }
            const std::optional<Token> value = lexer.next();
            if (!value) {
                return malformed(lexer.problem().isEmpty()
                                     ? QStringLiteral("line %1: \"%2\" in %3 has no value")
                                           .arg(field->line)
                                           .arg(field->text, entryName)
                                     : lexer.problem());
            }
            *target = value->text;
        }
        entries.append(entry);
    }
    if (!lexer.problem().isEmpty()) {
        return malformed(lexer.problem());
    }
    return NetrcFile(std::move(entries));
}
