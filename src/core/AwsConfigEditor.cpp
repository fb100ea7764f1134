#include "AwsConfigEditor.h"

namespace {

QByteArray withoutEnding(const QByteArray &line)
{
    qsizetype end = line.size();
    while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
        --end;
    }
    return line.left(end);
}

qsizetype indentOf(const QByteArray &line)
{
    qsizetype indent = 0;
    while (indent < line.size() &&
           (line[indent] == ' ' || line[indent] == '\t' || line[indent] == '\f' || line[indent] == '\v')) {
        ++indent;
    }
    return indent;
}

} // namespace

AwsConfigEditor::AwsConfigEditor(const QByteArray &text)
{
    // Universal newlines, as Python reads the file; each line keeps its own ending.
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = start;
        while (end < text.size() && text[end] != '\n' && text[end] != '\r') {
            ++end;
        }
        if (end < text.size()) {
            end += (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1;
        }
        m_lines.append(Line{text.mid(start, end - start), int(m_lines.size())});
        start = end;
    }
    m_originalCount = int(m_lines.size());
    for (const Line &line : std::as_const(m_lines)) {
        m_original.append(withoutEnding(line.bytes));
    }
    // New lines end the way the file's first line does.
    if (!m_lines.isEmpty()) {
        const QByteArray &first = m_lines.first().bytes;
        if (first.endsWith("\r\n")) {
            m_newline = QByteArrayLiteral("\r\n");
        } else if (first.endsWith('\r')) {
            m_newline = QByteArrayLiteral("\r");
        }
    }
}

bool AwsConfigEditor::isBlank(int index) const
{
    return withoutEnding(m_lines[index].bytes).trimmed().isEmpty();
}

QList<AwsConfigEditor::Span> AwsConfigEditor::spans() const
{
    // configparser's reading: comments and blank lines neither start nor end anything; a line indented
    // deeper than the key before it continues that key's value, even when it looks like a header.
    QList<Span> result;
    bool inValue = false;
    qsizetype indentLevel = 0;
    for (int index = 0; index < m_lines.size(); ++index) {
        const QByteArray raw = withoutEnding(m_lines[index].bytes);
        const QByteArray stripped = raw.trimmed();
        if (stripped.isEmpty() || stripped.startsWith('#') || stripped.startsWith(';')) {
            continue;
        }
        const qsizetype indent = indentOf(raw);
        if (inValue && indent > indentLevel) {
            if (!result.isEmpty()) {
                result.last().last = index;
            }
            continue;
        }
        indentLevel = indent;
        const qsizetype closing = stripped.lastIndexOf(']');
        if (stripped.startsWith('[') && closing >= 2) {
            result.append(Span{QString::fromUtf8(stripped.mid(1, closing - 1)), index, index});
            inValue = false;
            continue;
        }
        inValue = true;
        if (!result.isEmpty()) {
            result.last().last = index;
        }
    }
    return result;
}

const AwsConfigEditor::Span *AwsConfigEditor::findSpan(const QList<Span> &spans, const QString &header) const
{
    for (const Span &span : spans) {
        if (span.header == header) {
            return &span;
        }
    }
    return nullptr;
}

QStringList AwsConfigEditor::headers() const
{
    QStringList result;
    for (const Span &span : spans()) {
        result.append(span.header);
    }
    return result;
}

bool AwsConfigEditor::hasSection(const QString &header) const
{
    const QList<Span> all = spans();
    return findSpan(all, header) != nullptr;
}

QStringList AwsConfigEditor::comments(const QString &header) const
{
    const QList<Span> all = spans();
    const Span *span = findSpan(all, header);
    QStringList result;
    if (!span) {
        return result;
    }
    for (int index = span->first + 1; index <= span->last; ++index) {
        const QByteArray stripped = withoutEnding(m_lines[index].bytes).trimmed();
        if (stripped.startsWith('#') || stripped.startsWith(';')) {
            result.append(QString::fromUtf8(stripped));
        }
    }
    return result;
}

QList<AwsConfigEditor::Line> AwsConfigEditor::newLines(const QString &header, const QStringList &body) const
{
    QList<Line> lines{Line{'[' + header.toUtf8() + ']' + m_newline, -1}};
    for (const QString &text : body) {
        lines.append(Line{text.toUtf8() + m_newline, -1});
    }
    return lines;
}

