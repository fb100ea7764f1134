#pragma once

#include "SimRequest.h"
#include "SimResponse.h"
#include "SimState.h"

// The AWS console federation endpoint (GET /federation): Action=getSigninToken trades role credentials
// this simulator issued for a sign-in token, and Action=login takes that token and answers with a page
// that names the role and account signed in (never a redirect: the destination is the real console).
class SimFederationApi
{
public:
    explicit SimFederationApi(SimState &state);

    SimResponse answer(const SimRequest &request);

private:
    SimResponse getSigninToken(const SimRequest &request);
    SimResponse login(const SimRequest &request);

    SimState &m_state;
};
