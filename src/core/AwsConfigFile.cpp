#include "AwsConfigFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>
#include <optional>

#ifdef Q_OS_UNIX
#include <pwd.h>
#endif

// The rules below follow Python's configparser.RawConfigParser with its defaults (what botocore uses):
// '=' and ':' separate keys from values, only whole-line '#'/';' comments (no inline comments), keys
// lowercased, duplicate sections or keys rejected, indented lines continue the previous value, and
// [DEFAULT] lends its keys to every section. botocore then parses values that start with an indented
// block as nested "sub = value" maps and maps section names to profiles with shlex.

namespace {

// Python's str.isspace(), which str.strip() and the regexes' \s use: Qt's notion plus the
// information separators U+001C..U+001F.
bool isPythonSpace(QChar character)
{
    const char16_t code = character.unicode();
    return character.isSpace() || (code >= 0x1c && code <= 0x1f);
}

QString pythonStrip(QStringView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isPythonSpace(text[begin])) {
        ++begin;
    }
    while (end > begin && isPythonSpace(text[end - 1])) {
        --end;
    }
    return text.mid(begin, end - begin).toString();
}

QString pythonRightStrip(const QString &text)
{
    qsizetype end = text.size();
    while (end > 0 && isPythonSpace(text[end - 1])) {
        --end;
    }
    return text.left(end);
}

// Splits like Python's str.splitlines(), which botocore's _parse_nested uses on a joined value.
QStringList pythonSplitLines(const QString &text)
{
    QStringList lines;
    QString current;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t code = text[i].unicode();
        const bool isBreak = code == u'\n' || code == u'\r' || code == 0x0b || code == 0x0c || code == 0x1c ||
                             code == 0x1d || code == 0x1e || code == 0x85 || code == 0x2028 || code == 0x2029;
        if (!isBreak) {
            current.append(text[i]);
            continue;
        }
        if (code == u'\r' && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n')) {
            ++i;
        }
        lines.append(current);
        current.clear();
    }
    if (!current.isEmpty()) {
        lines.append(current);
    }
    return lines;
}

// Python's shlex.split() in POSIX mode without comments; nullopt where shlex raises ValueError.
std::optional<QStringList> shlexSplit(const QString &text)
{
    QStringList words;
    QString word;
    bool inWord = false;
    const auto isShlexSpace = [](QChar c) {
        return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r') ||
               c == QLatin1Char('\n');
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (isShlexSpace(c)) {
            if (inWord) {
                words.append(word);
                word.clear();
                inWord = false;
            }
            continue;
        }
        inWord = true;
        if (c == QLatin1Char('\\')) {
            if (++i == text.size()) {
                return std::nullopt; // "No escaped character"
            }
            word.append(text[i]);
        } else if (c == QLatin1Char('\'')) {
            const qsizetype close = text.indexOf(QLatin1Char('\''), i + 1);
            if (close < 0) {
                return std::nullopt; // "No closing quotation"
            }
            word.append(QStringView(text).mid(i + 1, close - i - 1));
            i = close;
        } else if (c == QLatin1Char('"')) {
            // Inside double quotes a backslash escapes only '"' and '\'.
            for (++i;; ++i) {
                if (i == text.size()) {
                    return std::nullopt;
                }
                if (text[i] == QLatin1Char('"')) {
                    break;
                }
                if (text[i] == QLatin1Char('\\') && i + 1 < text.size() &&
                    (text[i + 1] == QLatin1Char('"') || text[i + 1] == QLatin1Char('\\'))) {
                    ++i;
                }
                word.append(text[i]);
            }
        } else {
            word.append(c);
        }
    }
    if (inWord) {
        words.append(word);
    }
    return words;
}

