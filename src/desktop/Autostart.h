#pragma once

#include "Result.h"

#include <QString>
#include <QStringList>
#include <memory>

// Whether the tray starts when the user logs in to the desktop: one entry of the platform's own mechanism
// (an XDG autostart file, a launchd agent, the Run key of the registry), written and removed by us only.
class Autostart
{
public:
    // The name of our entry: file name of the desktop entry, registry value, icon name.
    static const QString EntryName;

    virtual ~Autostart() = default;

    virtual bool isEnabled() const = 0;
    // Writes or removes the entry; a clear SsoError (what, where, what to do) when that fails.
    virtual Status setEnabled(bool enabled) = 0;
    // The file or registry key, for messages.
    virtual QString location() const = 0;

    // The implementation for the platform this was built for, launching `program` (absolute path) with
    // `arguments`.
    static std::unique_ptr<Autostart> forThisPlatform(const QString &program,
                                                      const QStringList &arguments = {});

protected:
    Autostart() = default;
    Autostart(const Autostart &) = default;
    Autostart &operator=(const Autostart &) = default;

    // The errors every flavour reports, worded the same way around a sentence saying what failed; by default
    // the advice is to make the place writable.
    static SsoError cannotEnable(const QString &whatFailed, const QString &advice = {});
    static SsoError cannotDisable(const QString &whatFailed);
    // For the flavours that are one file: writes it atomically (creating its directory), or removes it.
    // `enabling` says which error a failed write is (a write may also turn autostart off).
    static Status writeEntryFile(const QString &directory, const QString &path, const QByteArray &content,
                                 bool enabling = true);
    static Status removeEntryFile(const QString &path);
};
