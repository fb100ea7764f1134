#pragma once

#include "Result.h"

#include <QFileDevice>
#include <QString>

// Writes a whole file so that readers see the old content or the new, never a mix:
// a temporary file in the same directory, flushed, then renamed over the target.
namespace AtomicFile {
Status write(const QString &path, const QByteArray &content,
             QFileDevice::Permissions permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner);
// Like write() for a file the user owns (~/.aws/config, ~/.aws/credentials): an existing file keeps its
// mode; a new one gets mode 0600 and its missing directories mode 0700.
Status replace(const QString &path, const QByteArray &content);
// Creates the directory and its missing parents, each with mode 0700; true when it is a directory after.
bool makeOwnerOnlyDirectory(const QString &directory);
} // namespace AtomicFile