// Shows a line in a message without its value, which may be a secret (a misplaced
// aws_secret_access_key, say): the key and separator, the first word, or a header in full.
QString quoteLine(const QString &line)
{
    constexpr qsizetype MaxShown = 40;
    const QString stripped = pythonStrip(line);
    QString shown = stripped;
    if (!stripped.startsWith(QLatin1Char('['))) {
        qsizetype end = 0;
        while (end < stripped.size() && stripped[end] != QLatin1Char('=') &&
               stripped[end] != QLatin1Char(':') && !isPythonSpace(stripped[end])) {
            ++end;
        }
        if (end < stripped.size() && isPythonSpace(stripped[end])) {
            // "key = value": keep the separator that follows the spaces, if any.
            qsizetype next = end;
            while (next < stripped.size() && isPythonSpace(stripped[next])) {
                ++next;
            }
            if (next < stripped.size() &&
                (stripped[next] == QLatin1Char('=') || stripped[next] == QLatin1Char(':'))) {
                end = next;
            }
        }
        if (end < stripped.size() &&
            (stripped[end] == QLatin1Char('=') || stripped[end] == QLatin1Char(':'))) {
            ++end;
        }
        shown = stripped.left(end);
        if (end < stripped.size()) {
            shown += QStringLiteral(" ...");
        }
    }
    if (shown.size() > MaxShown) {
        shown = shown.left(MaxShown) + QStringLiteral("...");
    }
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

struct RawOption
{
    QString key;
    int line = 0;
    QStringList pieces; // the first line's value, then one entry per continuation (or blank) line
    QList<int> pieceLines;
};

struct RawSection
{
    QString header;
    int line = 0;
    QList<RawOption> options;

    qsizetype indexOf(const QString &key) const
    {
        for (qsizetype i = 0; i < options.size(); ++i) {
            if (options[i].key == key) {
                return i;
            }
        }
        return -1;
    }
};

class Parser
{
public:
    explicit Parser(QString sourceName)
        : m_sourceName(std::move(sourceName))
    {}

    std::optional<SsoError> readLines(const QByteArray &text);
    Result<QList<AwsConfigFile::Section>> buildSections() const;

private:
    SsoError errorAt(int line, const QString &problem) const
    {
        return SsoError(SsoError::Kind::Config,
                        QStringLiteral("%1 line %2: %3.").arg(m_sourceName, QString::number(line), problem));
    }
    std::optional<SsoError> readLine(int lineNumber, const QString &line);
    Result<AwsConfigFile::Value> joinValue(const RawOption &option) const;

    QString m_sourceName;
    QList<RawSection> m_sections;
    RawSection m_defaults{QStringLiteral("DEFAULT"), 0, {}};
    RawSection *m_current = nullptr; // nullptr before the first header
    qsizetype m_currentOption = -1;  // index into m_current->options; -1 right after a header
    qsizetype m_indentLevel = 0;
};

std::optional<SsoError> Parser::readLines(const QByteArray &text)
{
    if (text.startsWith("\xEF\xBB\xBF")) {
        // configparser keeps U+FEFF as text, so the first line is neither a header nor a comment.
        return errorAt(1,
                       QStringLiteral("the file starts with a UTF-8 byte order mark (BOM), which the AWS CLI "
                                      "cannot read; save the file as UTF-8 without BOM"));
    }
    // Python reads the file with universal newlines: "\r\n", "\r" and "\n" all end a line. The split is
    // safe on bytes because UTF-8 never uses those bytes inside a multi-byte character.
    int lineNumber = 0;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = start;
        while (end < text.size() && text[end] != '\n' && text[end] != '\r') {
            ++end;
        }
        ++lineNumber;
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString line = decoder.decode(QByteArrayView(text).sliced(start, end - start));
        if (decoder.hasError()) {
            return errorAt(lineNumber, QStringLiteral("the text is not valid UTF-8; save the file as UTF-8"));
        }
        if (const std::optional<SsoError> error = readLine(lineNumber, line)) {
            return error;
        }
        if (end < text.size() && text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') {
            ++end;
        }
        start = end + 1;
    }
    return std::nullopt;
}

