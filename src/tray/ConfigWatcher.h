#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

// Tells the tray when ~/.aws/config or the token cache changed outside it (aws configure sso, aws sso
// login, aws sso logout, an editor). Editors and the CLI replace files by rename, which drops a file
// watch, and the cache directory may not exist yet: so the watcher follows the files' directories (or
// their nearest existing parent) and re-arms itself after every change. Bursts come out as one signal.
class ConfigWatcher : public QObject
{
    Q_OBJECT
public:
    ConfigWatcher(QString configPath, QString cacheDirectory, QObject *parent = nullptr);

    static constexpr int SettleMs = 250;

signals:
    void changed();

private:
    void rearm();
    void onSomethingChanged();

    QString m_configPath;
    QString m_cacheDirectory;
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
};
