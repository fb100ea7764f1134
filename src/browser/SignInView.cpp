#include "SignInView.h"

#include "SignInPage.h"

SignInView::SignInView(SignInPage *page)
{
    setAttribute(Qt::WA_DontShowOnScreen);
    setPage(page);
    resize(1000, 760);
    show();
}

void SignInView::revealToUser(const QString &title)
{
    if (!isRevealed()) {
        hide();
        setAttribute(Qt::WA_DontShowOnScreen, false);
        setWindowTitle(title);
        show();
    }
    raise();
    activateWindow();
}
