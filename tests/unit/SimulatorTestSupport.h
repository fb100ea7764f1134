#pragma once

// Shared by the QtTests that talk to a real, listening simulator.

#include "OidcClient.h"
#include "Result.h"
#include "SsoSimulator.h"

#include <QtTest>
#include <functional>
#include <optional>

// Runs an asynchronous call and waits (bounded) for its single callback.
template<typename T>
Result<T> waitForResult(const std::function<void(std::function<void(Result<T>)>)> &call, int timeoutMs = 20000)
{
    std::optional<Result<T>> outcome;
    call([&](Result<T> result) { outcome.emplace(std::move(result)); });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, timeoutMs)) {
        return SsoError(SsoError::Kind::Timeout, QStringLiteral("test: the callback never came"));
    }
    return std::move(*outcome);
}

template<typename T>
QString describe(const Result<T> &result)
{
    return result ? QStringLiteral("ok") : result.error().message();
}

// A device-code sign-in on the simulator as its first user: the access token, or empty on failure.
inline QString simulatorAccessToken(SsoSimulator &simulator, OidcClient &oidc)
{
    RegisterClientRequest request;
    request.clientName = QStringLiteral("test");
    request.scopes = {QStringLiteral("sso:account:access")};
    const auto registration =
        waitForResult<ClientRegistration>([&](auto done) { oidc.registerClient(request, done); });
    if (!registration) {
        return {};
    }
    const auto authorization = waitForResult<DeviceAuthorization>([&](auto done) {
        oidc.startDeviceAuthorization(registration.value(), QStringLiteral("https://x.awsapps.com/start"),
                                      done);
    });
    if (!authorization || !simulator.approveDevice(authorization->userCode)) {
        return {};
    }
    const auto token = waitForResult<TokenResponse>([&](auto done) {
        oidc.createToken(TokenRequest::forDeviceCode(registration->clientId, registration->clientSecret,
                                                     authorization->deviceCode),
                         done);
    });
    return token ? token->accessToken : QString();
}
