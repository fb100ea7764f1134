#pragma once

#include "Result.h"

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

// aws-sso-tray --demo: the real tray against the built-in simulator, in a throwaway home (AWS config,
// token cache, settings, browser profiles), so a user without an AWS account sees everything and
// nothing of theirs is touched. Two sessions: "demo-team" refreshes silently (it has a refresh token);
// the legacy profile demo-prod's lasts 16 minutes with no refresh token, so the warning comes in a minute.
// The demo users' passwords go into the keychain under the demo's own start URLs and are removed when
// the demo ends.
class DemoEnvironment : public QObject
{
    Q_OBJECT
public:
    // Seconds the short session lasts: the default 15-minute warning comes about a minute after login.
    static constexpr int ShortSessionSeconds = 16 * 60 - 5;

    explicit DemoEnvironment(QObject *parent = nullptr);
    ~DemoEnvironment() override;

    // Before any QSettings or QStandardPaths use: points HOME, XDG_*_HOME and AWS_CONFIG_FILE into the
    // throwaway directory, starts the simulator (`program sim`), writes the AWS config.
    Status prepare(const QString &program);
    // Stores the demo users' secrets; a missing keychain is reported, not fatal (the sign-in window
    // then asks, and the notification says what to type).
    void storeSecrets(std::function<void(Status)> done);
    QString directory() const;
    // What a user types when the keychain is missing.
    static QString credentialsHint();

private:
    void removeSecrets();

    std::unique_ptr<QTemporaryDir> m_directory;
    QProcess m_simulator;
    QString m_baseUrl;
    QStringList m_startUrls;
};
