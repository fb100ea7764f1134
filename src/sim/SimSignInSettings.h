#pragma once

#include "Result.h"

#include <QJsonObject>
#include <QString>

class SimJsonReader;

// How the simulated sign-in pages look and behave: which page generation, which variant, how slow the page
// scripts are, and the traps a driver must cope with. From the configuration's "signInPages" object or at
// run time (SsoSimulator::config(), POST /_sim/pages).
struct SimSignInSettings
{
    enum class Generation
    {
        Classic,    // awsui-era pages (2020-2023): full page loads, fixed ids such as #awsui-input-0
        Cloudscape, // 2024+ pages: React-style controlled inputs, hashed classes, in-page step changes
        Mixed,      // each page group chooses classic or cloudscape (see mixed*)
    };
    enum class Variant
    {
        Standard,  // the ids, labels and timings of reference/portal-dom.md
        Alternate, // same meaning, different ids, classes, labels, button texts and slower rendering
    };
    // The pages a flow goes through, for the per-step choice of a mixed generation.
    enum class PageGroup
    {
        Device,  // device code confirmation
        SignIn,  // username, password, MFA, security key
        Consent, // allow / deny
        Success, // "Request approved"
    };

    Generation generation = Generation::Cloudscape;
    Generation mixedDevice = Generation::Classic;
    Generation mixedSignIn = Generation::Cloudscape;
    Generation mixedConsent = Generation::Cloudscape;
    Generation mixedSuccess = Generation::Classic;
    Variant variant = Variant::Standard;
    // Delay between a page's load and its form appearing; -1: the variant's own (300 ms, alternate 800 ms).
    int renderDelayMs = -1;
    // Delay before the page script fills the hidden metadata1 input; a submit before it is refused.
    int metadataDelayMs = 1500;
    // The cookie banner that covers the portal pages until accepted.
    bool cookieBanner = true;
    // The password page comes from a second loopback listener: another web origin, as a phishing page would.
    bool phishingOrigin = false;
    // The final PKCE redirect carries a state other than the one /authorize was given.
    bool wrongState = false;

    Generation generationFor(PageGroup group) const;
    int effectiveRenderDelayMs() const;

    // Reads the members present over `base` (a partial object changes only what it names).
    static SimSignInSettings read(SimJsonReader &reader, const SimSignInSettings &base);
    static Result<SimSignInSettings> fromJson(const QJsonObject &json, const SimSignInSettings &base);
    QJsonObject toJson() const;

    static QString generationName(Generation generation);
    static QString variantName(Variant variant);
};
