#include "TotpCodeProvider.h"

#include "SsoClock.h"

#include <QPointer>
#include <QTimer>

namespace {
// Less than this left and the code may expire between typing and the portal's check.
constexpr int MinimumSecondsLeft = 3;
} // namespace

TotpCodeProvider::TotpCodeProvider(Totp totp, QObject *parent)
    : QObject(parent)
    , m_totp(std::move(totp))
{}

void TotpCodeProvider::requestCode(int attempt, std::function<void(Result<QString>)> done)
{
    Q_UNUSED(attempt)
    const qint64 now = SsoClock::now().toSecsSinceEpoch();
    const int left = m_totp.secondsRemaining(now);
    const QString code = m_totp.codeAt(now);
    // A code the portal already saw (rejected, or used) is never sent twice: wait for the next one.
    if (left < MinimumSecondsLeft || code == m_lastCode) {
        QTimer::singleShot(std::chrono::seconds(left) + std::chrono::milliseconds(200), this,
                           [self = QPointer<TotpCodeProvider>(this), done = std::move(done)] {
                               if (self) {
                                   self->m_lastCode = self->m_totp.codeAt(SsoClock::now().toSecsSinceEpoch());
                                   done(self->m_lastCode);
                               }
                           });
        return;
    }
    m_lastCode = code;
    done(code);
}
