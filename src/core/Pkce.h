#pragma once

#include <QString>

// RFC 7636 proof key for the authorization-code flow, as the AWS CLI makes it.
struct Pkce
{
    QString verifier;   // 64 random characters of [A-Za-z0-9-._~]
    QString challenge;  // base64url(sha256(verifier)) without '='

    static Pkce generate();
    static QString challengeFor(const QString &verifier);
    // A fresh random UUID for the `state` parameter.
    static QString newState();
};
