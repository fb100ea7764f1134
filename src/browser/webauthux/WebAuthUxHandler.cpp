#include "WebAuthUxHandler.h"

#include <QGuiApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QWebEngineWebAuthPinRequest>
#include <QWebEngineWebAuthUxRequest>

namespace {

using Request = QWebEngineWebAuthUxRequest;

QString failureText(Request::RequestFailureReason reason)
{
    switch (reason) {
    case Request::RequestFailureReason::Timeout:
        return WebAuthUxHandler::tr("The security key was not used in time.");
    case Request::RequestFailureReason::KeyNotRegistered:
        return WebAuthUxHandler::tr("This security key is not registered for this sign-in; use the key you "
                                    "registered with IAM Identity Center.");
    case Request::RequestFailureReason::KeyAlreadyRegistered:
        return WebAuthUxHandler::tr("This security key is already registered.");
    case Request::RequestFailureReason::SoftPinBlock:
        return WebAuthUxHandler::tr("Too many wrong PINs: remove the security key, insert it again and retry.");
    case Request::RequestFailureReason::HardPinBlock:
        return WebAuthUxHandler::tr("The security key is locked after too many wrong PINs; it must be reset.");
    case Request::RequestFailureReason::AuthenticatorRemovedDuringPinEntry:
        return WebAuthUxHandler::tr("The security key was removed while the PIN was entered.");
    case Request::RequestFailureReason::AuthenticatorMissingResidentKeys:
    case Request::RequestFailureReason::AuthenticatorMissingUserVerification:
    case Request::RequestFailureReason::AuthenticatorMissingLargeBlob:
    case Request::RequestFailureReason::NoCommonAlgorithms:
        return WebAuthUxHandler::tr("This security key cannot do what the sign-in asks of it.");
    case Request::RequestFailureReason::StorageFull:
        return WebAuthUxHandler::tr("The security key has no room for another credential.");
    case Request::RequestFailureReason::UserConsentDenied:
    case Request::RequestFailureReason::WinUserCancelled:
        return WebAuthUxHandler::tr("The security key request was cancelled.");
    }
    return WebAuthUxHandler::tr("The security key request failed.");
}

QString pinErrorText(QWebEngineWebAuthUxRequest::PinEntryError error)
{
    switch (error) {
    case Request::PinEntryError::NoError:
        return QString();
    case Request::PinEntryError::InternalUvLocked:
        return WebAuthUxHandler::tr("The key's fingerprint check is locked; enter its PIN instead.");
    case Request::PinEntryError::WrongPin:
        return WebAuthUxHandler::tr("That PIN was wrong.");
    case Request::PinEntryError::TooShort:
        return WebAuthUxHandler::tr("That PIN is too short.");
    case Request::PinEntryError::InvalidCharacters:
        return WebAuthUxHandler::tr("That PIN has characters the key does not accept.");
    case Request::PinEntryError::SameAsCurrentPin:
        return WebAuthUxHandler::tr("The new PIN must differ from the current one.");
    }
    return QString();
}

} // namespace

WebAuthUxHandler::WebAuthUxHandler(QObject *parent)
    : QObject(parent)
{}

WebAuthUxHandler::~WebAuthUxHandler()
{
    closeDialog();
}

bool WebAuthUxHandler::canAskTheUser()
{
    // The terminal's sign-in runs on the offscreen platform: a dialog there is never seen.
    return QGuiApplication::platformName() != QLatin1String("offscreen");
}

void WebAuthUxHandler::handle(QWebEngineWebAuthUxRequest *request)
{
    closeDialog();
    m_request = request;
    connect(request, &QWebEngineWebAuthUxRequest::stateChanged, this, &WebAuthUxHandler::onStateChanged);
    onStateChanged();
}

void WebAuthUxHandler::onStateChanged()
{
    if (!m_request) {
        return;
    }
    switch (m_request->state()) {
    case Request::WebAuthUxState::NotStarted:
        break;
    case Request::WebAuthUxState::SelectAccount:
        askForAccount();
        break;
    case Request::WebAuthUxState::CollectPin:
        askForPin();
        break;
    case Request::WebAuthUxState::FinishTokenCollection:
        closeDialog();
        emit touchNeeded();
        break;
    case Request::WebAuthUxState::RequestFailed:
        closeDialog();
        emit failed(failureText(m_request->requestFailureReason()));
        break;
    case Request::WebAuthUxState::Cancelled:
        closeDialog();
        emit failed(tr("The security key request was cancelled."));
        break;
    case Request::WebAuthUxState::Completed:
        closeDialog();
        break;
    }
}

void WebAuthUxHandler::askForAccount()
{
    if (!canAskTheUser()) {
        m_request->cancel();
        emit failed(tr("The security key holds several accounts; choose one by signing in from the tray or "
                       "with --show-browser."));
        return;
    }
    auto *dialog = new QInputDialog;
    m_dialog = dialog;
    dialog->setWindowTitle(tr("AWS sign-in: security key"));
    dialog->setLabelText(tr("Which account on the security key signs in to %1?").arg(m_request->relyingPartyId()));
    dialog->setComboBoxItems(m_request->userNames());
    dialog->setComboBoxEditable(false);
    connect(dialog, &QInputDialog::finished, this, [this, dialog](int result) {
        dialog->deleteLater();
        if (!m_request) {
            return;
        }
        if (result == QDialog::Accepted) {
            m_request->setSelectedAccount(dialog->textValue());
        } else {
            m_request->cancel();
        }
    });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void WebAuthUxHandler::askForPin()
{
    if (!canAskTheUser()) {
        m_request->cancel();
        emit failed(tr("The security key needs its PIN; sign in from the tray or with --show-browser to enter it."));
        return;
    }
    const QWebEngineWebAuthPinRequest pin = m_request->pinRequest();
    QString text = pinErrorText(pin.error);
    if (!text.isEmpty()) {
        text += QLatin1Char(' ');
    }
    if (pin.reason == Request::PinEntryReason::Challenge) {
        text += tr("Enter the PIN of your security key.");
    } else {
        text += tr("The sign-in asks to set a PIN on your security key; set it with the key's own tool first.");
        m_request->cancel();
        emit failed(text);
        return;
    }
    if (pin.remainingAttempts > 0) {
        text += QLatin1Char(' ') + tr("%n attempt(s) left before the key locks.", nullptr, pin.remainingAttempts);
    }
    auto *dialog = new QInputDialog;
    m_dialog = dialog;
    dialog->setWindowTitle(tr("AWS sign-in: security key PIN"));
    dialog->setLabelText(text);
    dialog->setTextEchoMode(QLineEdit::Password);
    connect(dialog, &QInputDialog::finished, this, [this, dialog, minimum = pin.minPinLength](int result) {
        const QString entered = dialog->textValue();
        dialog->deleteLater();
        if (!m_request) {
            return;
        }
        if (result == QDialog::Accepted && entered.size() >= minimum) {
            m_request->setPin(entered);
        } else if (result == QDialog::Accepted) {
            askForPin(); // too short: ask again before the key counts an attempt
        } else {
            m_request->cancel();
        }
    });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void WebAuthUxHandler::closeDialog()
{
    if (m_dialog) {
        m_dialog->deleteLater();
        m_dialog = nullptr;
    }
}
