#include "DialogCodePrompt.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

DialogCodePrompt::DialogCodePrompt(QString username, QObject *parent)
    : QObject(parent)
    , m_username(std::move(username))
{}

DialogCodePrompt::~DialogCodePrompt()
{
    delete m_dialog;
}

void DialogCodePrompt::requestCode(int attempt, std::function<void(Result<QString>)> done)
{
    delete m_dialog;
    auto *dialog = new QDialog;
    m_dialog = dialog;
    dialog->setWindowTitle(tr("AWS sign-in: MFA code"));
    dialog->setWindowFlags(dialog->windowFlags() | Qt::WindowStaysOnTopHint);
    auto *layout = new QVBoxLayout(dialog);
    QString text =
        m_username.isEmpty()
            ? tr("Enter the code from your authenticator app.")
            : tr("Enter the code from your authenticator app for %1.").arg(m_username.toHtmlEscaped());
    if (attempt > 1) {
        text = tr("The portal did not accept the code. Wait for the next one and enter it.") +
               QLatin1Char(' ') + text;
    }
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    auto *code = new QLineEdit;
    code->setInputMethodHints(Qt::ImhDigitsOnly);
    code->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,8}")), code));
    code->setPlaceholderText(tr("6-digit code"));
    label->setBuddy(code);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Sign in"));
    ok->setEnabled(false);
    connect(code, &QLineEdit::textChanged, ok,
            [ok](const QString &digits) { ok->setEnabled(digits.size() >= 6); });
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(label);
    layout->addWidget(code);
    layout->addWidget(buttons);

    // finished fires once, for OK, Cancel and the window's close button alike.
    connect(dialog, &QDialog::finished, this, [dialog, code, done](int result) {
        const QString digits = code->text();
        dialog->deleteLater();
        if (result == QDialog::Accepted) {
            done(digits);
        } else {
            done(SsoError(SsoError::Kind::Cancelled,
                          tr("The MFA code was not entered; the sign-in was cancelled.")));
        }
    });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}