std::optional<SsoError> Parser::readLine(int lineNumber, const QString &line)
{
    const QString value = pythonStrip(line);
    if (value.startsWith(QLatin1Char('#')) || value.startsWith(QLatin1Char(';'))) {
        return std::nullopt; // a comment neither ends nor extends a value
    }
    if (value.isEmpty()) {
        // A blank line belongs to the value being read (empty_lines_in_values); trailing ones are
        // stripped when the value is joined.
        if (m_current && m_currentOption >= 0) {
            RawOption &option = m_current->options[m_currentOption];
            option.pieces.append(QString());
            option.pieceLines.append(lineNumber);
        }
        return std::nullopt;
    }
    qsizetype indent = 0;
    while (indent < line.size() && isPythonSpace(line[indent])) {
        ++indent;
    }
    if (m_current && m_currentOption >= 0 && indent > m_indentLevel) {
        RawOption &option = m_current->options[m_currentOption];
        option.pieces.append(value);
        option.pieceLines.append(lineNumber);
        return std::nullopt;
    }
    m_indentLevel = indent;

    // configparser's header pattern "\[(.+)\]" with match(): the header runs to the last ']' and
    // anything after it is ignored.
    const qsizetype closing = value.lastIndexOf(QLatin1Char(']'));
    if (value.startsWith(QLatin1Char('[')) && closing >= 2) {
        const QString header = value.mid(1, closing - 1);
        m_currentOption = -1;
        if (header == QLatin1String("DEFAULT")) {
            m_current = &m_defaults;
            return std::nullopt;
        }
        for (const RawSection &section : std::as_const(m_sections)) {
            if (section.header == header) {
                return errorAt(lineNumber,
                               QStringLiteral("the section [%1] appears a second time (first on line "
                                              "%2); merge the two into one")
                                   .arg(header, QString::number(section.line)));
            }
        }
        m_sections.append(RawSection{header, lineNumber, {}});
        m_current = &m_sections.last();
        return std::nullopt;
    }
    if (!m_current) {
        return errorAt(lineNumber,
                       QStringLiteral("%1 comes before any section header; put it under [default] or "
                                      "[profile NAME], or remove it")
                           .arg(quoteLine(line)));
    }

    // configparser's option pattern: the key ends at the first '=' or ':'.
    qsizetype separator = -1;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] == QLatin1Char('=') || value[i] == QLatin1Char(':')) {
            separator = i;
            break;
        }
    }
    if (separator < 0) {
        if (value.startsWith(QLatin1Char('['))) {
            return errorAt(lineNumber,
                           QStringLiteral("%1 is neither a section header \"[NAME]\" nor \"key = value\"; "
                                          "fix or remove the line")
                               .arg(quoteLine(line)));
        }
        return errorAt(
            lineNumber,
            QStringLiteral("%1 is not \"key = value\"; fix or remove the line").arg(quoteLine(line)));
    }
    const QString key = pythonStrip(QStringView(value).left(separator)).toLower();
    if (key.isEmpty()) {
        return errorAt(lineNumber, QStringLiteral("%1 has no key before \"%2\"; fix or remove the line")
                                       .arg(quoteLine(line), value.at(separator)));
    }
    const qsizetype existing = m_current->indexOf(key);
    if (existing >= 0) {
        return errorAt(lineNumber,
                       QStringLiteral("\"%1\" is set a second time in [%2] (first on line %3, keys "
                                      "ignore case); keep only one")
                           .arg(key, m_current->header, QString::number(m_current->options[existing].line)));
    }
    RawOption option;
    option.key = key;
    option.line = lineNumber;
    option.pieces.append(pythonStrip(QStringView(value).mid(separator + 1)));
    option.pieceLines.append(lineNumber);
    m_current->options.append(option);
    m_currentOption = m_current->options.size() - 1;
    return std::nullopt;
}

Result<AwsConfigFile::Value> Parser::joinValue(const RawOption &option) const
{
    AwsConfigFile::Value value;
    value.line = option.line;
    const QString joined = pythonRightStrip(option.pieces.join(QLatin1Char('\n')));
    if (!joined.startsWith(QLatin1Char('\n'))) {
        value.text = joined;
        return value;
    }
    // An empty value followed by indented lines: botocore's _parse_nested, one level deep, keys kept
    // as written, split at the first '=' only.
    for (qsizetype piece = 1; piece < option.pieces.size(); ++piece) {
        for (const QString &rawLine : pythonSplitLines(option.pieces[piece])) {
            const QString line = pythonStrip(rawLine);
            if (line.isEmpty()) {
                continue;
            }
            const qsizetype equals = line.indexOf(QLatin1Char('='));
            if (equals < 0) {
                return errorAt(
                    option.pieceLines[piece],
                    QStringLiteral("%1 in the indented block under \"%2\" is not \"key = value\"; fix or "
                                   "remove the line")
                        .arg(quoteLine(line), option.key));
            }
            value.nested.insert(pythonStrip(QStringView(line).left(equals)),
                                pythonStrip(QStringView(line).mid(equals + 1)));
        }
    }
    return value;
}

