#pragma once

#include "SimRequest.h"
#include "SimResponse.h"
#include "SimState.h"

#include <optional>

// The SSO portal API (reference section 5): role credentials, account and role listings, logout.
// Every call carries the access token in the x-amz-sso_bearer_token header.
class SimPortalApi
{
public:
    explicit SimPortalApi(SimState &state);

    SimResponse getRoleCredentials(const SimRequest &request);
    SimResponse listAccounts(const SimRequest &request);
    SimResponse listAccountRoles(const SimRequest &request);
    SimResponse logout(const SimRequest &request);

private:
    struct Page
    {
        qsizetype offset = 0;
        qsizetype size = 0;
    };

    // The live access token of the request, or the 401 UnauthorizedException answer.
    const SimAccessToken *authorize(const SimRequest &request, SimResponse &refusal) const;
    // The slice of a `total`-long listing this request asks for (next_token, max_result).
    std::optional<Page> requestedPage(const SimRequest &request, const QString &accountId, qsizetype total,
                                      SimResponse &refusal) const;
    // Adds "nextToken" to `answer` when the listing goes on after `page`.
    void addNextToken(QJsonObject &answer, const SimRequest &request, const QString &accountId,
                      const Page &page, qsizetype total);

    SimState &m_state;
};
