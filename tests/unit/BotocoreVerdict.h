#pragma once

// Shared by the cache QtTests: asks the real botocore (tests/interop/cache_keys_check.py) to judge
// cases the C++ side computed.

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {

// What tests/interop/cache_keys_check.py said about a set of cases.
struct BotocoreVerdict
{
    QString skipReason;
    int exitCode = -1;
    QByteArray report;
};

inline BotocoreVerdict askBotocore(const QJsonObject &cases)
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty()) {
        return {QStringLiteral("python3 is not installed"), -1, {}};
    }
    QTemporaryDir workDir;
    const QString casesPath = workDir.filePath(QStringLiteral("cases.json"));
    QFile casesFile(casesPath);
    if (!casesFile.open(QIODevice::WriteOnly) || casesFile.write(QJsonDocument(cases).toJson()) < 0) {
        return {{}, -1, "cannot write " + casesPath.toUtf8()};
    }
    casesFile.close();
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(python, {QStringLiteral(TESTS_DATA_DIR "/../interop/cache_keys_check.py"), casesPath});
    if (!process.waitForFinished(180000)) {
        return {{}, -1, "python3 did not finish: " + process.errorString().toUtf8()};
    }
    if (process.exitCode() == 77) {
        return {QStringLiteral("botocore is not installed"), 77, {}};
    }
    return {{}, process.exitCode(), process.readAll()};
}

} // namespace
