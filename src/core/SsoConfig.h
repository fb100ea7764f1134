#pragma once

#include "AwsConfigFile.h"
#include "Result.h"
#include "SsoProfile.h"

#include <QList>
#include <QString>

// The SSO view of an AwsConfigFile: every profile that uses IAM Identity Center, grouped by session,
// validated the way the AWS CLI validates them. A broken profile is a problem for that profile
// only; the others stay usable.
class SsoConfig
{
public:
    struct Problem
    {
        QString profileName;    // or the sso-session name for session-level problems
        QString message;        // the CLI's wording where it has one
    };

    static SsoConfig fromFile(const AwsConfigFile &file);

    const AwsConfigFile &file() const { return m_file; }
    const QList<SsoProfile> &profiles() const { return m_profiles; }
    // Sessions that at least one valid profile uses, plus every well-formed [sso-session], in file order.
    const QList<SsoSession> &sessions() const { return m_sessions; }
    const QList<Problem> &problems() const { return m_problems; }

    // The profile, or an SsoError(Config) in the CLI's words: unknown profile, not an SSO profile,
    // missing keys, unknown sso-session, inconsistent values.
    Result<SsoProfile> profile(const QString &name) const;
    Result<SsoSession> session(const QString &name) const;
    QList<SsoProfile> profilesOf(const SsoSession &session) const;

private:
    AwsConfigFile m_file;
    QList<SsoProfile> m_profiles;
    QList<SsoSession> m_sessions;
    QList<Problem> m_problems;
};