// botocore's build_profile_map: "profile..." / "sso-session..." / "services..." headers that shlex
// splits into exactly two words name a profile, session or services block; [default] is a profile.
void classify(AwsConfigFile::Section &section)
{
    static const QString prefixes[] = {QStringLiteral("profile"), QStringLiteral("sso-session"),
                                       QStringLiteral("services")};
    for (const QString &prefix : prefixes) {
        if (!section.header.startsWith(prefix)) {
            continue;
        }
        const std::optional<QStringList> words = shlexSplit(section.header);
        if (words && words->size() == 2) {
            section.kind = prefix;
            section.name = words->at(1);
            return;
        }
        section.name = section.header; // botocore ignores it
        return;
    }
    if (section.header == QLatin1String("default")) {
        section.kind = QStringLiteral("profile");
        section.name = section.header;
        return;
    }
    section.name = section.header;
}

Result<QList<AwsConfigFile::Section>> Parser::buildSections() const
{
    QList<AwsConfigFile::Section> sections;
    for (const RawSection &raw : m_sections) {
        AwsConfigFile::Section section;
        section.header = raw.header;
        section.line = raw.line;
        // configparser's options(): the section's own keys, then the [DEFAULT] keys it does not set.
        QList<const RawOption *> options;
        for (const RawOption &own : raw.options) {
            options.append(&own);
        }
        for (const RawOption &inherited : m_defaults.options) {
            if (raw.indexOf(inherited.key) < 0) {
                options.append(&inherited);
            }
        }
        for (const RawOption *option : options) {
            Result<AwsConfigFile::Value> value = joinValue(*option);
            if (!value) {
                return value.error();
            }
            section.values.insert(option->key, std::move(value).value());
            section.keyOrder.append(option->key);
        }
        classify(section);

        // A later section of the same kind and name replaces an earlier one where that one stood,
        // like a Python dict update.
        bool replaced = false;
        if (!section.kind.isEmpty()) {
            for (AwsConfigFile::Section &earlier : sections) {
                if (earlier.kind == section.kind && earlier.name == section.name) {
                    earlier = section;
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) {
            sections.append(section);
        }
    }
    return sections;
}

// Python's os.path.expandvars: $NAME and ${NAME}; unknown variables stay as written.
QString expandVariables(const QString &path, const QProcessEnvironment &environment)
{
    static const QRegularExpression variable(QStringLiteral("\\$([A-Za-z0-9_]+|\\{[^}]*\\})"));
    QString result;
    qsizetype copied = 0;
    QRegularExpressionMatchIterator matches = variable.globalMatch(path);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        QString name = match.captured(1);
        if (name.startsWith(QLatin1Char('{'))) {
            name = name.mid(1, name.size() - 2);
        }
        if (!environment.contains(name)) {
            continue;
        }
        result += QStringView(path).mid(copied, match.capturedStart() - copied);
        result += environment.value(name);
        copied = match.capturedEnd();
    }
    return result + QStringView(path).mid(copied);
}

QString homeDirectory(const QProcessEnvironment &environment)
{
    const QString home = environment.value(QStringLiteral("HOME"));
    return home.isEmpty() ? QDir::homePath() : home;
}

// Python's os.path.expanduser: "~" and "~/..." use $HOME, "~user/..." that user's home.
QString expandUser(const QString &path, const QProcessEnvironment &environment)
{
    if (!path.startsWith(QLatin1Char('~'))) {
        return path;
    }
    qsizetype slash = path.indexOf(QLatin1Char('/'), 1);
    if (slash < 0) {
        slash = path.size();
    }
    QString home;
    if (slash == 1) {
        home = homeDirectory(environment);
    } else {
#ifdef Q_OS_UNIX
        const QByteArray user = path.mid(1, slash - 1).toLocal8Bit();
        const passwd *entry = getpwnam(user.constData());
        if (!entry) {
            return path;
        }
        home = QFile::decodeName(entry->pw_dir);
#else
        return path;
#endif
    }
    while (home.endsWith(QLatin1Char('/'))) {
        home.chop(1);
    }
    const QString expanded = home + QStringView(path).mid(slash);
    return expanded.isEmpty() ? QStringLiteral("/") : expanded;
}

QString displayName(const QString &path)
{
    const QString home = QDir::homePath();
    if (!home.isEmpty() && home != QLatin1String("/") && path.startsWith(home + QLatin1Char('/'))) {
        return QLatin1Char('~') + path.mid(home.size());
    }
    return path;
}

} // namespace

