#include "AppSettings.h"

#include <QCryptographicHash>

namespace {
const QString WarningLeadKey = QStringLiteral("notifications/warningLeadMinutes");
const QString ShowBrowserKey = QStringLiteral("signIn/showBrowserWhenNeeded");
const QString AutostartInitialisedKey = QStringLiteral("desktop/autostartInitialised");
} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                             QStringLiteral("aws-sso-tray"), QStringLiteral("aws-sso-tray")))
{}

AppSettings::AppSettings(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{}

int AppSettings::warningLeadMinutes() const
{
    bool ok = false;
    const int minutes = m_settings->value(WarningLeadKey, DefaultWarningLeadMinutes).toInt(&ok);
    // A hand-edited file with nonsense in it falls back to the default rather than disabling warnings.
    return ok && minutes >= 1 && minutes <= 24 * 60 ? minutes : DefaultWarningLeadMinutes;
}

void AppSettings::setWarningLeadMinutes(int minutes)
{
    m_settings->setValue(WarningLeadKey, minutes);
}

bool AppSettings::showBrowserWhenNeeded() const
{
    return m_settings->value(ShowBrowserKey, true).toBool();
}

void AppSettings::setShowBrowserWhenNeeded(bool show)
{
    m_settings->setValue(ShowBrowserKey, show);
}

bool AppSettings::autoRelogin(const QString &sessionId) const
{
    return m_settings->value(QStringLiteral("sessions/%1/autoRelogin").arg(groupKey(sessionId)), false)
        .toBool();
}

void AppSettings::setAutoRelogin(const QString &sessionId, bool enabled)
{
    m_settings->setValue(QStringLiteral("sessions/%1/autoRelogin").arg(groupKey(sessionId)), enabled);
}

QStringList AppSettings::trustedOrigins(const QString &startUrl) const
{
    return m_settings->value(QStringLiteral("startUrls/%1/trustedOrigins").arg(groupKey(startUrl)))
        .toStringList();
}

void AppSettings::setTrustedOrigins(const QString &startUrl, const QStringList &origins)
{
    const QString key = QStringLiteral("startUrls/%1/trustedOrigins").arg(groupKey(startUrl));
    if (origins.isEmpty()) {
        m_settings->remove(key);
    } else {
        m_settings->setValue(key, origins);
    }
}

bool AppSettings::autostartInitialised() const
{
    return m_settings->value(AutostartInitialisedKey, false).toBool();
}

void AppSettings::setAutostartInitialised()
{
    m_settings->setValue(AutostartInitialisedKey, true);
}

void AppSettings::sync()
{
    m_settings->sync();
}

QString AppSettings::groupKey(const QString &text)
{
    // Session names and URLs hold '/' and other characters QSettings treats as structure.
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}
