#include "AppSettings.h"
#include "SecretStore.h"
#include "SettingsDialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

// The settings dialog against the real keychain (with-keyring.sh: a private gnome-keyring), and with no
// keychain at all (run without a session bus: AWS_SSO_TRAY_TEST_NO_KEYCHAIN=1).
class TestSettingsDialog : public QObject
{
    Q_OBJECT
private:
    static bool noKeychain() { return qEnvironmentVariableIsSet("AWS_SSO_TRAY_TEST_NO_KEYCHAIN"); }

    template<typename T> T *child(const SettingsDialog &dialog, const char *name)
    {
        T *widget = dialog.findChild<T *>(QString::fromLatin1(name));
        if (!widget) {
            qFatal("no widget %s", name);
        }
        return widget;
    }

    Result<std::optional<StoredSecrets>> readStored(const QString &startUrl)
    {
        SecretStore store;
        std::optional<Result<std::optional<StoredSecrets>>> answer;
        store.read(startUrl,
                   [&answer](const Result<std::optional<StoredSecrets>> &result) { answer = result; });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 15000)) {
            return SsoError(SsoError::Kind::Timeout, QStringLiteral("no answer"));
        }
        return *answer;
    }

    QList<SsoSession> sessions()
    {
        SsoSession first;
        first.name = QStringLiteral("team");
        first.startUrl = QStringLiteral("https://settings-test-%1.awsapps.com/start")
                             .arg(QCoreApplication::applicationPid());
        first.region = QStringLiteral("eu-west-1");
        SsoSession second = first;
        second.name = QStringLiteral("other");
        second.startUrl =
            QStringLiteral("https://other-%1.awsapps.com/start").arg(QCoreApplication::applicationPid());
        return {first, second};
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
    }

    void secretsGoToTheKeychainAndAreNeverShownBack()
    {
        if (noKeychain()) {
            QSKIP("needs a keychain");
        }
        const QList<SsoSession> list = sessions();
        SettingsDialog dialog(list, m_settings.get(), false, true);
        dialog.show();
        auto *status = child<QLabel>(dialog, "status");
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Nothing stored")), 15000);
        auto *autoRelogin = child<QCheckBox>(dialog, "autoRelogin");
        QVERIFY(!autoRelogin->isEnabled());

        child<QLineEdit>(dialog, "username")->setText(QStringLiteral("alice"));
        child<QLineEdit>(dialog, "password")->setText(QStringLiteral("correct horse"));
        child<QLineEdit>(dialog, "totpSecret")->setText(QStringLiteral("JBSWY3DPEHPK3PXP"));
        QVERIFY(autoRelogin->isEnabled());
        QTest::mouseClick(child<QPushButton>(dialog, "save"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("are stored in")), 15000);

        const Result<std::optional<StoredSecrets>> stored = readStored(list.first().startUrl);
        QVERIFY(stored.ok() && stored.value());
        QCOMPARE(stored.value()->username, QStringLiteral("alice"));
        QCOMPARE(stored.value()->password, QStringLiteral("correct horse"));
        QCOMPARE(stored.value()->totpSecret, QStringLiteral("JBSWY3DPEHPK3PXP"));
        // Never shown back: the fields are empty, their placeholders say a value is kept.
        QVERIFY(child<QLineEdit>(dialog, "password")->text().isEmpty());
        QVERIFY(child<QLineEdit>(dialog, "totpSecret")->text().isEmpty());
        QVERIFY(!child<QLineEdit>(dialog, "password")->placeholderText().isEmpty());
        QCOMPARE(child<QLineEdit>(dialog, "username")->text(), QStringLiteral("alice"));
        // And nothing secret in the settings file.
        m_settings->sync();
        QFile file(m_dir.filePath(QStringLiteral("settings.ini")));
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray content = file.readAll();
            QVERIFY(!content.contains("correct horse"));
            QVERIFY(!content.contains("JBSWY3DPEHPK3PXP"));
        }

        // Auto re-login is now possible, and is remembered per session.
        autoRelogin->setChecked(true);
        QVERIFY(m_settings->autoRelogin(list.first().id()));

        // A typed password replaces the stored one; an empty field keeps it.
        child<QLineEdit>(dialog, "totpSecret")->setText(QStringLiteral("not base32 !"));
        QTest::mouseClick(child<QPushButton>(dialog, "save"), Qt::LeftButton);
        QVERIFY(status->text().contains(QStringLiteral("not usable")));
        QCOMPARE(readStored(list.first().startUrl).value()->totpSecret, QStringLiteral("JBSWY3DPEHPK3PXP"));

        QTest::mouseClick(child<QPushButton>(dialog, "forget"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Nothing stored")), 15000);
        QVERIFY(!readStored(list.first().startUrl).value().has_value());
        QVERIFY(!m_settings->autoRelogin(list.first().id()));
    }

    void trustedOriginsMustBeSecure()
    {
        const QList<SsoSession> list = sessions();
        SettingsDialog dialog(list, m_settings.get(), false, true);
        child<QPlainTextEdit>(dialog, "trustedOrigins")
            ->setPlainText(QStringLiteral("https://login.example-idp.com/some/path\nhttp://evil.example.com\n"
                                          "https://login.example-idp.com\nnot a url"));
        QCOMPARE(m_settings->trustedOrigins(list.first().startUrl),
                 QStringList{QStringLiteral("https://login.example-idp.com")});
        QVERIFY(child<QLabel>(dialog, "status")->text().contains(QStringLiteral("http://evil.example.com")));
        QVERIFY(m_settings->trustedOrigins(list.at(1).startUrl).isEmpty());
    }

    void withoutAKeychainItSaysSoAndStoresNothing()
    {
        if (!noKeychain()) {
            QSKIP("runs without a session bus (AWS_SSO_TRAY_TEST_NO_KEYCHAIN=1)");
        }
        SettingsDialog dialog(sessions(), m_settings.get(), false, true);
        dialog.show();
        auto *status = child<QLabel>(dialog, "status");
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("never keeps them in plain text")),
                                 15000);
        QVERIFY(!child<QLineEdit>(dialog, "password")->isEnabled());
        QVERIFY(!child<QPushButton>(dialog, "save")->isEnabled());
        QVERIFY(!child<QCheckBox>(dialog, "autoRelogin")->isEnabled());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
};

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
