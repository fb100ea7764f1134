#include "ConfigWatcher.h"

#include <QDir>
#include <QFileInfo>

namespace {

// The path itself when it exists, else its nearest existing ancestor (whose change announces its birth).
QString nearestExisting(const QString &path)
{
    QFileInfo info(path);
    while (!info.exists()) {
        const QString parent = info.absolutePath();
        if (parent == info.absoluteFilePath()) {
            return {};
        }
        info = QFileInfo(parent);
    }
    return info.absoluteFilePath();
}

} // namespace

ConfigWatcher::ConfigWatcher(QString configPath, QString cacheDirectory, QObject *parent)
    : QObject(parent)
    , m_configPath(std::move(configPath))
    , m_cacheDirectory(std::move(cacheDirectory))
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(SettleMs);
    connect(&m_settle, &QTimer::timeout, this, [this] {
        rearm();
        emit changed();
    });
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &ConfigWatcher::onSomethingChanged);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &ConfigWatcher::onSomethingChanged);
    rearm();
}

void ConfigWatcher::onSomethingChanged()
{
    m_settle.start();
}

void ConfigWatcher::rearm()
{
    QStringList wanted;
    for (const QString &path : {m_configPath, QFileInfo(m_configPath).absolutePath(), m_cacheDirectory}) {
        const QString existing = nearestExisting(path);
        if (!existing.isEmpty() && !wanted.contains(existing)) {
            wanted.append(existing);
        }
    }
    // A file replaced by rename keeps a watch on its old inode: always watch the path afresh.
    m_watcher.removePath(m_configPath);
    const QStringList watched = m_watcher.files() + m_watcher.directories();
    for (const QString &path : watched) {
        if (!wanted.contains(path)) {
            m_watcher.removePath(path);
        }
    }
    for (const QString &path : wanted) {
        if (!watched.contains(path)) {
            m_watcher.addPath(path);
        }
    }
}
