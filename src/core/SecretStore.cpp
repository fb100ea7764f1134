#include "SecretStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>
#include <memory>
#include <qt6keychain/keychain.h>
#include <utility>

// On Linux the Secret Service itself is asked whether a missing entry is merely locked: libsecret reports
// an item it could not unlock (no prompter, a dismissed prompt) as not found. QtDBus comes with QtKeychain.
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS) && __has_include(<QDBusConnection>)
#define AWS_SSO_TRAY_PROBE_LOCKED_ITEMS 1
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

namespace {

constexpr int EntryFormatVersion = 1;

const QString VersionField = QStringLiteral("version");
const QString UsernameField = QStringLiteral("username");
const QString PasswordField = QStringLiteral("password");
const QString TotpSecretField = QStringLiteral("totpSecret");

QString encodeEntry(const StoredSecrets &secrets)
{
    QJsonObject entry{{VersionField, EntryFormatVersion},
                      {UsernameField, secrets.username},
                      {PasswordField, secrets.password}};
    if (secrets.hasTotpSecret()) {
        entry.insert(TotpSecretField, secrets.totpSecret);
    }
    return QString::fromUtf8(QJsonDocument(entry).toJson(QJsonDocument::Compact));
}

Result<StoredSecrets> decodeEntry(const QByteArray &stored, const QString &startUrl)
{
    const QJsonDocument document = QJsonDocument::fromJson(stored);
    const QJsonObject entry = document.object();
    if (!document.isObject() || entry.value(VersionField).toInt() != EntryFormatVersion) {
        // Never show the stored bytes: they are the secret.
        return SsoError(
            SsoError::Kind::Config,
            QStringLiteral("The keychain entry of %1 is not in a format this version of aws-sso-tray "
                           "reads. Remove it with 'aws-sso-tray secret delete --start-url %1' and "
                           "store the secrets again.")
                .arg(startUrl));
    }
    StoredSecrets secrets;
    secrets.username = entry.value(UsernameField).toString();
    secrets.password = entry.value(PasswordField).toString();
    secrets.totpSecret = entry.value(TotpSecretField).toString();
    return secrets;
}

QString secondsText(std::chrono::milliseconds duration)
{
    return QString::number(static_cast<double>(duration.count()) / 1000.0, 'g', 4);
}

// libsecret reports a missing or unreachable session bus, and a bus without any Secret Service, only as
// GLib/D-Bus error text under OtherError.
bool meansNoKeychainRunning(const QString &backendMessage)
{
    static const QLatin1String Signs[] = {
        QLatin1String("D-Bus"),          QLatin1String("DBus"),
        QLatin1String("dbus"),           QLatin1String("org.freedesktop.secrets"),
        QLatin1String("ServiceUnknown"), QLatin1String("Could not connect"),
        QLatin1String("autolaunch"),     QLatin1String("not provided by any .service files"),
    };
    for (const QLatin1String &sign : Signs) {
        if (backendMessage.contains(sign, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

QString sentenceStart(QString text)
{
    if (!text.isEmpty()) {
        text[0] = text.at(0).toUpper();
    }
    return text;
}

QString detailOf(const QString &backendMessage)
{
    return backendMessage.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(backendMessage.trimmed());
}

SsoError noKeychainRunning(const QString &backendMessage)
{
#if defined(Q_OS_MACOS) || defined(Q_OS_WIN)
    return SsoError(SsoError::Kind::Network,
                    QStringLiteral("%1 is not available%2.")
                        .arg(sentenceStart(SecretStore::keychainName()), detailOf(backendMessage)));
#else
    return SsoError(
        SsoError::Kind::Network,
        QStringLiteral("No keychain is running%1; start a Secret Service such as gnome-keyring or "
                       "KWallet (it needs a D-Bus session bus, which a desktop session provides) and "
                       "try again.")
            .arg(detailOf(backendMessage)));
#endif
}

} // namespace

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{}

QString SecretStore::serviceName()
{
    return QStringLiteral("aws-sso-tray");
}

QString SecretStore::entryKey(const QString &startUrl)
{
    const QUrl url(startUrl.trimmed());
    if (!url.isValid() || url.host().isEmpty()) {
        return startUrl.trimmed();
    }
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    QUrl normalised;
    normalised.setScheme(url.scheme().toLower());
    normalised.setHost(url.host());
    normalised.setPort(url.port());
    normalised.setPath(path);
    return normalised.toString();
}

QString SecretStore::keychainName()
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("the macOS Keychain");
#elif defined(Q_OS_WIN)
    return QStringLiteral("the Windows Credential Manager");
#else
    return QStringLiteral("the Secret Service keyring");
#endif
}

std::optional<SsoError> SecretStore::describeFailure(int code, const QString &backendMessage)
{
    switch (static_cast<QKeychain::Error>(code)) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return std::nullopt;
    case QKeychain::NoBackendAvailable:
        return noKeychainRunning(backendMessage);
    case QKeychain::AccessDenied:
        // libsecret reports a locked collection as AccessDenied.
        return SsoError(
            SsoError::Kind::UserAction,
            QStringLiteral("%1 is locked or refused access%2. Unlock it (logging in to the desktop "
                           "unlocks the login keyring; Passwords and Keys or KWallet Manager can "
                           "unlock it too) and try again.")
                .arg(sentenceStart(keychainName()), detailOf(backendMessage)));
    case QKeychain::AccessDeniedByUser:
        return SsoError(
            SsoError::Kind::UserAction,
            QStringLiteral("Access to %1 was refused at its prompt. Try again and allow aws-sso-tray.")
                .arg(keychainName()));
    case QKeychain::CouldNotDeleteEntry:
        return SsoError(
            SsoError::Kind::Network,
            QStringLiteral("%1 could not delete the entry%2. Check that it is unlocked and try again.")
                .arg(sentenceStart(keychainName()), detailOf(backendMessage)));
    case QKeychain::NotImplemented:
        return SsoError(SsoError::Kind::Network,
                        QStringLiteral("This build of QtKeychain supports no keychain on this system%1.")
                            .arg(detailOf(backendMessage)));
    case QKeychain::OtherError:
        break;
    }
    if (meansNoKeychainRunning(backendMessage)) {
        return noKeychainRunning(backendMessage);
    }
    return SsoError(SsoError::Kind::Network,
                    QStringLiteral("%1 failed%2. Check that it is running and unlocked, then try again.")
                        .arg(sentenceStart(keychainName()), detailOf(backendMessage)));
}

SsoError SecretStore::timeoutError(std::chrono::milliseconds timeout)
{
    return SsoError(
        SsoError::Kind::Timeout,
        QStringLiteral("%1 did not answer within %2 s. It may be locked and waiting for an unlock "
                       "prompt, or hung: unlock it, or restart its daemon (gnome-keyring-daemon, "
                       "kwalletd), and try again.")
            .arg(sentenceStart(keychainName()), secondsText(timeout)));
}

void SecretStore::runBounded(QKeychain::Job *job, std::function<void(QKeychain::Job *)> finished,
                             std::function<void()> timedOut)
{
    // Secrets go to the keychain or nowhere: never QtKeychain's plaintext QSettings file.
    job->setInsecureFallback(false);
    // A job that times out stays alive and deletes itself if it ever finishes: the libsecret backend keeps a
    // raw pointer to it, so deleting it early would crash on a late answer.
    job->setAutoDelete(true);

    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    auto settled = std::make_shared<bool>(false);
    auto finishedConnection = std::make_shared<QMetaObject::Connection>();
    *finishedConnection =
        connect(job, &QKeychain::Job::finished, this,
                [timer, settled, finished = std::move(finished)](QKeychain::Job *finishedJob) {
                    if (std::exchange(*settled, true)) {
                        return;
                    }
                    timer->stop();
                    timer->deleteLater();
                    finished(finishedJob);
                });
    connect(timer, &QTimer::timeout, this,
            [timer, settled, finishedConnection, timedOut = std::move(timedOut)] {
                if (std::exchange(*settled, true)) {
                    return;
                }
                QObject::disconnect(*finishedConnection);
                timer->deleteLater();
                timedOut();
            });
    timer->start(m_timeout);
    job->start();
}

void SecretStore::read(const QString &startUrl, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    job->setKey(entryKey(startUrl));
    const std::chrono::milliseconds limit = m_timeout;
    runBounded(
        job,
        [this, done, startUrl](QKeychain::Job *finishedJob) {
            if (finishedJob->error() == QKeychain::EntryNotFound) {
                reportMissingOrLocked(startUrl, done);
                return;
            }
            if (const auto failure = describeFailure(finishedJob->error(), finishedJob->errorString())) {
                done(*failure);
                return;
            }
            const auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finishedJob);
            Result<StoredSecrets> secrets = decodeEntry(readJob->binaryData(), startUrl);
            if (!secrets) {
                done(secrets.error());
                return;
            }
            done(std::optional<StoredSecrets>(std::move(secrets).value()));
        },
        [done, limit] { done(timeoutError(limit)); });
}

void SecretStore::write(const QString &startUrl, const StoredSecrets &secrets, StatusCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName());
    job->setKey(entryKey(startUrl));
    job->setTextData(encodeEntry(secrets));
    const std::chrono::milliseconds limit = m_timeout;
    runBounded(
        job,
        [done](QKeychain::Job *finishedJob) {
            if (finishedJob->error() == QKeychain::NoError) {
                done(Done{});
                return;
            }
            // EntryNotFound makes no sense for a write; report it like any other failure.
            const auto failure = describeFailure(finishedJob->error(), finishedJob->errorString());
            done(failure ? *failure
                         : SsoError(SsoError::Kind::Network,
                                    QStringLiteral("%1 did not store the entry (%2).")
                                        .arg(keychainName(), finishedJob->errorString())));
        },
        [done, limit] { done(timeoutError(limit)); });
}