void AwsConfigEditor::appendSection(const QString &header, const QStringList &body)
{
    if (!m_lines.isEmpty()) {
        Line &last = m_lines.last();
        if (!last.bytes.endsWith('\n') && !last.bytes.endsWith('\r')) {
            // The file's last line gains an ending: it is a changed line now.
            last.bytes += m_newline;
            last.original = -1;
        }
        if (!isBlank(int(m_lines.size()) - 1)) {
            m_lines.append(Line{m_newline, -1});
        }
    }
    m_lines.append(newLines(header, body));
}

void AwsConfigEditor::replaceSection(const QString &header, const QStringList &body)
{
    const QList<Span> all = spans();
    const Span *span = findSpan(all, header);
    if (!span) {
        appendSection(header, body);
        return;
    }
    const int first = span->first;
    m_lines.remove(first, span->last - first + 1);
    const QList<Line> replacement = newLines(header, body);
    for (int offset = 0; offset < replacement.size(); ++offset) {
        m_lines.insert(first + offset, replacement[offset]);
    }
}

void AwsConfigEditor::removeSection(const QString &header)
{
    const QList<Span> all = spans();
    const Span *span = findSpan(all, header);
    if (!span) {
        return;
    }
    const int first = span->first;
    m_lines.remove(first, span->last - first + 1);
    // Of the blank lines around the gap keep one, or none at the end of the file.
    if (first > 0 && isBlank(first - 1) && (first == m_lines.size() || isBlank(first))) {
        m_lines.remove(first - 1);
    } else if (first == 0 && !m_lines.isEmpty() && isBlank(0)) {
        m_lines.remove(0);
    }
}

QByteArray AwsConfigEditor::text() const
{
    QByteArray result;
    for (const Line &line : m_lines) {
        result += line.bytes;
    }
    return result;
}

bool AwsConfigEditor::isChanged() const
{
    if (m_lines.size() != m_originalCount) {
        return true;
    }
    for (int index = 0; index < m_lines.size(); ++index) {
        if (m_lines[index].original != index) {
            return true;
        }
    }
    return false;
}

QString AwsConfigEditor::diff(const QString &name) const
{
    // Lines are only removed or inserted, never reordered, so walking both lists by original index
    // yields the exact edit script.
    struct Step
    {
        char kind; // ' ', '-', '+'
        QByteArray text;
    };
    QList<Step> steps;
    int original = 0;
    for (const Line &line : m_lines) {
        if (line.original < 0) {
            steps.append(Step{'+', withoutEnding(line.bytes)});
            continue;
        }
        while (original < line.original) {
            steps.append(Step{'-', m_original[original++]});
        }
        steps.append(Step{' ', m_original[original++]});
    }
    while (original < m_originalCount) {
        steps.append(Step{'-', m_original[original++]});
    }

    constexpr int Context = 3;
    QString out;
    int index = 0;
    int oldLine = 1;
    int newLine = 1;
    QList<int> oldAt;
    QList<int> newAt;
    for (const Step &step : steps) {
        oldAt.append(oldLine);
        newAt.append(newLine);
        oldLine += step.kind != '+' ? 1 : 0;
        newLine += step.kind != '-' ? 1 : 0;
    }
    bool headerWritten = false;
    while (index < steps.size()) {
        if (steps[index].kind == ' ') {
            ++index;
            continue;
        }
        // A hunk: from Context lines before this change to Context lines after the last change that
        // is no more than 2 * Context lines from the previous one.
        const int begin = qMax(0, index - Context);
        int end = index;
        int lastChange = index;
        while (end < steps.size() && end - lastChange <= 2 * Context) {
            if (steps[end].kind != ' ') {
                lastChange = end;
            }
            ++end;
        }
        end = qMin(int(steps.size()), lastChange + Context + 1);
        int oldCount = 0;
        int newCount = 0;
        for (int i = begin; i < end; ++i) {
            oldCount += steps[i].kind != '+' ? 1 : 0;
            newCount += steps[i].kind != '-' ? 1 : 0;
        }
        if (!headerWritten) {
            out += QStringLiteral("--- a/%1\n+++ b/%1\n").arg(name);
            headerWritten = true;
        }
        // As diff(1): an empty range names the line before it.
        out += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n")
                   .arg(oldCount ? oldAt[begin] : oldAt[begin] - 1)
                   .arg(oldCount)
                   .arg(newCount ? newAt[begin] : newAt[begin] - 1)
                   .arg(newCount);
        for (int i = begin; i < end; ++i) {
            out += QLatin1Char(steps[i].kind) + QString::fromUtf8(steps[i].text) + QLatin1Char('\n');
        }
        index = end;
    }
    return out;
}
