#pragma once

#include "TrayMenuModel.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;
class QLabel;
class QMenu;

// The tray's context menu, rebuilt from a TrayMenuModel: each SSO session with its state line and its
// profiles (a click logs the session in), per-session log out, and the app-wide entries. While the menu
// is open only the texts change, so it never jumps under the mouse; the structure follows on close.
// Long lists fold into submenus.
class TrayMenu : public QObject
{
    Q_OBJECT
public:
    // Beyond these counts, a session's profiles (or every session) move into submenus.
    static constexpr int ProfilesInlineLimit = 8;
    static constexpr int SessionsInlineLimit = 6;

    explicit TrayMenu(QObject *parent = nullptr);
    ~TrayMenu() override;

    QMenu *menu() const { return m_menu; }
    void setModel(const TrayMenuModel &model, const QString &configError);
    void setStartAtLogin(bool enabled, bool available);
    // Each entry's text, one per line, submenus indented: what a user reads (used by the tests).
    QString describe() const;

signals:
    void loginRequested(const QString &sessionId, const QString &profileName);
    void cancelRequested(const QString &sessionId);
    void logoutRequested(const QString &sessionId);
    void consoleRequested(const QString &profileName);
    void generateProfilesRequested(const QString &sessionId);
    void loginAllRequested();
    void settingsRequested();
    void startAtLoginToggled(bool enabled);
    void quitRequested();

private:
    void rebuild();
    void addSession(QMenu *menu, const TrayMenuModel::Session &session, bool asSubmenu);
    QString headerText(const TrayMenuModel::Session &session) const;

    QMenu *m_menu;
    TrayMenuModel m_model;
    QString m_configError;
    bool m_rebuildPending = false;
    QAction *m_startAtLogin = nullptr;
    bool m_startAtLoginChecked = false;
    bool m_startAtLoginAvailable = true;
    QHash<QString, QPointer<QAction>> m_sessionHeaders;
    QHash<QString, QPointer<QLabel>> m_sessionLabels;
};
