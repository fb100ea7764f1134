#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Edits the text of an AWS config or credentials file in place: finds sections the way configparser
// does and adds, replaces or removes whole sections, while every other byte (comments, blank lines,
// key order, line endings, unrelated sections) stays exactly as it was. It never parses values;
// validate the text with AwsConfigFile first.
class AwsConfigEditor
{
public:
    explicit AwsConfigEditor(const QByteArray &text);

    // The headers of every section, in file order.
    QStringList headers() const;
    // Whether "[header]" exists; header is the text between the brackets, e.g. "profile dev".
    bool hasSection(const QString &header) const;
    // The stripped comment lines ("# ...", "; ...") between the section's header and its last key.
    QStringList comments(const QString &header) const;
    // Adds "[header]" and the body lines at the end, after a blank line.
    void appendSection(const QString &header, const QStringList &body);
    // Replaces the section's lines, from its header to its last key, by "[header]" and the body.
    void replaceSection(const QString &header, const QStringList &body);
    // Removes the section's lines from its header to its last key, and the blank line that set it apart.
    void removeSection(const QString &header);

    QByteArray text() const;
    bool isChanged() const;
    // The changes as a unified diff (3 lines of context) between "a/<name>" and "b/<name>".
    QString diff(const QString &name) const;

private:
    struct Line
    {
        QByteArray bytes;  // with its line ending, if any
        int original = -1; // index in the original text; -1 for an added line
    };
    struct Span
    {
        QString header;
        int first = 0; // the header line
        int last = 0;  // the last key or continuation line (the header when there is none)
    };

    QList<Span> spans() const;
    const Span *findSpan(const QList<Span> &spans, const QString &header) const;
    QList<Line> newLines(const QString &header, const QStringList &body) const;
    bool isBlank(int index) const;

    QList<Line> m_lines;
    int m_originalCount = 0;
    QList<QByteArray> m_original;
    QByteArray m_newline = QByteArrayLiteral("\n");
};
