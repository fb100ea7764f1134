#pragma once

#include "SimOidcApi.h"
#include "SimRequest.h"
#include "SimResponse.h"
#include "SimState.h"

// The pages a browser sees: GET /authorize (PKCE) and GET /device (the verification URI).
// For now they only say how to approve through the admin API; the sign-in pages of both portal
// generations will grow here.
class SimSignInPages
{
public:
    SimSignInPages(SimState &state, SimOidcApi &oidc);

    SimResponse authorizePage(const SimRequest &request);
    SimResponse devicePage(const SimRequest &request);

private:
    SimState &m_state;
    SimOidcApi &m_oidc;
};
