#include "AtomicFile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace AtomicFile {

Status write(const QString &path, const QByteArray &content, QFileDevice::Permissions permissions)
{
    const auto failure = [&path](const QString &reason) {
        return SsoError(
            SsoError::Kind::Cache,
            QStringLiteral("Could not write %1: %2.").arg(QDir::toNativeSeparators(path), reason));
    };

    QSaveFile file(path);
    // Never fall back to writing the target in place: a reader could see half a token.
    file.setDirectWriteFallback(false);
    // Unbuffered, so a failing write (disk full, quota) shows in write() itself: Qt 6.4's commit()
    // ignores an error from flushing its buffer and would rename a truncated file over the target.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        return failure(file.errorString());
    }
    // The temporary file starts with the old file's or the umask's mode; narrow it before any
    // secret is written, so neither it nor the renamed result is ever more open than asked.
    if (!file.setPermissions(permissions)) {
        file.cancelWriting();
        return failure(QStringLiteral("cannot set its permissions (%1)").arg(file.errorString()));
    }
    if (file.write(content) != content.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return failure(reason);
    }
    // commit() syncs the temporary file to disk and renames it over the target.
    if (!file.commit()) {
        return failure(file.errorString());
    }
    return Done{};
}

bool makeOwnerOnlyDirectory(const QString &directory)
{
    constexpr QFileDevice::Permissions OwnerOnly =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    const QString target = QDir::cleanPath(directory);
    QStringList missing;
    for (QString path = target; !path.isEmpty() && !QFileInfo::exists(path); path = QFileInfo(path).path()) {
        missing.prepend(path);
        if (QFileInfo(path).path() == path) {
            break;
        }
    }
    for (const QString &path : std::as_const(missing)) {
        // mkdir's mode passes through the umask; set it again so an odd umask cannot change it.
        // One that another process made meanwhile (the CLI, say) is left as it is.
        const bool created = QDir().mkdir(path, OwnerOnly);
        if ((!created && !QFileInfo(path).isDir()) || (created && !QFile::setPermissions(path, OwnerOnly))) {
            return false;
        }
    }
    return QFileInfo(target).isDir();
}

Status replace(const QString &path, const QByteArray &content)
{
    const QFileInfo info(path);
    if (info.exists()) {
        return write(path, content, QFile::permissions(path));
    }
    const QString directory = info.absolutePath();
    if (!makeOwnerOnlyDirectory(directory)) {
        return SsoError(SsoError::Kind::Cache,
                        QStringLiteral("Could not create the directory %1; check its parent's permissions.")
                            .arg(QDir::toNativeSeparators(directory)));
    }
    return write(path, content);
}

} // namespace AtomicFile
