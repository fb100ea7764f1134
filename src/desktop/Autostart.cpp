#include "Autostart.h"

#include "AtomicFile.h"
#include "LaunchAgentAutostart.h"
#include "WindowsRunKeyAutostart.h"
#include "XdgAutostart.h"

#include <QDir>
#include <QFile>
#include <QSettings>

const QString Autostart::EntryName = QStringLiteral(AWS_SSO_TRAY_APP_ID);

std::unique_ptr<Autostart> Autostart::forThisPlatform(const QString &program, const QStringList &arguments)
{
#if defined(Q_OS_WIN)
    return std::make_unique<WindowsRunKeyAutostart>(
        std::make_unique<QSettings>(WindowsRunKeyAutostart::RunKeyPath, QSettings::NativeFormat), program,
        arguments);
#elif defined(Q_OS_MACOS)
    return std::make_unique<LaunchAgentAutostart>(LaunchAgentAutostart::defaultDirectory(), program,
                                                  arguments);
#else
    return std::make_unique<XdgAutostart>(XdgAutostart::defaultDirectory(), program, arguments,
                                          XdgAutostart::defaultSystemDirectories());
#endif
}

SsoError Autostart::cannotEnable(const QString &whatFailed, const QString &advice)
{
    return SsoError(SsoError::Kind::Config,
                    QStringLiteral("Could not turn on starting aws-sso-tray at login. %1 %2")
                        .arg(whatFailed, advice.isEmpty()
                                             ? QStringLiteral("Check that you may write there, or add "
                                                              "aws-sso-tray to your startup "
                                                              "applications by hand.")
                                             : advice));
}

SsoError Autostart::cannotDisable(const QString &whatFailed)
{
    return SsoError(SsoError::Kind::Config,
                    QStringLiteral("Could not turn off starting aws-sso-tray at login. %1 Remove that entry "
                                   "by hand.")
                        .arg(whatFailed));
}

Status Autostart::writeEntryFile(const QString &directory, const QString &path, const QByteArray &content,
                                 bool enabling)
{
    const auto failure = [enabling](const QString &whatFailed) {
        return enabling ? cannotEnable(whatFailed) : cannotDisable(whatFailed);
    };
    if (!QDir().mkpath(directory)) {
        return failure(
            QStringLiteral("Could not create the directory %1.").arg(QDir::toNativeSeparators(directory)));
    }
    const Status written = AtomicFile::write(path, content);
    if (!written) {
        return failure(written.error().message());
    }
    return Done{};
}

Status Autostart::removeEntryFile(const QString &path)
{
    QFile file(path);
    if (file.exists() && !file.remove()) {
        return cannotDisable(QStringLiteral("Could not remove %1: %2.")
                                 .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return Done{};
}
