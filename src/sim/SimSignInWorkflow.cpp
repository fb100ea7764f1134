#include "SimSignInWorkflow.h"

bool SimSignInWorkflow::isSigningIn() const
{
    return step == Step::Username || step == Step::Password || step == Step::ExternalIdp ||
           step == Step::Mfa || step == Step::SecurityKey;
}

QString SimSignInWorkflow::stepName(Step step)
{
    switch (step) {
    case Step::Username:
        return QStringLiteral("username");
    case Step::Password:
        return QStringLiteral("password");
    case Step::ExternalIdp:
        return QStringLiteral("externalIdp");
    case Step::Mfa:
        return QStringLiteral("mfa");
    case Step::SecurityKey:
        return QStringLiteral("securityKey");
    case Step::Consent:
        return QStringLiteral("consent");
    case Step::Success:
        return QStringLiteral("success");
    case Step::Denied:
        return QStringLiteral("denied");
    case Step::Locked:
        return QStringLiteral("locked");
    case Step::Redirect:
        break;
    }
    return QStringLiteral("redirect");
}
