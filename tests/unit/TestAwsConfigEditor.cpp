#include "AwsConfigEditor.h"
#include "AwsConfigFile.h"

#include <QtTest>

class TestAwsConfigEditor : public QObject
{
    Q_OBJECT
private:
    // Comments, odd spacing, ':' separators, a nested block, [DEFAULT], CRLF-free and no final newline.
    static QByteArray sample()
    {
        return QByteArrayLiteral("# my config\n"
                                 "[default]\n"
                                 "region=eu-west-1\n"
                                 "\n"
                                 "; the dev account\n"
                                 "[profile dev]\n"
                                 "sso_session = my-sso\n"
                                 "  # a comment inside\n"
                                 "s3 =\n"
                                 "    max_concurrent_requests = 20\n"
                                 "    [not a header] = 1\n"
                                 "\n"
                                 "\n"
                                 "# production below\n"
                                 "[profile prod]\n"
                                 "output: json");
    }

private slots:
    void untouchedTextIsIdentical()
    {
        const AwsConfigEditor editor(sample());
        QCOMPARE(editor.text(), sample());
        QVERIFY(!editor.isChanged());
        QCOMPARE(editor.diff(QStringLiteral("config")), QString());
    }

    void findsSectionsAsConfigparserDoes()
    {
        const AwsConfigEditor editor(sample());
        QVERIFY(editor.hasSection(QStringLiteral("default")));
        QVERIFY(editor.hasSection(QStringLiteral("profile dev")));
        QVERIFY(editor.hasSection(QStringLiteral("profile prod")));
        // Indented deeper than the key before it: part of the value, not a header.
        QVERIFY(!editor.hasSection(QStringLiteral("not a header")));
        QCOMPARE(editor.comments(QStringLiteral("profile dev")),
                 QStringList{QStringLiteral("# a comment inside")});
    }

    void appendThenRemoveRestoresTheBytes()
    {
        const QByteArray original = QByteArrayLiteral("[profile a]\nregion = us-east-1\n");
        AwsConfigEditor editor(original);
        editor.appendSection(QStringLiteral("profile b"),
                             {QStringLiteral("# mine"), QStringLiteral("x = 1")});
        QCOMPARE(editor.text(),
                 QByteArrayLiteral("[profile a]\nregion = us-east-1\n\n[profile b]\n# mine\nx = 1\n"));
        QVERIFY(editor.isChanged());
        AwsConfigEditor again(editor.text());
        QCOMPARE(again.comments(QStringLiteral("profile b")), QStringList{QStringLiteral("# mine")});
        again.removeSection(QStringLiteral("profile b"));
        QCOMPARE(again.text(), original);
    }

    void appendAfterALastLineWithoutNewline()
    {
        AwsConfigEditor editor(sample());
        editor.appendSection(QStringLiteral("profile new"), {QStringLiteral("k = v")});
        QCOMPARE(editor.text(), sample() + "\n\n[profile new]\nk = v\n");
        QVERIFY(AwsConfigFile::parse(editor.text(), QStringLiteral("test")).ok());
    }

    void removeInTheMiddleKeepsNeighboursAndTheirComments()
    {
        AwsConfigEditor editor(sample());
        editor.removeSection(QStringLiteral("profile dev"));
        // From the header to the last key: comments above the header, above the next section and the
        // blank lines between stay.
        QCOMPARE(editor.text(), QByteArrayLiteral("# my config\n"
                                                  "[default]\n"
                                                  "region=eu-west-1\n"
                                                  "\n"
                                                  "; the dev account\n"
                                                  "\n"
                                                  "\n"
                                                  "# production below\n"
                                                  "[profile prod]\n"
                                                  "output: json"));
    }

    void replaceKeepsThePlaceAndCrlfEndings()
    {
        const QByteArray original = QByteArrayLiteral("[a]\r\nk = 1\r\n\r\n[b]\r\nk = 2\r\n");
        AwsConfigEditor editor(original);
        editor.replaceSection(QStringLiteral("a"), {QStringLiteral("k = 3")});
        QCOMPARE(editor.text(), QByteArrayLiteral("[a]\r\nk = 3\r\n\r\n[b]\r\nk = 2\r\n"));
        editor.replaceSection(QStringLiteral("c"), {QStringLiteral("k = 4")});
        QCOMPARE(editor.text(),
                 QByteArrayLiteral("[a]\r\nk = 3\r\n\r\n[b]\r\nk = 2\r\n\r\n[c]\r\nk = 4\r\n"));
    }

    void diffIsUnified()
    {
        AwsConfigEditor editor(QByteArrayLiteral("[a]\nk = 1\n\n[b]\nk = 2\n"));
        editor.removeSection(QStringLiteral("a"));
        editor.appendSection(QStringLiteral("c"), {QStringLiteral("k = 3")});
        QCOMPARE(editor.diff(QStringLiteral("config")), QStringLiteral("--- a/config\n"
                                                                       "+++ b/config\n"
                                                                       "@@ -1,5 +1,5 @@\n"
                                                                       "-[a]\n"
                                                                       "-k = 1\n"
                                                                       "-\n"
                                                                       " [b]\n"
                                                                       " k = 2\n"
                                                                       "+\n"
                                                                       "+[c]\n"
                                                                       "+k = 3\n"));
    }

    void emptyFile()
    {
        AwsConfigEditor editor(QByteArray{});
        editor.appendSection(QStringLiteral("profile x"), {QStringLiteral("k = v")});
        QCOMPARE(editor.text(), QByteArrayLiteral("[profile x]\nk = v\n"));
        QCOMPARE(editor.diff(QStringLiteral("c")),
                 QStringLiteral("--- a/c\n+++ b/c\n@@ -0,0 +1,2 @@\n+[profile x]\n+k = v\n"));
    }
};

QTEST_GUILESS_MAIN(TestAwsConfigEditor)
#include "TestAwsConfigEditor.moc"
