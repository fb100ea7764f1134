#pragma once

#include "SimBrowserSessions.h"
#include "SimOidcApi.h"
#include "SimRequest.h"
#include "SimResponse.h"
#include "SimSignInFlow.h"
#include "SimSignInSettings.h"
#include "SimState.h"

#include <QJsonObject>
#include <QUrl>
#include <functional>

// What the second listener (the phishing origin) saw: a driver that types nothing there leaves it at zero
// input events and submissions.
struct SimPhishingReport
{
    QUrl origin; // empty until the second listener was needed
    int pageViews = 0;
    int inputEvents = 0;
    int submissions = 0;

    QJsonObject toJson() const;
};

// The pages a browser walks through to sign in: the device code confirmation, the sign-in steps, the
// external identity provider, consent and the end (success page or PKCE redirect), in the page generation
// and variant of SimSignInSettings. SimSignInFlow decides; this class maps steps to URLs and answers HTTP.
class SimSignInPages
{
public:
    // Starts the second listener when first needed; returns its base URL (empty when it cannot listen).
    using OriginProvider = std::function<QUrl()>;

    SimSignInPages(SimState &state, SimOidcApi &oidc, OriginProvider secondOrigin);

    SimResponse authorizePage(const SimRequest &request);
    SimResponse devicePage(const SimRequest &request);
    // True for the pages, forms, scripts and page APIs this class answers on the simulator's port.
    static bool handles(const SimRequest &request);
    SimResponse answer(const SimRequest &request);
    // Every request to the second listener.
    SimResponse answerSecondOrigin(const SimRequest &request);

    SimBrowserSessions &sessions() { return m_sessions; }
    const SimPhishingReport &phishingReport() const { return m_phishing; }

private:
    using Generation = SimSignInSettings::Generation;
    using PageGroup = SimSignInSettings::PageGroup;

    // Where a workflow's current step is shown.
    struct Location
    {
        QUrl url;
        QString key; // equal keys: the same page, which a cloudscape page updates in place
        Generation generation = Generation::Cloudscape;
        PageGroup group = PageGroup::SignIn;
        bool secondOrigin = false;
    };

    const SimSignInSettings &settings() const { return m_state.config.signInPages; }
    QString mainOrigin() const;
    QString secondOriginText();
    Location locate(const SimSignInWorkflow &workflow);
    static QString pageKey(Generation generation, const QString &origin, const QString &path);

    QJsonObject view(const SimSignInWorkflow &workflow, const QString &error) const;
    static QJsonObject deviceView(const QString &userCode, const QString &error);
    static QJsonObject deadEndView(const QString &step, const QString &error);
    QJsonObject bootstrap(Generation generation, PageGroup group, const QJsonObject &view, const QString &key,
                          const QString &endpoint, bool secondOrigin) const;
    SimResponse stepPage(const SimSignInWorkflow &workflow, const QString &error);
    SimResponse classicDevicePage(const QString &userCode, const QString &error);
    SimResponse cloudscapeHop(const QString &userCode);
    SimResponse externalIdpPage(const SimSignInWorkflow &workflow, const QString &error);

    SimResponse showWorkflowPage(const SimRequest &request, Generation generation, bool secondOrigin);
    SimResponse portalHome(const SimRequest &request);
    SimResponse pageApi(const SimRequest &request, bool secondOrigin);
    SimResponse classicForm(const SimRequest &request, bool secondOrigin);
    SimResponse externalIdpForm(const SimRequest &request);
    SimResponse redirectTo(const SimSignInWorkflow &workflow, const SimStepOutcome &outcome);

    SimState &m_state;
    SimOidcApi &m_oidc;
    OriginProvider m_secondOrigin;
    SimBrowserSessions m_sessions;
    SimSignInFlow m_flow;
    SimPhishingReport m_phishing;
};