Result<AwsConfigFile> AwsConfigFile::load(const QString &path)
{
    // botocore treats anything that is not a regular file as no config at all.
    if (!QFileInfo(path).isFile()) {
        AwsConfigFile empty;
        empty.m_sourceName = displayName(path);
        empty.m_path = path;
        return empty;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return SsoError(SsoError::Kind::Config,
                        QStringLiteral("Cannot read %1: %2; check the file's permissions.")
                            .arg(displayName(path), file.errorString()));
    }
    Result<AwsConfigFile> parsed = parse(file.readAll(), displayName(path));
    if (parsed) {
        parsed.value().m_path = path;
    }
    return parsed;
}

Result<QByteArray> AwsConfigFile::readParsableText(const QString &path)
{
    if (!QFileInfo(path).isFile()) {
        return QByteArray();
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return SsoError(SsoError::Kind::Config,
                        QStringLiteral("Cannot read %1: %2; check the file's permissions.")
                            .arg(displayName(path), file.errorString()));
    }
    const QByteArray text = file.readAll();
    if (const Result<AwsConfigFile> parsed = parse(text, displayName(path)); !parsed) {
        return parsed.error();
    }
    return text;
}

Result<AwsConfigFile> AwsConfigFile::parse(const QByteArray &text, const QString &sourceName)
{
    Parser parser(sourceName);
    if (const std::optional<SsoError> error = parser.readLines(text)) {
        return *error;
    }
    Result<QList<Section>> sections = parser.buildSections();
    if (!sections) {
        return sections.error();
    }
    AwsConfigFile file;
    file.m_sections = std::move(sections).value();
    file.m_sourceName = sourceName;
    return file;
}

QString AwsConfigFile::defaultPath()
{
    return defaultPath(QProcessEnvironment::systemEnvironment());
}

QString AwsConfigFile::defaultPath(const QProcessEnvironment &environment)
{
    // Set but empty still counts, as in botocore: then no file is read.
    const QString configured = environment.contains(QStringLiteral("AWS_CONFIG_FILE"))
                                   ? environment.value(QStringLiteral("AWS_CONFIG_FILE"))
                                   : QStringLiteral("~/.aws/config");
    return expandUser(expandVariables(configured, environment), environment);
}

QString AwsConfigFile::credentialsPath(const QProcessEnvironment &environment)
{
    const QString configured = environment.contains(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"))
                                   ? environment.value(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"))
                                   : QStringLiteral("~/.aws/credentials");
    return expandUser(expandVariables(configured, environment), environment);
}

QStringList AwsConfigFile::profileNames() const
{
    QStringList names;
    for (const Section &section : m_sections) {
        if (section.kind == QLatin1String("profile")) {
            names.append(section.name);
        }
    }
    return names;
}

const AwsConfigFile::Section *AwsConfigFile::profile(const QString &name) const
{
    return find(QStringLiteral("profile"), name);
}

const AwsConfigFile::Section *AwsConfigFile::ssoSession(const QString &name) const
{
    return find(QStringLiteral("sso-session"), name);
}

const AwsConfigFile::Section *AwsConfigFile::services(const QString &name) const
{
    return find(QStringLiteral("services"), name);
}

const AwsConfigFile::Section *AwsConfigFile::find(const QString &kind, const QString &name) const
{
    for (const Section &section : m_sections) {
        if (section.kind == kind && section.name == name) {
            return &section;
        }
    }
    return nullptr;
}