void SecretStore::remove(const QString &startUrl, StatusCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName());
    job->setKey(entryKey(startUrl));
    const std::chrono::milliseconds limit = m_timeout;
    runBounded(
        job,
        [done](QKeychain::Job *finishedJob) {
            if (const auto failure = describeFailure(finishedJob->error(), finishedJob->errorString())) {
                done(*failure);
                return;
            }
            done(Done{});
        },
        [done, limit] { done(timeoutError(limit)); });
}

SsoError SecretStore::lockedError()
{
    return SsoError(
        SsoError::Kind::UserAction,
        QStringLiteral("%1 is locked and could not be unlocked here. Unlock it (logging in to the "
                       "desktop unlocks the login keyring; Passwords and Keys or KWallet Manager can "
                       "unlock it too) and try again.")
            .arg(sentenceStart(keychainName())));
}

void SecretStore::reportMissingOrLocked(const QString &startUrl, const ReadCallback &done)
{
#if defined(AWS_SSO_TRAY_PROBE_LOCKED_ITEMS)
    // The attributes QtKeychain's libsecret backend gives its items: user = key, server = service.
    using Attributes = QMap<QString, QString>;
    static const QMetaType registered = qDBusRegisterMetaType<Attributes>();
    Q_UNUSED(registered)
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        done(std::optional<StoredSecrets>());
        return;
    }
    QDBusMessage search = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
    // Only ask a Secret Service that is running: on a KWallet desktop, starting gnome-keyring just to look
    // would be a surprise.
    search.setAutoStartService(false);
    search << QVariant::fromValue(
        Attributes{{QStringLiteral("user"), entryKey(startUrl)}, {QStringLiteral("server"), serviceName()}});
    auto *watcher =
        new QDBusPendingCallWatcher(bus.asyncCall(search, static_cast<int>(m_timeout.count())), this);
    const std::chrono::milliseconds limit = m_timeout;
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [done, limit](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> reply = *finished;
                if (reply.isError()) {
                    const QDBusError::ErrorType type = reply.error().type();
                    if (type == QDBusError::NoReply || type == QDBusError::Timeout ||
                        type == QDBusError::TimedOut) {
                        done(timeoutError(limit));
                        return;
                    }
                    // Not a Secret Service (KWallet), or none at all: the backend's "not found" stands.
                    done(std::optional<StoredSecrets>());
                    return;
                }
                if (!reply.argumentAt<1>().isEmpty()) {
                    done(lockedError());
                    return;
                }
                done(std::optional<StoredSecrets>());
            });
#else
    Q_UNUSED(startUrl)
    done(std::optional<StoredSecrets>());
#endif
}
