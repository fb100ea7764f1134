#pragma once

#include "Result.h"

#include <QFileDevice>
#include <QString>

// Writes a whole file so that readers see the old content or the new, never a mix:
// a temporary file in the same directory, flushed, then renamed over the target.
namespace AtomicFile {
Status write(const QString &path, const QByteArray &content,
             QFileDevice::Permissions permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner);
} // namespace AtomicFile
