#pragma once

#include <QWebEngineView>

class SignInPage;

// The view of a sign-in page: "shown" from the start but never put on screen, so Chromium lays the
// page out at a normal size and runs its timers and animation frames at full speed, as in a
// foreground tab; revealed as a normal window only when the user has to take over.
class SignInView : public QWebEngineView
{
    Q_OBJECT
public:
    explicit SignInView(SignInPage *page);

    void revealToUser(const QString &title);
    bool isRevealed() const { return !testAttribute(Qt::WA_DontShowOnScreen); }
};
